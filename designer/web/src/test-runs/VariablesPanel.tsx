import type { TestMessages } from './messages.js';
import type { TestRun } from './test-run.js';

const json = (value: unknown) => JSON.stringify(value, null, 2);

/** The elements the run reached (a keyboard way to select one), the selected one's instances and the root scope. */
export function VariablesPanel({ run, selected, onSelect, t }: {
  run: TestRun;
  selected: string | undefined;
  onSelect(elementId: string): void;
  t: TestMessages;
}) {
  const reached = [...new Set(run.elements.filter((e) => e.elementType !== 'PROCESS').map((e) => e.elementId))];
  const instances = run.elements.filter((e) => e.elementId === selected);
  return (
    <section className="kt-variables" aria-labelledby="kt-variables-title">
      <h3 id="kt-variables-title">{t.variables}</h3>
      <h4>{t.elements}</h4>
      <ul className="kt-elements">
        {reached.map((id) => (
          <li key={id}>
            <button type="button" aria-pressed={id === selected} onClick={() => onSelect(id)}>{id}</button>
          </li>
        ))}
      </ul>
      {selected ? (
        <div aria-live="polite">
          <h4>{t.elementVariables(selected)}</h4>
          {instances.map((instance) => (
            <div key={instance.key}>
              <p>{instance.elementType} · {t.state[instance.state] ?? instance.state}</p>
              {Object.keys(instance.variables).length ? <pre>{json(instance.variables)}</pre> : <p>{t.noVariables}</p>}
            </div>
          ))}
        </div>
      ) : <p>{t.chooseElement}</p>}
      <h4>{t.rootVariables}</h4>
      {Object.keys(run.variables).length ? <pre data-testid="root-variables">{json(run.variables)}</pre> : <p>{t.noVariables}</p>}
    </section>
  );
}
