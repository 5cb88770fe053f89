import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FORMS_BROWSER_SOURCES } from '@konstruktor/forms';

export { EXECUTION_PLATFORM, ISO_DURATION_PATTERN, PRICE_AMOUNT_PATTERN } from './rules.js';

/**
 * Where the designer app lives, for the runtime that builds and serves it at /designer/
 * (the runtime's WebApp: name, Vite root, build folder, the sources the build is made from).
 */
export const DESIGNER_ROOT = path.resolve(import.meta.dirname, '../web');
export const DESIGNER_DIST = path.join(DESIGNER_ROOT, 'dist');
/** The address the app is built for (Vite's base) and served at. */
export const DESIGNER_BASE = '/designer/';

export const DESIGNER_APP = {
  name: 'designer',
  root: DESIGNER_ROOT,
  dist: DESIGNER_DIST,
  // Its own folders (the app imports ./rules.ts) and the forms package's browser code, which the forms tab imports.
  sources: [DESIGNER_ROOT, import.meta.dirname, ...FORMS_BROWSER_SOURCES.map((url) => fileURLToPath(url))],
};
