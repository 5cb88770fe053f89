import { useId, useState } from 'react';
import { parseVariables } from './package-refs.js';

/** A textarea for variables as a JSON object, with a button that sends them once they parse. */
export function JsonVariables({ label, submitLabel, invalidLabel, disabled, onSubmit, initial = '{}' }: {
  label: string;
  submitLabel: string;
  invalidLabel: string;
  disabled: boolean;
  onSubmit(variables: Record<string, unknown>): void;
  initial?: string;
}) {
  const id = useId();
  const [text, setText] = useState(initial);
  const parsed = parseVariables(text);
  const error = 'error' in parsed ? parsed.error : undefined;
  return (
    <div className="kt-json">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} value={text} rows={4} spellCheck={false} onChange={(e) => setText(e.target.value)}
        aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} />
      {error && <p id={`${id}-error`} className="kt-error">{invalidLabel}: {error}</p>}
      <button type="button" disabled={disabled || !!error} onClick={() => 'variables' in parsed && onSubmit(parsed.variables)}>{submitLabel}</button>
    </div>
  );
}
