import type { Problem } from '../model/types.js';
import { useTexts } from './i18n.js';
import { TAB_OF_SOURCE } from './tabs.js';

/** Every tab's live problems in one list; a click opens the problem's tab on its element or field. */
export function ProblemsPanel({ problems, onOpen }: { problems: Problem[]; onOpen: (problem: Problem) => void }) {
  const { t } = useTexts();
  const errors = problems.filter((p) => p.severity === 'error').length;
  return (
    <section className="problems" aria-labelledby="problems-title">
      <h2 id="problems-title">{t.problems} <span className="count">({t.problemCount(errors, problems.length - errors)})</span></h2>
      {problems.length === 0 ? <p>{t.noProblems}</p> : (
        <ul>
          {problems.map((problem, i) => (
            <li key={`${problem.source}-${problem.file}-${problem.elementId ?? problem.field ?? ''}-${i}`}>
              <button type="button" className={`problem problem-${problem.severity}`} onClick={() => onOpen(problem)}>
                <span className="problem-where">{t.tabs[TAB_OF_SOURCE[problem.source]]} · {problem.file}{problem.elementId ? ` #${problem.elementId}` : ''}{problem.field ? ` · ${problem.field}` : ''}</span>
                <span className="problem-severity">{problem.severity === 'error' ? t.error : t.warning}:</span> {problem.message}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
