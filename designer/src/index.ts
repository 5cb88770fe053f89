import path from 'node:path';

/**
 * Where the designer app lives, for the runtime that builds and serves it at /designer/
 * (the shape of runtime/src/web/web-build.ts's WebApp).
 */
export const DESIGNER_ROOT = path.resolve(import.meta.dirname, '../web');
export const DESIGNER_DIST = path.join(DESIGNER_ROOT, 'dist');
/** The address the app is built for (Vite's base) and served at. */
export const DESIGNER_BASE = '/designer/';

export const DESIGNER_APP = {
  name: 'designer',
  root: DESIGNER_ROOT,
  dist: DESIGNER_DIST,
  // Its own folder and the forms package, whose browser entries the forms tab imports.
  sources: [DESIGNER_ROOT, path.resolve(DESIGNER_ROOT, '../../forms/src'), path.resolve(DESIGNER_ROOT, '../../forms/web')],
};
