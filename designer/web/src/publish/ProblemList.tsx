import type { Problem } from '../model/types.js';
import type { PublishMessages } from './messages.js';

/** Problems with where they are; each opens its tab on the element or field when the shell offers that. */
export function ProblemList({ problems, onOpen, t }: { problems: Problem[]; onOpen: ((problem: Problem) => void) | undefined; t: PublishMessages }) {
  if (problems.length === 0) return <p>{t.noProblems}</p>;
  return (
    <ul className="kp-problems">
      {problems.map((problem, i) => {
        const where = `${problem.file}${problem.elementId ? ` #${problem.elementId}` : ''}${problem.field ? ` · ${problem.field}` : ''}`;
        const text = <><span className={`kp-${problem.severity}`}>{problem.severity === 'error' ? t.error : t.warning}</span> <code>{where}</code>: {problem.message}</>;
        return (
          <li key={`${where}-${i}`}>
            {onOpen ? <button type="button" className="kp-link" onClick={() => onOpen(problem)}>{text}</button> : text}
          </li>
        );
      })}
    </ul>
  );
}
