import fs from 'node:fs/promises';
import path from 'node:path';

/** The portal's sources and its built copy, which the runtime serves. */
export const WEB_ROOT = path.resolve(import.meta.dirname, '../../web');
export const WEB_DIST = path.join(WEB_ROOT, 'dist');

/** What the portal bundle is built from: its own folder and the forms package it imports. */
const SOURCES = [WEB_ROOT, path.resolve(WEB_ROOT, '../../forms/src')];
const SKIP = new Set(['dist', 'node_modules']);

async function newestChange(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await fs.readdir(dir, { withFileTypes: true }).catch(() => [])) {
    if (SKIP.has(entry.name) || entry.name.startsWith('.') || entry.name.startsWith('dist.')) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? await newestChange(full) : (await fs.stat(full)).mtimeMs);
  }
  return newest;
}

/** True when dist is missing or older than any source file. */
export async function webBuildStale(): Promise<boolean> {
  const built = await fs.stat(path.join(WEB_DIST, 'index.html')).then((s) => s.mtimeMs, () => 0);
  if (!built) return true;
  for (const dir of SOURCES) if ((await newestChange(dir)) > built) return true;
  return false;
}

/**
 * Builds the portal with Vite when dist is missing or stale, so `npm start` on a fresh clone
 * serves it. It builds into a folder of its own and renames it into place, so two runtimes
 * starting at once never serve a half-written bundle.
 */
export async function ensureWebBuild(): Promise<'built' | 'fresh'> {
  if (!(await webBuildStale())) return 'fresh';
  const { build } = await import('vite');
  const outDir = path.join(WEB_ROOT, `dist.${process.pid}.${Date.now()}`);
  try {
    await build({ configFile: path.join(WEB_ROOT, 'vite.config.ts'), build: { outDir, emptyOutDir: true }, logLevel: 'warn' });
    const old = `${outDir}.old`;
    await fs.rename(WEB_DIST, old).catch(() => undefined);
    // Another runtime may have put its equally fresh build in place meanwhile; serve that one.
    await fs.rename(outDir, WEB_DIST).catch(async (error: NodeJS.ErrnoException) => {
      if (!(await fs.stat(path.join(WEB_DIST, 'index.html')).catch(() => undefined))) throw error;
    });
    await fs.rm(old, { recursive: true, force: true });
  } finally {
    await fs.rm(outDir, { recursive: true, force: true });
  }
  return 'built';
}
