import type { Problem } from '../model/types.js';
import type { PackageCheck } from './publish-api.js';
import type { PublishMessages } from './messages.js';
import { ProblemList } from './ProblemList.js';

/** The check's outcome: its problems and each scenario's result. */
export function CheckPanel({ check, stale, onOpen, t }: {
  check: PackageCheck;
  stale: boolean;
  onOpen: ((problem: Problem) => void) | undefined;
  t: PublishMessages;
}) {
  const errors = check.problems.filter((p) => p.severity === 'error').length;
  return (
    <div data-testid="check-result">
      <p className={check.ok ? 'kp-ok' : 'kp-error'}>{check.ok ? t.checkOk : t.checkFailed(errors)}</p>
      {stale && <p className="kp-note">{t.checkStale}</p>}
      <ProblemList problems={check.problems} onOpen={onOpen} t={t} />
      <h4>{t.scenarios}</h4>
      {check.scenarios.length === 0 ? <p>{t.noScenarios}</p> : (
        <ul className="kp-scenarios">
          {check.scenarios.map((s) => (
            <li key={s.file}>
              <span className={s.passed ? 'kp-ok' : 'kp-error'}>{s.passed ? t.passed : t.failed}</span> {s.name} <code>{s.file}</code>
              {s.message && <> — {s.message}</>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
