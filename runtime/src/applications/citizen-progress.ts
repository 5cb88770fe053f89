/**
 * The steps of an order as its citizen follows them: submitted, data checked in a register,
 * payment received, under review, more information requested, decision, result delivered (a
 * postpayment, asked for after the decision, comes between the decision and the result). Read
 * from the application's timeline, the engine's element history and the process's outline
 * (which connector a task runs, which message a wait expects): only the steps the process can
 * take are shown, the one it is at is `current` (with its deadline when the process has one).
 */
import type { ApplicationStatus } from './application.entity.js';
import type { OutlineElement, ProcessOutline } from './process-outline.js';

export type ProgressStepName = 'submitted' | 'data-checked' | 'payment-received' | 'under-review' | 'information-requested' | 'decision' | 'result-delivered' | 'withdrawn';
export type ProgressState = 'done' | 'current' | 'next' | 'skipped';

export interface ProgressStep {
  step: ProgressStepName;
  state: ProgressState;
  /** When it was done (or, for the current step, began). */
  at?: string;
  /** By when it is expected: a timer of the process on the wait, or the service's usual duration for the decision. */
  deadline?: string;
  /** decision: approved | rejected; information-requested: waiting | answered | overdue | unanswered (withdrawn meanwhile); payment-received: paid. */
  detail?: string;
}

/** An element instance of the engine's history, as GET /api/applications/{id} lists it. */
export interface StepRecord {
  elementId: string;
  state: 'ACTIVE' | 'COMPLETED' | 'TERMINATED';
  startDate: string;
  endDate: string | null;
}

export interface ProgressInput {
  status: ApplicationStatus;
  submittedAt: Date;
  /** The application's timeline (kind, status, time), oldest first. */
  events: readonly { kind: string; status: string; at: Date }[];
  steps: readonly StepRecord[];
  /** Null for a service without a process (a review task of the agency decides it). */
  outline: ProcessOutline | null;
  /** Due dates of the open user tasks, by element id (the task's due date in the process). */
  taskDueDates?: ReadonlyMap<string, string>;
  /** The service card's usual duration (ISO 8601), from submission to the decision. */
  duration: string | undefined;
  /** Milliseconds of an ISO 8601 duration; undefined when it cannot be read. */
  durationMs: (duration: string) => number | undefined;
}

const REGISTER_CONNECTORS = /^konstruktor:(population|legal-entities):/;
const PAYMENT_MESSAGE = 'payment-received';

type Category = 'data-checked' | 'payment-received' | 'under-review' | 'information-requested' | 'notification';

/** What a step of the citizen's course an element of the process stands for, if any. */
export function categoryOf(element: OutlineElement): Category | undefined {
  if (element.inEventSubprocess) return undefined;
  if (element.type === 'serviceTask' && element.jobType && REGISTER_CONNECTORS.test(element.jobType)) return 'data-checked';
  if (element.type === 'serviceTask' && element.jobType?.startsWith('konstruktor:notifications:')) return 'notification';
  if (element.message === PAYMENT_MESSAGE && (element.type === 'intermediateCatchEvent' || element.type === 'receiveTask')) return 'payment-received';
  // An official signing the decision already made (konstruktor:sign) prepares the result: no review.
  if (element.type === 'userTask') return element.userTask?.sign ? undefined : 'under-review';
  // Any other wait for a message in the normal course is the applicant's answer to a request.
  if (element.message && (element.type === 'receiveTask' || element.type === 'intermediateCatchEvent')) return 'information-requested';
  return undefined;
}

const DECIDED: ReadonlySet<string> = new Set(['approved', 'rejected']);
const ended = (s: StepRecord) => s.state !== 'ACTIVE';
const latest = (values: (string | null | undefined)[]) => values.filter((v): v is string => !!v).sort().at(-1);

function addDuration(from: string | Date, duration: string | undefined, durationMs: ProgressInput['durationMs']): string | undefined {
  const ms = duration ? durationMs(duration) : undefined;
  return ms === undefined ? undefined : new Date(new Date(from).getTime() + ms).toISOString();
}

/** The citizen's steps of one order, in order. */
export function citizenProgress(input: ProgressInput): ProgressStep[] {
  const byId = new Map((input.outline?.elements ?? []).map((e) => [e.id, e]));
  const records = (category: Category) => input.steps.filter((s) => {
    const element = byId.get(s.elementId);
    return element !== undefined && categoryOf(element) === category;
  });
  const declares = (category: Category) => (input.outline?.elements ?? []).some((e) => categoryOf(e) === category);
  const eventAt = (test: (e: ProgressInput['events'][number]) => boolean) => input.events.find(test)?.at.toISOString();

  const withdrawnAt = input.status === 'cancelled' ? eventAt((e) => e.status === 'cancelled') ?? new Date().toISOString() : undefined;
  const decidedAt = eventAt((e) => DECIDED.has(e.status));
  const processEnded = input.steps.some((s) => byId.get(s.elementId)?.type === 'endEvent' && !byId.get(s.elementId)!.inEventSubprocess && s.state === 'COMPLETED');
  const finished = decidedAt !== undefined || input.status === 'completed' || processEnded;

  // Each step as found: done (with its time), under way (since), or not reached.
  type Found = { step: ProgressStepName; done?: string; since?: string; deadline?: string; detail?: string };
  const found: Found[] = [{ step: 'submitted', done: input.submittedAt.toISOString() }];

  if (declares('data-checked')) {
    const checks = records('data-checked');
    const active = checks.find((s) => s.state === 'ACTIVE');
    found.push({ step: 'data-checked', ...(active ? { since: active.startDate } : checks.length ? { done: latest(checks.map((s) => s.endDate)) } : {}) });
  }

  // A process that asks for its fee only after the decision (and only its postpayment) shows the payment there.
  const kinds = new Set((input.outline?.elements ?? []).map((e) => e.paymentKind).filter((kind) => kind !== undefined));
  const postpayment = kinds.has('postpayment') && !kinds.has('prepayment');
  let payment: Found | undefined;
  if (declares('payment-received') || input.events.some((e) => e.kind.startsWith('payment-'))) {
    const paid = eventAt((e) => e.kind === 'payment-paid');
    const waits = records('payment-received');
    const active = waits.find((s) => s.state === 'ACTIVE');
    const caught = waits.find((s) => s.state === 'COMPLETED');
    const payable = eventAt((e) => e.kind === 'payment-created');
    payment = paid ?? caught
      ? { step: 'payment-received', done: paid ?? caught!.endDate!, detail: 'paid' }
      : { step: 'payment-received', ...(active ?? payable ? { since: active?.startDate ?? payable } : {}) };
    if (!postpayment) found.push(payment);
  }

  const reviews = records('under-review');
  if (declares('under-review') || !input.outline) {
    const active = reviews.find((s) => s.state === 'ACTIVE');
    const inReview = !input.outline && (input.status === 'in-review' || input.status === 'in-progress');
    // A timer on the task bounds it; else the due date the process gave the task.
    const due = active && (addDuration(active.startDate, byId.get(active.elementId)?.deadline, input.durationMs) ?? input.taskDueDates?.get(active.elementId));
    found.push({
      step: 'under-review',
      ...(active ? { since: active.startDate, ...(due ? { deadline: due } : {}) }
        : reviews.length ? { done: latest(reviews.map((s) => s.endDate)) }
          : inReview ? { since: eventAt((e) => e.status === input.status) ?? input.submittedAt.toISOString() }
            : finished ? { done: decidedAt } : {}),
    });
  }

  // Shown only once asked: most orders never need it.
  const requests = records('information-requested');
  if (requests.length) {
    const active = requests.find((s) => s.state === 'ACTIVE');
    const last = requests.at(-1)!;
    const element = byId.get((active ?? last).elementId);
    const overdue = element?.timer !== undefined && input.steps.some((s) => s.elementId === element.timer && s.state === 'COMPLETED');
    found.push(active
      ? { step: 'information-requested', since: active.startDate, detail: 'waiting', ...(element?.deadline ? { deadline: addDuration(active.startDate, element.deadline, input.durationMs) } : {}) }
      : last.state === 'COMPLETED' || overdue
        ? { step: 'information-requested', done: last.endDate ?? undefined, detail: overdue ? 'overdue' : 'answered' }
        // Ended otherwise (a withdrawal): asked, never answered.
        : { step: 'information-requested', since: last.startDate, detail: 'unanswered' });
  }

  found.push({
    step: 'decision',
    ...(finished && !withdrawnAt
      ? { done: decidedAt ?? latest([...reviews.map((s) => s.endDate), eventAt((e) => e.status === 'completed')]), ...(input.status === 'approved' || input.status === 'rejected' ? { detail: input.status } : {}) }
      : {}),
    ...(!finished && input.duration ? { deadline: addDuration(input.submittedAt, input.duration, input.durationMs) } : {}),
  });

  if (payment && postpayment) found.push(payment);

  // A postpayment asked for holds the result back until the process has the payment: a message asking for the fee is no result.
  const feeAsked = postpayment && (payment?.since ?? payment?.done) !== undefined;
  const feeCaught = records('payment-received').find((s) => s.state === 'COMPLETED')?.endDate ?? undefined;
  const resultAfter = feeAsked ? feeCaught : decidedAt;
  const notices = records('notification').filter((s) => ended(s) && (!resultAfter || (s.endDate ?? '') >= resultAfter));
  const delivered = (decidedAt || processEnded) && !(feeAsked && !feeCaught) ? latest(notices.map((s) => s.endDate)) : undefined;
  const completedAt = processEnded || input.status === 'completed' ? latest([...input.steps.filter(ended).map((s) => s.endDate), eventAt((e) => e.status === 'completed')]) : undefined;
  // Without a process the decision itself is what the citizen receives.
  const result = delivered ?? completedAt ?? (input.outline ? undefined : decidedAt);
  found.push({ step: 'result-delivered', ...(withdrawnAt || !result ? {} : { done: result }) });

  return states(found, withdrawnAt);
}

/** done / current / next / skipped from what was found: a step passed over while a later one is done was skipped. */
function states(found: { step: ProgressStepName; done?: string; since?: string; deadline?: string; detail?: string }[], withdrawnAt: string | undefined): ProgressStep[] {
  const lastDone = found.map((f) => f.done !== undefined).lastIndexOf(true);
  let current = withdrawnAt ? -1 : found.findIndex((f) => f.since !== undefined && f.done === undefined);
  if (current < 0 && !withdrawnAt) current = found.findIndex((f, i) => f.done === undefined && i > lastDone);
  const steps = found.map((f, i): ProgressStep => {
    const passed = i < Math.max(lastDone, current);
    const state: ProgressState = f.done !== undefined ? 'done' : i === current ? 'current' : withdrawnAt || passed ? 'skipped' : 'next';
    const at = f.done ?? (state === 'current' ? f.since : undefined);
    return {
      step: f.step, state, ...(at ? { at } : {}),
      ...(f.deadline && state !== 'done' && state !== 'skipped' ? { deadline: f.deadline } : {}),
      ...(f.detail ? { detail: f.detail } : {}),
    };
  });
  if (withdrawnAt) steps.push({ step: 'withdrawn', state: 'done', at: withdrawnAt });
  return steps;
}
