import { useId, useState } from 'react';
import { ApiError } from '../model/api.js';
import { scenarioPath } from './scenario-file.js';
import { scenarioOf } from './test-run.js';
import type { TestMessages } from './messages.js';

/** "Save as scenario": the runtime writes the steps and what holds now as YAML; it goes into the package as a new file. */
export function ScenarioSave({ runId, paths, readOnly, onChange, t }: {
  runId: string;
  paths: string[];
  readOnly: boolean;
  onChange(path: string, content: string): void;
  t: TestMessages;
}) {
  const id = useId();
  const [name, setName] = useState('');
  const [saved, setSaved] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function save() {
    setBusy(true);
    setError(undefined);
    try {
      const { yaml } = await scenarioOf(runId, name.trim());
      const path = scenarioPath(name, paths);
      onChange(path, yaml);
      setSaved(path);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="kt-save" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t.saveScenario}</h3>
      {readOnly ? <p>{t.readOnly}</p> : (
        <form onSubmit={(e) => { e.preventDefault(); void save(); }}>
          <label htmlFor={id}>{t.scenarioName}</label>
          <input id={id} value={name} required onChange={(e) => setName(e.target.value)} />
          <button type="submit" disabled={busy || !name.trim()}>{t.saveScenario}</button>
        </form>
      )}
      <div role="status">{saved && <p>{t.scenarioSaved(saved)}</p>}</div>
      {error && <p role="alert" className="kt-error">{error}</p>}
    </section>
  );
}
