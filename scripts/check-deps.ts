/**
 * `npm run check:deps`: the package rules of ARCHITECTURE.md, over every file of every workspace
 * package (src, web, test, bench, sandboxes, … — tests and dynamic imports included):
 *  1. a package reaches another only by its name: `@konstruktor/<name>` or a subpath that package's
 *     `exports` lists; never by a relative import into the other's folder, nor by a path
 *     (`new URL('../../forms/…')`, `path.resolve(…, '../../forms/src')`) into it;
 *  2. each `@konstruktor/<name>` a package uses is declared in its package.json;
 *  3. no cycle between packages, counting every use (type-only, dynamic, tests) and every declaration;
 *  4. no circular import among a package's own modules (madge), `import type` counted too: a
 *     type-only cycle is still two modules that cannot be read apart.
 * `npm run check:cycles` (`--cycles`) is rule 4 alone.
 * Exit code 0 when everything holds, 1 with each problem listed.
 */
import fs from 'node:fs';
import path from 'node:path';
import madge from 'madge';
import ts from 'typescript';

const ROOT = path.resolve(import.meta.dirname, '..');
const SCOPE = '@konstruktor/';
const SKIP_DIRS = new Set(['node_modules', 'dist', 'coverage']);
const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const cyclesOnly = process.argv.includes('--cycles');

interface Workspace {
  /** Folder name under the root, e.g. "runtime". */
  dir: string;
  /** Package name, e.g. "@konstruktor/runtime". */
  name: string;
  /** What other packages may import: the name itself and each exported subpath. */
  entries: Set<string>;
  /** @konstruktor/* packages in dependencies or devDependencies. */
  declared: Set<string>;
}

interface Use {
  from: Workspace;
  file: string;
  line: number;
  text: string;
  kind: 'import' | 'string';
}

const problems: string[] = [];

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
}

function loadWorkspaces(): Workspace[] {
  const dirs = readJson(path.join(ROOT, 'package.json')).workspaces as string[];
  return dirs.map((dir) => {
    const pkg = readJson(path.join(ROOT, dir, 'package.json'));
    const name = pkg.name as string;
    const exportsField = (pkg.exports ?? { '.': pkg.main }) as Record<string, unknown>;
    const entries = new Set(Object.keys(exportsField).map((key) => (key === '.' ? name : `${name}/${key.replace(/^\.\//, '')}`)));
    const deps = { ...(pkg.dependencies as object | undefined), ...(pkg.devDependencies as object | undefined) };
    const declared = new Set(Object.keys(deps).filter((dep) => dep.startsWith(SCOPE)));
    return { dir, name, entries, declared };
  });
}

function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SKIP_DIRS.has(entry.name) || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(full));
    else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(full);
  }
  return files;
}

/** Every module specifier and string literal of a file, with its line. */
function scan(file: string): { text: string; line: number; kind: 'import' | 'string' }[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: { text: string; line: number; kind: 'import' | 'string' }[] = [];
  const specifiers = new Set<ts.Node>();
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const visit = (node: ts.Node): void => {
    let specifier: ts.Expression | undefined;
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) specifier = node.moduleSpecifier;
    else if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))) specifier = node.arguments[0];
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) specifier = node.argument.literal;
    else if (ts.isExternalModuleReference(node)) specifier = node.expression;
    if (specifier && ts.isStringLiteralLike(specifier)) {
      specifiers.add(specifier);
      found.push({ text: specifier.text, line: lineOf(specifier), kind: 'import' });
    }
    if (ts.isStringLiteralLike(node) && !specifiers.has(node)) found.push({ text: node.text, line: lineOf(node), kind: 'string' });
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const workspaces = loadWorkspaces();
const byName = new Map(workspaces.map((w) => [w.name, w]));
const byDir = new Map(workspaces.map((w) => [w.dir, w]));
/** The workspace a path lies in, if any. */
const workspaceOf = (file: string) => byDir.get(path.relative(ROOT, file).split(path.sep)[0]!);
const packageOf = (specifier: string) => specifier.split('/').slice(0, 2).join('/');
const where = (use: Pick<Use, 'file' | 'line'>) => `${path.relative(ROOT, use.file)}:${use.line}`;

/** Rules 1 to 3; answers the package graph (from -> to -> the first use that makes the edge). */
function checkPackages(): { edges: Map<string, Map<string, string>>; fileCount: number } {
  /** Package-level edges: from -> to -> the first use that makes it. */
  const edges = new Map<string, Map<string, string>>(workspaces.map((w) => [w.name, new Map()]));
  let fileCount = 0;
  /** "from to" -> the first use of an undeclared package and how many there are. */
  const undeclared = new Map<string, { first: string; count: number }>();

  for (const workspace of workspaces) {
    const home = path.join(ROOT, workspace.dir);
    for (const file of sourceFiles(home)) {
      fileCount += 1;
      for (const { text, line, kind } of scan(file)) {
        const use: Use = { from: workspace, file, line, text, kind };
        // Rule 1 (by name) and 2: @konstruktor/* names, imported or written as a string (an import(variable) in disguise).
        const scoped = text.match(/^@konstruktor\/[a-z0-9-]+(?:\/[\w./-]*)?$/);
        if (scoped) {
          const target = byName.get(packageOf(text));
          if (!target) {
            problems.push(`${where(use)}: '${text}' names no workspace package`);
            continue;
          }
          if (target === workspace) continue;
          if (!target.entries.has(text)) problems.push(`${where(use)}: '${text}' is not an entry point of ${target.name} (its package.json exports: ${[...target.entries].join(', ')})`);
          if (!workspace.declared.has(target.name)) {
            const key = `${workspace.name} ${target.name}`;
            const seen = undeclared.get(key);
            if (seen) seen.count += 1;
            else undeclared.set(key, { first: where(use), count: 1 });
          }
          const from = edges.get(workspace.name)!;
          if (!from.has(target.name)) from.set(target.name, where(use));
          continue;
        }
        // Rule 1 (no paths): a relative import or path that lands in another package's folder.
        if (!/^\.\.?(\/|$)/.test(text)) continue;
        const resolved = path.resolve(path.dirname(file), text);
        const landsIn = workspaceOf(resolved);
        const inside = resolved === home || resolved.startsWith(home + path.sep);
        if (inside) continue;
        if (kind === 'import') {
          problems.push(`${where(use)}: imports '${text}', outside ${workspace.dir}/${landsIn ? ` (into ${landsIn.dir}/, which is reached only by its name, ${landsIn.name})` : ''}`);
          continue;
        }
        // A path built from another base (path.resolve(SOME_ROOT, '../../forms/src')) names the folder in the string itself.
        const named = text.match(/^(?:\.\.\/)+([^/]+)/)?.[1];
        const other = landsIn ?? (named ? byDir.get(named) : undefined);
        if (other && other !== workspace) problems.push(`${where(use)}: the path '${text}' reaches into ${other.dir}/: use what ${other.name} exports instead`);
      }
    }
  }

  for (const [key, { first, count }] of undeclared) {
    const [from, to] = key.split(' ');
    problems.push(`${first}: ${from} uses ${to} without declaring it in ${byName.get(from!)!.dir}/package.json${count > 1 ? ` (and ${count - 1} more use(s))` : ''}`);
  }

  // Declared dependencies are edges too: a cycle through package.json alone is one npm would have to resolve.
  for (const workspace of workspaces) {
    for (const dep of workspace.declared) {
      if (dep === workspace.name || !byName.has(dep)) continue;
      const from = edges.get(workspace.name)!;
      if (!from.has(dep)) from.set(dep, `${workspace.dir}/package.json`);
    }
  }

  // Rule 3: cycles between packages (depth-first search; each cycle reported once, from its first package).
  const cycles = new Set<string>();
  function walk(name: string, trail: string[]): void {
    const at = trail.indexOf(name);
    if (at >= 0) {
      const cycle = trail.slice(at);
      const start = cycle.indexOf([...cycle].sort()[0]!);
      const rotated = [...cycle.slice(start), ...cycle.slice(0, start)];
      const key = rotated.join(' -> ');
      if (!cycles.has(key)) {
        cycles.add(key);
        const steps = rotated.map((from, i) => {
          const to = rotated[(i + 1) % rotated.length]!;
          return `    ${from} -> ${to}  (${edges.get(from)!.get(to)})`;
        });
        problems.push(`package cycle: ${[...rotated, rotated[0]].join(' -> ')}\n${steps.join('\n')}`);
      }
      return;
    }
    for (const next of edges.get(name)!.keys()) walk(next, [...trail, name]);
  }
  for (const workspace of workspaces) walk(workspace.name, []);
  return { edges, fileCount };
}

/** Rule 4: circular imports inside each package (madge over the whole package folder), as "dir/: a > b > a". */
async function moduleCycles(): Promise<string[]> {
  const found: string[] = [];
  for (const workspace of workspaces) {
    const result = await madge(path.join(ROOT, workspace.dir), {
      fileExtensions: ['ts', 'tsx'],
      excludeRegExp: [/(^|[/\\])node_modules[/\\]/, /(^|[/\\])dist[/\\]/],
      tsConfig: path.join(ROOT, 'tsconfig.json'),
      detectiveOptions: {
        ts: { skipTypeImports: false, skipAsyncImports: false },
        tsx: { skipTypeImports: false, skipAsyncImports: false },
      },
    });
    for (const cycle of result.circular()) found.push(`${workspace.dir}/: ${[...cycle, cycle[0]].join(' > ')}`);
  }
  return found;
}

if (cyclesOnly) {
  const cycles = await moduleCycles();
  if (cycles.length) {
    console.error(`${cycles.length} circular import(s), type-only imports counted:\n${cycles.map((c) => `  ${c}`).join('\n')}`);
    process.exitCode = 1;
  } else {
    console.log(`no circular import in ${workspaces.length} packages, type-only imports counted`);
  }
} else {
  const { edges, fileCount } = checkPackages();
  const cycles = await moduleCycles();
  if (cycles.length) problems.push(`circular imports (type-only counted):\n${cycles.map((c) => `    ${c}`).join('\n')}`);
  const graph = workspaces.map((w) => `  ${w.name.slice(SCOPE.length)} -> ${[...edges.get(w.name)!.keys()].map((n) => n.slice(SCOPE.length)).sort().join(', ') || '(none)'}`);
  console.log(`${workspaces.length} packages, ${fileCount} files; each uses:\n${graph.join('\n')}`);
  if (problems.length) {
    console.error(`\n${problems.length} problem(s):\n${problems.map((p) => `- ${p}`).join('\n')}`);
    process.exitCode = 1;
  } else {
    console.log('ok: other packages only through their entry points, every use declared, no package cycle, no circular import');
  }
}
