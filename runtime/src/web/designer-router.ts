import type { Router } from 'express';
import helmet from 'helmet';
import { DESIGNER_DIST } from '@konstruktor/designer';
import type { RuntimeConfig } from '../config.js';
import { staticAppRouter } from './static-app.js';

/**
 * The designer's CSP: scripts only from this origin, as the portal's. Styles may be inline
 * because bpmn-js, the properties panel and monaco set style attributes and inject <style>;
 * monaco runs its language services in workers from this origin.
 */
export function designerCsp(config: Pick<RuntimeConfig, 'publicUrl'>) {
  return helmet.contentSecurityPolicy({
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      scriptSrcAttr: ["'none'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      workerSrc: ["'self'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
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

/** Serves the built designer; mount it at /designer. */
export function designerAppRouter(config: Pick<RuntimeConfig, 'publicUrl'>, dist = DESIGNER_DIST): Router {
  return staticAppRouter({
    dist, csp: designerCsp(config),
    notBuilt: 'The designer is not built yet: run `npm run build:designer` (npm start builds it).',
  });
}
