import { stringify } from 'yaml';
import type { TestMessages } from './messages.js';
import type { TestRun } from './test-run.js';

/** The scenario steps run so far, as they will read in the saved scenario. */
export function StepsList({ run, t }: { run: TestRun; t: TestMessages }) {
  return (
    <section className="kt-steps" aria-labelledby="kt-steps-title">
      <h3 id="kt-steps-title">{t.steps}</h3>
      <ol>
        {run.steps.map((step, i) => <li key={i}><pre>{stringify(step, { collectionStyle: 'flow' }).trim()}</pre></li>)}
      </ol>
    </section>
  );
}
