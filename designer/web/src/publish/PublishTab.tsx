import type { EditorProps } from '../model/types.js';

/** Placeholder until this tab is built. */
export function PublishTab(_props: EditorProps) {
  return <p>Not built yet.</p>;
}
