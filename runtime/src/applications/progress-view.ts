/** The `progress` of GET /api/applications/{id}: the citizen's steps of the order (citizen-progress.ts) as the API shows them. */
import { Type } from '@sinclair/typebox';
import type { DataSource } from 'typeorm';
import { durationToMs, type ElementInstance } from '@konstruktor/engine-adapter';
import type { Application } from './application.entity.js';
import type { ApplicationEvent } from './application-event.entity.js';
import { citizenProgress, type ProgressStep } from './citizen-progress.js';
import type { VersionCourses } from './process-outline.js';

const DateTime = Type.String({ format: 'date-time' });

export const ProgressStepView = Type.Object({
  step: Type.Union(['submitted', 'data-checked', 'payment-received', 'under-review', 'information-requested', 'decision', 'result-delivered', 'withdrawn'].map((s) => Type.Literal(s)), {
    description: 'submitted; data-checked (in a register); payment-received; under-review (an official); information-requested (asked of the applicant, shown once asked); '
      + 'decision; result-delivered; withdrawn (last, only when the order was withdrawn)',
  }),
  state: Type.Union([Type.Literal('done'), Type.Literal('current'), Type.Literal('next'), Type.Literal('skipped')], {
    description: 'current: where the order is now (the expected next step when none is under way); skipped: passed over by the process, or left after a withdrawal',
  }),
  at: Type.Optional({ ...DateTime, description: 'when it was done; for the current step, when it began' }),
  deadline: Type.Optional({ ...DateTime, description: "by when it is expected: the process's timer on the wait or the due date of the official's task, or for the decision the service's usual duration from submission" }),
  detail: Type.Optional(Type.String({ description: 'decision: approved | rejected; information-requested: waiting | answered | overdue | unanswered (withdrawn meanwhile); payment-received: paid' })),
});

const msOf = (duration: string): number | undefined => {
  try {
    return durationToMs(duration);
  } catch {
    return undefined; // years and months have no fixed length: no deadline then
  }
};

/** The steps of `application` for its citizen. */
export async function progressOf(db: DataSource, courses: VersionCourses, application: Application, timeline: readonly ApplicationEvent[], steps: readonly ElementInstance[]): Promise<ProgressStep[]> {
  const [{ outline, duration }, due] = await Promise.all([
    courses.of(application.serviceVersionId),
    db.query(`SELECT element_id AS "elementId", due_at AS "dueAt" FROM task WHERE application_id = $1 AND state = 'open' AND due_at IS NOT NULL AND element_id IS NOT NULL`,
      [application.id]) as Promise<{ elementId: string; dueAt: Date }[]>,
  ]);
  const taskDueDates = new Map(due.map((t) => [t.elementId, new Date(t.dueAt).toISOString()]));
  return citizenProgress({ status: application.status, submittedAt: application.submittedAt, events: timeline, steps, outline, duration, taskDueDates, durationMs: msOf });
}
