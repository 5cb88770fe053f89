/**
 * Finds the text catalogues in TypeScript sources and what is missing from them (see
 * check-i18n.ts). Read from the syntax tree, nothing run: a catalogue is an object literal whose
 * every key is a language code (lt, lv, en), at least two of them. Two shapes:
 *
 *  - words by language, `{ lt: {...}, lv: {...}, en: {...} }` (the values object or array
 *    literals, written there or as a `const` of the same file: `{ lt, lv, en }`): every key path
 *    of one language must be in the others, a function must take as many arguments in each and
 *    use the same ones;
 *  - one text in each language, `{ lt: 'Pridėti', lv: 'Pievienot', en: 'Add' }`: it must name
 *    every language, unless its siblings in the object around it all name the same ones (a table
 *    keyed by the English text, `{ 'Add new': { lt, lv } }`).
 *
 * In both, a text must not be empty. Values computed at run time (calls, other files' constants)
 * are not followed.
 */
import ts from 'typescript';

export const LANGUAGES = ['lt', 'lv', 'en'] as const;
const LANGUAGE_SET = new Set<string>(LANGUAGES);

export interface CatalogueProblem {
  file: string;
  line: number;
  /** The catalogue's name (the constant or property it is assigned to) and the key path, e.g. `TEXTS.states.draft`. */
  path: string;
  message: string;
}

/** A value of a catalogue reduced to what can differ between languages. */
type Shape =
  | { kind: 'object'; keys: Map<string, { shape: Shape; node: ts.Node }> }
  | { kind: 'text'; empty: boolean }
  /** `used`: which of the parameters the text uses, by position (a translation leaving out the count is a gap too). */
  | { kind: 'function'; parameters: number; used: boolean[] }
  | { kind: 'other' };

function unwrap(node: ts.Expression): ts.Expression {
  let current = node;
  while (ts.isAsExpression(current) || ts.isSatisfiesExpression(current) || ts.isParenthesizedExpression(current) || ts.isTypeAssertionExpression(current)) {
    current = current.expression;
  }
  return current;
}

function propertyName(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  return undefined;
}

/** The `const` initializers of a file by name, to follow `{ lt, en }` and `en: EN`. */
function constants(source: ts.SourceFile): Map<string, ts.Expression> {
  const found = new Map<string, ts.Expression>();
  const visit = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && ts.isVariableDeclarationList(node.parent) && node.parent.flags & ts.NodeFlags.Const) {
      found.set(node.name.text, node.initializer);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** A catalogue found: where, its name and which shape (words by language, or one text in each). */
export interface Catalogue {
  file: string;
  line: number;
  name: string;
  shape: 'by-language' | 'one-text';
}

/** A function's arity and which of its parameters its body uses. */
function functionShape(fn: ts.SignatureDeclaration & { body?: ts.Node }): Shape {
  const names = fn.parameters.map((p) => (ts.isIdentifier(p.name) ? p.name.text : undefined));
  const used = names.map(() => false);
  const visit = (node: ts.Node) => {
    if (ts.isIdentifier(node)) names.forEach((name, i) => { if (name === node.text) used[i] = true; });
    ts.forEachChild(node, visit);
  };
  if (fn.body) visit(fn.body);
  return { kind: 'function', parameters: fn.parameters.length, used };
}

class FileCatalogues {
  readonly problems: CatalogueProblem[] = [];
  readonly found: Catalogue[] = [];
  private readonly consts: Map<string, ts.Expression>;

  constructor(private readonly file: string, private readonly source: ts.SourceFile) {
    this.consts = constants(source);
  }

  /** Follows identifiers to the `const` they name and drops `as`/`satisfies`; `seen` stops a loop. */
  private resolve(node: ts.Expression, seen = new Set<string>()): ts.Expression {
    const bare = unwrap(node);
    if (ts.isIdentifier(bare) && !seen.has(bare.text)) {
      const value = this.consts.get(bare.text);
      if (value) return this.resolve(value, seen.add(bare.text));
    }
    return bare;
  }

  /** The value of a language key: `lt: x` or the shorthand `{ lt }`. */
  private languageValue(property: ts.ObjectLiteralElementLike): ts.Expression | undefined {
    if (ts.isPropertyAssignment(property)) return property.initializer;
    if (ts.isShorthandPropertyAssignment(property)) return property.name;
    return undefined;
  }

  /** The language → value of an object literal keyed only by languages (at least two), else undefined. */
  languageKeyed(node: ts.ObjectLiteralExpression, minimum = 2): Map<string, ts.Expression> | undefined {
    if (node.properties.length < minimum) return undefined;
    const byLanguage = new Map<string, ts.Expression>();
    for (const property of node.properties) {
      const name = property.name && propertyName(property.name);
      const value = this.languageValue(property);
      if (!name || !LANGUAGE_SET.has(name) || !value) return undefined;
      byLanguage.set(name, value);
    }
    return byLanguage;
  }

  private shape(node: ts.Expression, seen = new Set<ts.Node>()): Shape {
    const value = this.resolve(node);
    if (seen.has(value)) return { kind: 'other' };
    seen.add(value);
    if (ts.isObjectLiteralExpression(value)) {
      const keys = new Map<string, { shape: Shape; node: ts.Node }>();
      for (const property of value.properties) {
        if (ts.isSpreadAssignment(property)) {
          const spread = this.shape(property.expression, seen);
          if (spread.kind === 'object') for (const [key, entry] of spread.keys) keys.set(key, entry);
          continue;
        }
        const name = property.name && propertyName(property.name);
        if (!name) continue;
        if (ts.isPropertyAssignment(property)) keys.set(name, { shape: this.shape(property.initializer, seen), node: property });
        else if (ts.isShorthandPropertyAssignment(property)) keys.set(name, { shape: this.shape(property.name, seen), node: property });
        else if (ts.isMethodDeclaration(property)) keys.set(name, { shape: functionShape(property), node: property });
      }
      return { kind: 'object', keys };
    }
    if (ts.isArrayLiteralExpression(value)) {
      const keys = new Map<string, { shape: Shape; node: ts.Node }>();
      value.elements.forEach((element, index) => keys.set(String(index), { shape: this.shape(element, seen), node: element }));
      return { kind: 'object', keys };
    }
    if (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)) return { kind: 'text', empty: value.text.trim() === '' };
    if (ts.isTemplateExpression(value)) return { kind: 'text', empty: false };
    if (ts.isArrowFunction(value) || ts.isFunctionExpression(value)) {
      const body = ts.isArrowFunction(value) && !ts.isBlock(value.body) ? this.shape(value.body, seen) : undefined;
      // A function returning '' is an empty text too.
      if (body?.kind === 'text' && body.empty) return { kind: 'text', empty: true };
      return functionShape(value);
    }
    return { kind: 'other' };
  }

  private report(node: ts.Node, path: string, message: string): void {
    const line = this.source.getLineAndCharacterOfPosition(node.getStart(this.source)).line + 1;
    this.problems.push({ file: this.file, line, path, message });
  }

  /** Words by language: each key path compared across the languages. */
  checkByLanguage(name: string, node: ts.Node, shapes: Map<string, { shape: Shape; node: ts.Node }>): void {
    const languages = [...shapes.keys()];
    const absent = LANGUAGES.filter((language) => !shapes.has(language));
    if (absent.length) this.report(node, name, `has no ${absent.join(', ')}`);
    const walk = (path: string, at: Map<string, { shape: Shape; node: ts.Node } | undefined>) => {
      const present = [...at].filter((entry): entry is [string, { shape: Shape; node: ts.Node }] => entry[1] !== undefined);
      const missing = languages.filter((language) => !at.get(language));
      // English defines the keys where there is one: point at its line.
      const anchor = (present.find(([language]) => language === 'en') ?? present[0]!)[1].node;
      if (missing.length) {
        this.report(anchor, path, `is in ${present.map(([language]) => language).join(', ')} but not in ${missing.join(', ')}`);
        return;
      }
      for (const [language, { shape, node }] of present) {
        if (shape.kind === 'text' && shape.empty) this.report(node, path, `is empty in ${language}`);
      }
      const kinds = new Set(present.map(([, entry]) => entry.shape.kind));
      if (kinds.size > 1 && !kinds.has('other')) {
        this.report(anchor, path, `differs in kind: ${present.map(([language, entry]) => `${language} ${entry.shape.kind}`).join(', ')}`);
        return;
      }
      const functions = present.filter(([, entry]) => entry.shape.kind === 'function') as [string, { shape: Extract<Shape, { kind: 'function' }>; node: ts.Node }][];
      if (functions.length === present.length && new Set(functions.map(([, entry]) => entry.shape.parameters)).size > 1) {
        this.report(anchor, path, `takes different arguments: ${functions.map(([language, entry]) => `${language} ${entry.shape.parameters}`).join(', ')}`);
      } else if (functions.length === present.length) {
        // An argument one language shows and another leaves out (the number, the file name).
        const parameters = functions[0]![1].shape.parameters;
        for (let i = 0; i < parameters; i++) {
          const without = functions.filter(([, entry]) => !entry.shape.used[i]).map(([language]) => language);
          if (without.length && without.length < functions.length) this.report(anchor, path, `leaves out argument ${i + 1} in ${without.join(', ')}`);
        }
      }
      const objects = present.filter(([, entry]) => entry.shape.kind === 'object') as [string, { shape: Extract<Shape, { kind: 'object' }>; node: ts.Node }][];
      if (objects.length !== present.length) return;
      const keys = new Set(objects.flatMap(([, entry]) => [...entry.shape.keys.keys()]));
      for (const key of keys) {
        walk(path ? `${path}.${key}` : key, new Map(objects.map(([language, entry]) => [language, entry.shape.keys.get(key)])));
      }
    };
    walk(name, shapes);
  }

  /** One text in each language: no empty text, and every language unless the siblings agree on fewer. */
  checkOneText(name: string, node: ts.ObjectLiteralExpression, byLanguage: Map<string, ts.Expression>): void {
    const empty = [...byLanguage].filter(([, value]) => { const shape = this.shape(value); return shape.kind === 'text' && shape.empty; });
    // Every language blank is a record to be filled in (a new field's titles), not a text.
    if (empty.length === byLanguage.size) return;
    for (const [language, value] of empty) this.report(value, name, `is empty in ${language}`);
    const expected = this.siblingLanguages(node) ?? LANGUAGES;
    const missing = expected.filter((language) => !byLanguage.has(language));
    if (missing.length) this.report(node, name, `is in ${[...byLanguage.keys()].join(', ')} but not in ${missing.join(', ')}`);
  }

  /**
   * When the object sits in a table of such texts whose entries all name the same languages (a
   * table keyed by the English text names lt and lv), those languages; else undefined.
   */
  private siblingLanguages(node: ts.ObjectLiteralExpression): readonly string[] | undefined {
    const table = node.parent && ts.isPropertyAssignment(node.parent) ? node.parent.parent : undefined;
    if (!table || !ts.isObjectLiteralExpression(table) || table.properties.length < 2) return undefined;
    const sets = table.properties.map((property) => {
      const value = ts.isPropertyAssignment(property) ? unwrap(property.initializer) : undefined;
      const keyed = value && ts.isObjectLiteralExpression(value) ? this.languageKeyed(value, 1) : undefined;
      return keyed ? [...keyed.keys()].sort().join(',') : undefined;
    });
    const counts = new Map<string, number>();
    for (const set of sets) if (set) counts.set(set, (counts.get(set) ?? 0) + 1);
    // The set most entries name is the table's; a lone entry naming fewer is the gap.
    const [common, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
    const languages = common?.split(',');
    return languages && languages.length >= 2 && count! > sets.length / 2 ? languages : undefined;
  }

  /** The name a catalogue goes by: the constant, property or export it is assigned to, outermost first. */
  nameOf(node: ts.Node): string {
    const parts: string[] = [];
    for (let at: ts.Node | undefined = node; at; at = at.parent) {
      if (ts.isPropertyAssignment(at)) parts.unshift(propertyName(at.name) ?? '?');
      else if (ts.isVariableDeclaration(at) && ts.isIdentifier(at.name)) { parts.unshift(at.name.text); break; }
      else if (ts.isFunctionDeclaration(at) || ts.isArrowFunction(at) || ts.isClassDeclaration(at)) {
        if (at.name && ts.isIdentifier(at.name)) parts.unshift(`${at.name.text}()`);
        break;
      }
    }
    return parts.join('.') || '(catalogue)';
  }

  run(): void {
    const visit = (node: ts.Node) => {
      if (ts.isObjectLiteralExpression(node)) {
        // One language alone counts in a table of texts (`Select: { lt: 'Pasirinkite' }` among `{ lt, lv }` entries).
        const byLanguage = this.languageKeyed(node) ?? (this.siblingLanguages(node) ? this.languageKeyed(node, 1) : undefined);
        if (byLanguage) {
          const shapes = new Map([...byLanguage].map(([language, value]) => [language, { shape: this.shape(value), node: value as ts.Node }]));
          const values = [...shapes.values()].map((entry) => entry.shape.kind);
          const name = this.nameOf(node);
          const line = this.source.getLineAndCharacterOfPosition(node.getStart(this.source)).line + 1;
          if (values.includes('object')) {
            this.found.push({ file: this.file, line, name, shape: 'by-language' });
            this.checkByLanguage(name, node, shapes);
          } else if (values.some((kind) => kind === 'text' || kind === 'function')) {
            this.found.push({ file: this.file, line, name, shape: 'one-text' });
            this.checkOneText(name, node, byLanguage);
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(this.source);
  }
}

/** The catalogues of one source file and their problems (`file` is how both name it). */
export function checkCatalogues(file: string, text: string): { catalogues: Catalogue[]; problems: CatalogueProblem[] } {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const checked = new FileCatalogues(file, source);
  checked.run();
  return { catalogues: checked.found, problems: checked.problems };
}
