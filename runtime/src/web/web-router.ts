import type { Router } from 'express';
import type { RuntimeConfig } from '../config.js';
import { WEB_DIST } from './web-build.js';
import { appCsp, staticAppRouter } from './static-app.js';
import { portalPages } from './portal-pages.js';
import type { Catalogue } from '../catalogue/catalogue.js';

/**
 * The portal's CSP: scripts and styles only from this origin (no inline or eval'd code); the
 * form viewer's dynamic styling goes through the CSSOM, which CSP allows. Requests leave only
 * for this origin.
 */
export function portalCsp(config: Pick<RuntimeConfig, 'publicUrl'>) {
  return appCsp(config);
}

/** The API, health checks, the designer and the officials' workspace (served by their own routers) are not the portal's pages. */
const NOT_PORTAL = /^\/(api|health|designer|workspace)(\/|$)/;

/** Serves the built citizen portal: its public pages rendered on the server, any other page address its index.html (client-side routing). */
export function webRouter(config: Pick<RuntimeConfig, 'publicUrl'>, { catalogue }: { catalogue: Catalogue }, dist = WEB_DIST): Router {
  return staticAppRouter({
    dist, csp: portalCsp(config), notApp: NOT_PORTAL, pages: portalPages({ dist, catalogue }),
    notBuilt: 'The citizen portal is not built yet: run `npm run build:web` (npm start builds it).',
  });
}
