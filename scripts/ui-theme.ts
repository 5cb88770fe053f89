/**
 * `npm run ui:theme`: builds the agency theme of the web apps' component layer with
 * Designsystemet's own token tool, from runtime/web/theme/designsystemet.config.json (colours,
 * font, radius), into runtime/web/src/ui/theme/konstruktor.css. An agency re-themes by editing
 * the config and running this. `--check` writes nothing and exits 1 when the checked-in CSS
 * differs from what the config gives (`npm run lint` runs it).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const CONFIG = path.join(ROOT, 'runtime/web/theme/designsystemet.config.json');
const TARGET = path.join(ROOT, 'runtime/web/src/ui/theme/konstruktor.css');
const CLI = path.join(ROOT, 'node_modules/@digdir/designsystemet/dist/bin/designsystemet.js');

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ui-theme-'));
try {
  const run = (...args: string[]) => execFileSync(process.execPath, [CLI, 'tokens', ...args], { cwd: work, stdio: 'pipe' });
  // The tool reads designsystemet.config.json from where it runs and writes its tokens beside it.
  fs.copyFileSync(CONFIG, path.join(work, 'designsystemet.config.json'));
  run('create');
  run('build', '--tokens', 'design-tokens', '--out-dir', 'build');
  const css = fs.readFileSync(path.join(work, 'build', 'konstruktor.css'), 'utf8');
  const current = fs.existsSync(TARGET) ? fs.readFileSync(TARGET, 'utf8') : undefined;
  if (current === css) process.exit(0);
  if (process.argv.includes('--check')) {
    console.error(`${path.relative(ROOT, TARGET)} differs from ${path.relative(ROOT, CONFIG)}; run \`npm run ui:theme\``);
    process.exitCode = 1;
  } else {
    fs.writeFileSync(TARGET, css);
    console.log(`wrote ${path.relative(ROOT, TARGET)}`);
  }
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
