import type { EditorProps } from '../model/types.js';

/** Placeholder until this tab is built. */
export function FormsTab(_props: EditorProps) {
  return <p>Not built yet.</p>;
}
