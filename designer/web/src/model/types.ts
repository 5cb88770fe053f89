/**
 * What every part of the designer shares: the service package being edited (../shared/spec/
 * service-package.md) as text files by path, the problems the checks find, and the props each
 * editor tab receives from the shell.
 */

/** A package file as the runtime stores it (GET /api/services/{code}/versions/{version}). */
export interface PackageFile {
  encoding: 'utf8' | 'base64';
  content: string;
}

export type PackageFiles = Record<string, PackageFile>;

export type VersionState = 'draft' | 'testing' | 'published' | 'retired';

/** One version of a service as the designer edits it. */
export interface DraftPackage {
  code: string;
  version: string;
  state: VersionState;
  files: PackageFiles;
}

export type ProblemSource = 'card' | 'process' | 'forms' | 'data' | 'scenarios';

/** A problem a check found, pointing at what to fix: a BPMN element, a form field or a card field. */
export interface Problem {
  source: ProblemSource;
  /** Package path of the file the problem is in, e.g. process.bpmn or forms/application.form. */
  file: string;
  /** BPMN element id (process problems). */
  elementId?: string;
  /** Form field key, data structure property path or card field (other problems). */
  field?: string;
  message: string;
  severity: 'error' | 'warning';
}

/** The designer's languages, in the order the language picker lists them. */
export const LOCALES = ['lt', 'lv', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** What the shell gives each editor tab. */
export interface EditorProps {
  pkg: DraftPackage;
  /** Replaces one text file of the package in the editor's state (saved with the shell's Save). */
  onChange(path: string, content: string): void;
  /** The problems this tab's live checks found now (replaces the tab's earlier list). */
  onProblems(source: ProblemSource, problems: Problem[]): void;
  /** Published and retired versions cannot change. */
  readOnly: boolean;
  locale: Locale;
  /** Set when the user clicked a problem: the tab selects that element or field. */
  focus?: Problem;
  /** True while the shell holds changes not yet saved: test runs and publishing use the saved package. */
  unsaved?: boolean;
  /** Asks the shell to load the package again (after publishing changed its state). */
  onReload?(): void;
  /** Opens a problem's tab with focus on it, as a click in the shell's problem list does (for tabs that list problems). */
  onOpenProblem?(problem: Problem): void;
}

/** The text of a package file ('' when absent). */
export function fileText(pkg: DraftPackage, path: string): string {
  const file = pkg.files[path];
  if (!file) return '';
  return file.encoding === 'utf8' ? file.content : new TextDecoder().decode(Uint8Array.from(atob(file.content), (c) => c.charCodeAt(0)));
}
