/**
 * The officials' workspace is a page of its own under /workspace/ (a second page of the portal's
 * build): every address under it gets the workspace's page with the runtime's strict CSP, its
 * scripts come from the shared /assets, and the API and the portal's pages are left as they were.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuild } from '../src/web/web-build.js';
import { startTestRuntime, type TestRuntime } from './support/harness.js';

describe('the workspace pages', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    await ensureWebBuild();
    t = await startTestRuntime();
  }, 180_000);
  afterAll(async () => { await t?.close(); });

  const page = (path: string) => fetch(`${t.url}${path}`, { headers: { accept: 'text/html' } });

  it('answers every workspace address with the workspace page, under the strict CSP', async () => {
    for (const path of ['/workspace', '/workspace/', '/workspace/?view=overdue', '/workspace/tasks/4b8c2f0e-8d3c-4c55-9a7e-3f1f2f0d9a11', '/workspace/cases/4b8c2f0e-8d3c-4c55-9a7e-3f1f2f0d9a11']) {
      const response = await page(path);
      expect(response.status, path).toBe(200);
      const html = await response.text();
      const script = /<script type="module" crossorigin src="(\/assets\/workspace-[^"]+\.js)"><\/script>/.exec(html)?.[1];
      expect(script, path).toBeDefined();
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(response.headers.get('content-security-policy')).not.toContain('unsafe-inline');
      expect((await fetch(`${t.url}${script}`)).status).toBe(200);
    }
  });

  it('leaves the portal its pages and the API its answers', async () => {
    const portal = await (await page('/orders')).text();
    expect(portal).toMatch(/src="\/assets\/portal-[^"]+\.js"/);
    expect(portal).not.toContain('/assets/workspace-');
    const api = await fetch(`${t.url}/api/tasks`, { headers: { accept: 'application/json' } });
    expect(api.status).toBe(401);
    expect(api.headers.get('content-type')).toContain('application/problem+json');
  });
});
