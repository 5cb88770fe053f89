import fs from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';
import helmet from 'helmet';
import type { RuntimeConfig } from '../config.js';
import { WEB_DIST } from './web-build.js';

/**
 * The portal's CSP: scripts and styles only from this origin (no inline or eval'd code); the
 * form viewer's dynamic styling goes through the CSSOM, which CSP allows. Requests leave only
 * for this origin.
 */
export function portalCsp(config: Pick<RuntimeConfig, 'publicUrl'>) {
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
    },
  });
}

const NOT_PORTAL = /^\/(api|health)(\/|$)/;

/** Serves the built citizen portal; any other page address gets its index.html (client-side routing). */
export function webRouter(config: Pick<RuntimeConfig, 'publicUrl'>, dist = WEB_DIST): Router {
  const router = Router();
  const csp = portalCsp(config);
  const index = path.join(dist, 'index.html');
  router.use((req, res, next) => (NOT_PORTAL.test(req.path) ? next() : csp(req, res, next)));
  // Hashed bundle names: a file under /assets never changes.
  router.use('/assets', express.static(path.join(dist, 'assets'), { immutable: true, maxAge: '365d', index: false }));
  router.use(express.static(dist, { index: false }));
  router.get(/.*/, (req, res, next) => {
    // Only page navigations (a browser asks for text/html); API clients keep their 404 problem.
    if (NOT_PORTAL.test(req.path) || !req.headers.accept?.includes('text/html')) return next();
    if (!fs.existsSync(index)) {
      res.status(503).type('text/plain').send('The citizen portal is not built yet: run `npm run build:web` (npm start builds it).');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}
