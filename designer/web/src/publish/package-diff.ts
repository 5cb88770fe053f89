/** What changed between two versions of a package: files added, removed and changed, with unified hunks for text. */
import { structuredPatch, type StructuredPatchHunk } from 'diff';
import type { PackageFile, PackageFiles } from '../model/types.js';

export type FileChange = 'added' | 'removed' | 'changed';

export interface FileDiff {
  path: string;
  change: FileChange;
  /** Binary files (base64) are compared whole; no hunks. */
  binary: boolean;
  hunks: StructuredPatchHunk[];
  linesAdded: number;
  linesRemoved: number;
}

export interface DiffSummary { files: FileDiff[]; added: number; removed: number; changed: number }

const textOf = (file: PackageFile | undefined) => (file && file.encoding === 'utf8' ? file.content : '');

function fileDiff(path: string, before: PackageFile | undefined, after: PackageFile | undefined): FileDiff | null {
  const change: FileChange = !before ? 'added' : !after ? 'removed' : 'changed';
  const binary = before?.encoding === 'base64' || after?.encoding === 'base64';
  if (before && after && before.encoding === after.encoding && before.content === after.content) return null;
  if (binary) return { path, change, binary, hunks: [], linesAdded: 0, linesRemoved: 0 };
  const { hunks } = structuredPatch(path, path, textOf(before), textOf(after), undefined, undefined, { context: 3 });
  const count = (sign: string) => hunks.reduce((n, h) => n + h.lines.filter((l) => l.startsWith(sign)).length, 0);
  return { path, change, binary, hunks, linesAdded: count('+'), linesRemoved: count('-') };
}

/** `before` is the published version's files (none when nothing is published yet). */
export function packageDiff(before: PackageFiles, after: PackageFiles): DiffSummary {
  const paths = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const files = paths.map((p) => fileDiff(p, before[p], after[p])).filter((f): f is FileDiff => f !== null);
  const of = (change: FileChange) => files.filter((f) => f.change === change).length;
  return { files, added: of('added'), removed: of('removed'), changed: of('changed') };
}
