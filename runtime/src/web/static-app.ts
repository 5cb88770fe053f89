import fs from 'node:fs';
import path from 'node:path';
import express, { Router, type RequestHandler } from 'express';
import helmet from 'helmet';
import type { RuntimeConfig } from '../config.js';

type Directives = Record<string, string[]>;

/**
 * The CSP every web app of the runtime starts from: everything from this origin only, no inline
 * or eval'd script, no framing; `loosened` replaces the directives an app needs wider.
 */
export function appCsp(config: Pick<RuntimeConfig, 'publicUrl'>, loosened: Directives = {}): RequestHandler {
  return helmet.contentSecurityPolicy({
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      scriptSrcAttr: ["'none'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      ...(config.publicUrl.startsWith('https:') ? { upgradeInsecureRequests: [] } : {}),
      ...loosened,
    },
  });
}

export interface StaticAppOptions {
  /** The app's Vite build (index.html and hashed assets/). */
  dist: string;
  /** The app's Content-Security-Policy, set on everything this router answers. */
  csp: RequestHandler;
  /** Paths (relative to where the router is mounted) that are not the app's: left to the routers after it. */
  notApp?: RegExp;
  /** Said (503) to a page navigation while the app is not built. */
  notBuilt: string;
  /** Renders some pages on the server before the others get index.html (calls next() for those it leaves). */
  pages?: RequestHandler;
}

/** Serves a built single-page app; any other page address gets its index.html (client-side routing). */
export function staticAppRouter({ dist, csp, notApp, notBuilt, pages }: StaticAppOptions): Router {
  const router = Router();
  const index = path.join(dist, 'index.html');
  const isApp = (p: string) => !notApp?.test(p);
  router.use((req, res, next) => (isApp(req.path) ? csp(req, res, next) : next()));
  // Hashed bundle names: a file under /assets never changes.
  router.use('/assets', express.static(path.join(dist, 'assets'), { immutable: true, maxAge: '365d', index: false }));
  router.use(express.static(dist, { index: false }));
  if (pages) router.get(/.*/, (req, res, next) => (isApp(req.path) ? pages(req, res, next) : next()));
  router.get(/.*/, (req, res, next) => {
    // Only page navigations (a browser asks for text/html); API clients keep their 404 problem.
    if (!isApp(req.path) || !req.headers.accept?.includes('text/html')) return next();
    if (!fs.existsSync(index)) {
      res.status(503).type('text/plain').send(notBuilt);
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}
