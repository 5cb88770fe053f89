/** The `progress` of GET /api/applications/{id}: the citizen's steps of the order (citizen-progress.ts) as the API shows them. */
import { Type } from '@sinclair/typebox';
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
  deadline: Type.Optional({ ...DateTime, description: "by when it is expected: the process's timer on the wait, or for the decision the service's usual duration from submission" }),
  detail: Type.Optional(Type.String({ description: 'decision: approved | rejected; information-requested: waiting | answered | overdue; payment-received: paid' })),
});

const msOf = (duration: string): number | undefined => {
  try {
    return durationToMs(duration);
  } catch {
    return undefined; // years and months have no fixed length: no deadline then
  }
};

/** The steps of `application` for its citizen. */
export async function progressOf(courses: VersionCourses, application: Application, timeline: readonly ApplicationEvent[], steps: readonly ElementInstance[]): Promise<ProgressStep[]> {
  const { outline, duration } = await courses.of(application.serviceVersionId);
  return citizenProgress({ status: application.status, submittedAt: application.submittedAt, events: timeline, steps, outline, duration, durationMs: msOf });
}
