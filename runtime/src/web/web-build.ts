import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { FORMS_BROWSER_SOURCES } from '@konstruktor/forms';

/** A browser app the runtime serves: its Vite root (holding vite.config.ts), its build and what the bundle is built from. */
export interface WebApp {
  /** Named in messages, e.g. "citizen portal". */
  name: string;
  root: string;
  dist: string;
  /** Folders whose changes make the build stale (the app's own root and the workspace sources it imports). */
  sources: string[];
  /** The module (relative to root) that renders its public pages on the server, built into dist/server. */
  serverEntry?: string;
  /** Further pages of a multi-page build besides index.html: folders of dist holding their own index.html. */
  pages?: string[];
}

/** The citizen portal's sources and its built copy. */
export const WEB_ROOT = path.resolve(import.meta.dirname, '../../web');
export const WEB_DIST = path.join(WEB_ROOT, 'dist');

/**
 * The portal bundle is built from its own folder and the forms package's browser sources it
 * imports; the officials' workspace (dist/workspace, served at /workspace/) is built with it.
 */
export const PORTAL: WebApp = {
  name: 'citizen portal',
  root: WEB_ROOT,
  dist: WEB_DIST,
  sources: [WEB_ROOT, ...FORMS_BROWSER_SOURCES.map((url) => fileURLToPath(url))],
  serverEntry: 'src/entry-server.tsx',
  pages: ['workspace'],
};

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

/** True when the app's dist is missing or older than any source file. */
export async function webBuildStale(app: WebApp = PORTAL): Promise<boolean> {
  const built = await fs.stat(path.join(app.dist, 'index.html')).then((s) => s.mtimeMs, () => 0);
  if (!built) return true;
  for (const dir of app.sources) if ((await newestChange(dir)) > built) return true;
  return false;
}

/** Bundles replaced this long ago are deleted; a page loaded before then may still ask for them. */
const KEEP_OLD_ASSETS_MS = 60 * 60_000;

/** Replaces `name` (a file or a folder) in `dist` with the one in `outDir` in one rename. */
async function swapIn(outDir: string, dist: string, name: string): Promise<void> {
  const staged = path.join(dist, `${name}.${process.pid}`);
  await fs.rm(staged, { recursive: true, force: true });
  await fs.cp(path.join(outDir, name), staged, { recursive: true });
  const old = path.join(dist, `${name}.old.${process.pid}`);
  // rename() cannot put a folder over a non-empty one: the old one steps aside first.
  if ((await fs.stat(path.join(dist, name)).catch(() => null))?.isDirectory()) await fs.rename(path.join(dist, name), old);
  await fs.rename(staged, path.join(dist, name));
  await fs.rm(old, { recursive: true, force: true });
}

/**
 * Puts a fresh build in place while runtimes may be serving the old one (another `npm start`,
 * a test run): the hashed bundles are added beside the old ones, then index.html is swapped in
 * one rename, so a page that loaded the old index.html still gets its old scripts.
 */
async function install(app: WebApp, outDir: string): Promise<void> {
  const assets = path.join(app.dist, 'assets');
  await fs.mkdir(assets, { recursive: true });
  for (const file of await fs.readdir(path.join(outDir, 'assets'))) {
    await fs.copyFile(path.join(outDir, 'assets', file), path.join(assets, file));
  }
  // The server renderer first: it names only bundles already in place, and the new index.html after it names them too.
  if (app.serverEntry) await swapIn(outDir, app.dist, 'server');
  for (const page of app.pages ?? []) await swapIn(outDir, app.dist, page);
  await swapIn(outDir, app.dist, 'index.html');
  const now = Date.now();
  const fresh = new Set(await fs.readdir(path.join(outDir, 'assets')));
  for (const file of await fs.readdir(assets)) {
    if (fresh.has(file)) continue;
    // Another runtime may be pruning the same folder.
    const installed = await fs.stat(path.join(assets, file)).then((s) => s.mtimeMs, () => now);
    if (now - installed > KEEP_OLD_ASSETS_MS) await fs.rm(path.join(assets, file), { force: true });
  }
}

/**
 * Builds an app with Vite when its dist is missing or stale, so `npm start` on a fresh clone
 * serves it. It builds into a folder of its own first, so a runtime serving dist meanwhile
 * never sees a half-written bundle; `signal` stops the build (its folder is removed).
 */
export async function ensureWebBuild(app: WebApp = PORTAL, { signal }: { signal?: AbortSignal } = {}): Promise<'built' | 'fresh'> {
  if (!(await webBuildStale(app))) return 'fresh';
  const outDir = path.join(app.root, `dist.${process.pid}.${Date.now()}`);
  const vite = path.join(path.dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin/vite.js');
  try {
    // A process of its own with NODE_ENV=production: under vitest (NODE_ENV=test) Vite would
    // otherwise emit React's development JSX calls, which the production React lacks.
    const build = (...args: string[]) => promisify(execFile)(process.execPath, [vite, 'build', '--config', path.join(app.root, 'vite.config.ts'), '--logLevel', 'warn', ...args], {
      env: { ...process.env, NODE_ENV: 'production' }, maxBuffer: 16 * 1024 * 1024, ...(signal ? { signal } : {}),
    });
    await build('--outDir', outDir, '--emptyOutDir');
    if (app.serverEntry) await build('--ssr', app.serverEntry, '--outDir', path.join(outDir, 'server'));
    await install(app, outDir);
  } finally {
    await fs.rm(outDir, { recursive: true, force: true });
  }
  return 'built';
}
