import { ensureWebBuild } from '../../src/web/web-build.js';

/** The browser suites test the built portal: build it once when missing or older than its sources. */
export default async function setup(): Promise<void> {
  await ensureWebBuild();
}
