/**
 * `npm run check:i18n` (part of `npm run lint`): no user-visible text in one language only.
 *
 * It reads every TypeScript source of every workspace package (src, web, sandboxes, …; not
 * tests, benchmarks, builds or .d.ts) and checks each text catalogue it finds there — the web
 * apps' words, the server's PDF, e-mail and problem texts. Nothing registers a catalogue: it is
 * found by its shape, an object literal keyed only by language codes (lt, lv, en), so a new one
 * is checked as soon as it is written that way:
 *
 *   const TEXTS = { lt, lv, en } satisfies Record<Locale, Texts>;      // words by language
 *   const LABELS = { lt: { save: 'Išsaugoti' }, lv: {...}, en: {...} };
 *   title: { lt: 'Prašymas', lv: 'Iesniegums', en: 'Application' }    // one text in each
 *
 * It fails, naming the file, line and key path, when a key is in one language but not another,
 * a text is empty, or a function takes different arguments across languages (or one language
 * leaves an argument out of its text); a single text must name every language unless it sits in
 * a table keyed by the English text whose entries all name the others. The rules are in i18n-catalogues.ts. `--list` prints the catalogues it found.
 * Exit code 0 when all hold, 1 with each problem.
 */
import fs from 'node:fs';
import path from 'node:path';
import { checkCatalogues, type Catalogue, type CatalogueProblem } from './i18n-catalogues.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const SKIP_DIRS = new Set(['node_modules', 'dist', 'coverage', 'test', 'bench']);
const SOURCE = /\.tsx?$/;

function sources(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return SKIP_DIRS.has(entry.name) ? [] : sources(full);
    return SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Every catalogue of the workspace packages' sources, and their problems. */
export function checkRepository(root = ROOT): { catalogues: Catalogue[]; problems: CatalogueProblem[] } {
  const workspaces = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { workspaces: string[] }).workspaces;
  const results = workspaces.flatMap((workspace) => sources(path.join(root, workspace)))
    .map((file) => checkCatalogues(path.relative(root, file), fs.readFileSync(file, 'utf8')));
  return { catalogues: results.flatMap((r) => r.catalogues), problems: results.flatMap((r) => r.problems) };
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const { catalogues, problems } = checkRepository();
  // --list: which catalogues the check found, words by language first.
  if (process.argv.includes('--list')) {
    for (const c of catalogues.filter((c) => c.shape === 'by-language')) console.log(`${c.file}:${c.line} ${c.name}`);
    console.log(`and ${catalogues.filter((c) => c.shape === 'one-text').length} single texts in lt, lv, en`);
  }
  for (const p of problems) console.error(`${p.file}:${p.line} ${p.path}: ${p.message}`);
  console.error(problems.length
    ? `check:i18n: ${problems.length} problem(s)`
    : `check:i18n: ${catalogues.length} catalogues, every key in every language`);
  process.exitCode = problems.length ? 1 : 0;
}
