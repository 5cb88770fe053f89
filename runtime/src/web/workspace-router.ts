import path from 'node:path';
import type { Router } from 'express';
import type { RuntimeConfig } from '../config.js';
import { WEB_DIST } from './web-build.js';
import { appCsp, staticAppRouter } from './static-app.js';

/**
 * Serves the officials' workspace; mount it at /workspace. Its page comes from the portal's
 * build (dist/workspace/index.html), its bundles from the portal's /assets, under the same CSP
 * as the portal (the form viewer styles itself through the CSSOM).
 */
export function workspaceRouter(config: Pick<RuntimeConfig, 'publicUrl'>, dist = path.join(WEB_DIST, 'workspace')): Router {
  return staticAppRouter({
    // pdf.js previews documents in a worker of its own, served from our origin.
    dist, csp: appCsp(config, { workerSrc: ["'self'"] }),
    notBuilt: 'The officials\' workspace is not built yet: run `npm run build:web` (npm start builds it).',
  });
}
