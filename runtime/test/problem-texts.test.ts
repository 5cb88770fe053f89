import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROBLEM_TITLES } from '../src/http/problem-texts.js';
import { startTestRuntime, type TestRuntime } from './support/harness.js';

const SRC = path.resolve(import.meta.dirname, '../src');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sources(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('problem titles in the reader\'s language', () => {
  it('has a title in lt, lv and en for every problem the runtime raises by name', () => {
    const slugs = new Set<string>();
    for (const file of sources(SRC)) {
      for (const match of fs.readFileSync(file, 'utf8').matchAll(/(?:HttpProblem|problem)\(\s*\d{3},\s*'([a-z-]+)'/g)) slugs.add(match[1]!);
    }
    expect(slugs.size).toBeGreaterThan(20);
    const missing = [...slugs].filter((slug) => !['lt', 'lv', 'en'].every((lang) => PROBLEM_TITLES[slug]?.[lang as 'lt']));
    expect(missing, 'add these to runtime/src/http/problem-texts.ts').toEqual([]);
  });

  describe('over HTTP', () => {
    let t: TestRuntime;
    beforeAll(async () => { t = await startTestRuntime(); });
    afterAll(async () => { await t?.close(); });

    it('titles a problem by lang, then the lang cookie, then Accept-Language, English otherwise', async () => {
      const get = (query: string, headers: Record<string, string> = {}) => fetch(`${t.url}/api/applications/00000000-0000-4000-8000-000000000000${query}`, { headers: { accept: 'application/json', ...headers } });
      const english = await get('');
      expect(english.status).toBe(401);
      expect(((await english.json()) as { title: string }).title).toBe('Log in first');
      expect(((await (await get('', { 'accept-language': 'lt-LT,lt;q=0.9' })).json()) as { title: string }).title).toBe('Pirmiausia prisijunkite');
      const byCookie = await get('', { 'accept-language': 'lt', cookie: 'lang=lv' });
      expect(byCookie.headers.get('content-language')).toBe('lv');
      expect(((await byCookie.json()) as { title: string }).title).toBe('Vispirms piesakieties');
      expect(((await (await get('?lang=en', { cookie: 'lang=lv' })).json()) as { title: string }).title).toBe('Log in first');
    });
  });
});
