import type { Router } from 'express';
import { DESIGNER_DIST } from '@konstruktor/designer';
import type { RuntimeConfig } from '../config.js';
import { appCsp, staticAppRouter } from './static-app.js';

/**
 * The designer's CSP: scripts only from this origin, as the portal's. Styles may be inline
 * because bpmn-js, the properties panel and monaco set style attributes and inject <style>;
 * monaco runs its language services in workers from this origin.
 */
export function designerCsp(config: Pick<RuntimeConfig, 'publicUrl'>) {
  return appCsp(config, {
    styleSrc: ["'self'", "'unsafe-inline'"],
    workerSrc: ["'self'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
  });
}

/** Serves the built designer; mount it at /designer. */
export function designerAppRouter(config: Pick<RuntimeConfig, 'publicUrl'>, dist = DESIGNER_DIST): Router {
  return staticAppRouter({
    dist, csp: designerCsp(config),
    notBuilt: 'The designer is not built yet: run `npm run build:designer` (npm start builds it).',
  });
}
