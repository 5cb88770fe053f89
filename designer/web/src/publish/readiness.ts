/** Whether the version may be published now, or which of the conditions is missing. */
import type { PackageFiles, VersionState } from '../model/types.js';

export type Blocker = 'notDraft' | 'unsaved' | 'unchecked' | 'stale' | 'checkFailed';

/** A key of the files' contents: the check is valid while the package keeps these contents. */
export function filesKey(files: PackageFiles): string {
  return JSON.stringify(Object.keys(files).sort().map((path) => [path, files[path]!.encoding, files[path]!.content]));
}

export function publishBlocker({ state, unsaved, check, checkedKey, currentKey }: {
  state: VersionState;
  unsaved: boolean;
  check: { ok: boolean } | undefined;
  checkedKey: string | undefined;
  currentKey: string;
}): Blocker | null {
  if (state !== 'draft' && state !== 'testing') return 'notDraft';
  if (unsaved) return 'unsaved';
  if (!check) return 'unchecked';
  if (checkedKey !== currentKey) return 'stale';
  return check.ok ? null : 'checkFailed';
}
