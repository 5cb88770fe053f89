import type { EditorProps } from '../model/types.js';

/** Placeholder until this tab is built. */
export function CardTab(_props: EditorProps) {
  return <p>Not built yet.</p>;
}
