import { useMemo, useState } from 'react';
import { FormRunner } from './FormRunner.js';
import { JsonVariables } from './JsonVariables.js';
import type { TestMessages } from './messages.js';

/** Starts the instance with the start form's data or with variables typed as JSON. */
export function StartPanel({ startForm, busy, onStart, t }: {
  /** The start form's schema text; undefined when the card names none. */
  startForm: string | undefined;
  busy: boolean;
  onStart(variables: Record<string, unknown>): void;
  t: TestMessages;
}) {
  const schema = useMemo(() => {
    try {
      return startForm ? (JSON.parse(startForm) as object) : undefined;
    } catch {
      return undefined;
    }
  }, [startForm]);
  const [withForm, setWithForm] = useState(schema !== undefined);
  return (
    <section className="kt-start" aria-labelledby="kt-start-title">
      <h3 id="kt-start-title">{t.startInstance}</h3>
      {schema ? (
        <fieldset className="kt-choice">
          <legend className="kt-visually-hidden">{t.startInstance}</legend>
          <label><input type="radio" name="kt-start-with" checked={withForm} onChange={() => setWithForm(true)} /> {t.withForm}</label>
          <label><input type="radio" name="kt-start-with" checked={!withForm} onChange={() => setWithForm(false)} /> {t.withJson}</label>
        </fieldset>
      ) : <p>{t.noStartForm}</p>}
      {schema && withForm
        ? <FormRunner schema={schema} locale={t.locale} submitLabel={t.submitStart} disabled={busy} onSubmit={onStart} />
        : <JsonVariables label={t.variablesJson} submitLabel={t.submitStart} invalidLabel={t.invalidJson} disabled={busy} onSubmit={onStart} />}
    </section>
  );
}
