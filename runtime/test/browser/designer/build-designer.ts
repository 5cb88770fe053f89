import { DESIGNER_APP } from '@konstruktor/designer';
import { ensureWebBuild } from '../../../src/web/web-build.js';

/** The designer's browser suites test its build: build it once when missing or older than its sources. */
export default async function setup(): Promise<void> {
  await ensureWebBuild(DESIGNER_APP);
}
