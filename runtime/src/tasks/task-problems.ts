import { HttpProblem } from '../http/problem.js';

/**
 * Why an official's action on a task is refused: each names the case in the reader's language
 * (problem-texts.ts), since two officials working one queue meet these every day.
 */
export const taskProblems = {
  completed: (detail: string) => new HttpProblem(409, 'task-completed', 'This task has already been completed', detail),
  cancelled: () => new HttpProblem(409, 'task-cancelled', 'The process withdrew this task', 'The task is cancelled: the process no longer waits for it'),
  taken: () => new HttpProblem(409, 'task-taken', 'A colleague has taken this task', 'Another official has claimed this task'),
  notClaimed: () => new HttpProblem(409, 'task-not-claimed', 'Claim the task first', 'Only the official who claimed the task (or a supervisor) may do this'),
  changed: (given: number, current: number) => new HttpProblem(409, 'task-changed', 'The task changed since you opened it (reassigned)',
    `The form was opened at revision ${given}; the task is at revision ${current}: reload it`, { revision: current }),
  handOverRefused: (detail: string, errors: { in: 'body'; path: string; message: string }[]) =>
    new HttpProblem(422, 'task-hand-over-refused', 'The task cannot be handed over so', detail, { errors }),
  filterNameTaken: (name: string) => new HttpProblem(409, 'task-filter-name-taken', 'You already have a filter with this name', `A saved filter named "${name}" exists`),
};
