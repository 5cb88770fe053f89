/** The citizen's steps of an order, from its events, the engine's element history and the process's outline. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { durationToMs } from '@konstruktor/engine-adapter';
import { exampleServiceDir } from '@konstruktor/examples';
import { citizenProgress, type ProgressInput, type StepRecord } from '../src/applications/citizen-progress.js';
import { outlineOf, type ProcessOutline } from '../src/applications/process-outline.js';

const SUBMITTED = new Date('2026-12-01T08:00:00Z');
const at = (minutes: number) => new Date(SUBMITTED.getTime() + minutes * 60_000).toISOString();
const done = (elementId: string, from: number, to: number): StepRecord => ({ elementId, state: 'COMPLETED', startDate: at(from), endDate: at(to) });
const active = (elementId: string, from: number): StepRecord => ({ elementId, state: 'ACTIVE', startDate: at(from), endDate: null });

let streetTrading: ProcessOutline;
let residence: ProcessOutline;
/** The residence declaration as it was with its fee taken first (a prepayment): the course most cases below follow. */
let prepaid: ProcessOutline;
const outline = async (service: string) => outlineOf(await readFile(path.join(exampleServiceDir(service), 'process.bpmn'), 'utf8'));

const progress = (input: Partial<ProgressInput>) => citizenProgress({
  status: 'in-progress', submittedAt: SUBMITTED, events: [], steps: [], outline: prepaid, duration: undefined, durationMs: durationToMs, ...input,
});
const states = (steps: ReturnType<typeof progress>) => steps.map((s) => `${s.step}:${s.state}`);

describe('citizen progress', () => {
  it('reads the shape of the example processes: register checks, the payment wait, reviews, the information wait and its deadline', async () => {
    [streetTrading, residence] = await Promise.all([outline('street-trading-permit'), outline('residence-declaration')]);
    const byId = new Map(streetTrading.elements.map((e) => [e.id, e]));
    expect(byId.get('checkRepresentation')).toMatchObject({ type: 'serviceTask', jobType: 'konstruktor:legal-entities:representation', inEventSubprocess: false });
    expect(byId.get('feePaid')).toMatchObject({ type: 'intermediateCatchEvent', message: 'payment-received' });
    expect(byId.get('awaitInformation')).toMatchObject({ type: 'receiveTask', message: 'information-provided', deadline: 'P14D', timer: 'informationOverdue' });
    expect(byId.get('withdrawRequested')).toMatchObject({ message: 'withdraw', inEventSubprocess: true });
    expect(byId.get('chargeFee')).toMatchObject({ jobType: 'konstruktor:payments:create-order', paymentKind: 'prepayment' });
    expect(residence.elements.find((e) => e.id === 'chargeFee')).toMatchObject({ paymentKind: 'postpayment' });
    prepaid = { elements: residence.elements.map((e) => (e.id === 'chargeFee' ? { ...e, paymentKind: 'prepayment' as const } : e)) };
  });

  it('a fresh order: submitted, the register check under way, the rest to come, the decision expected within the usual duration', () => {
    const steps = progress({ steps: [done('submitted', 0, 0), active('lookUpPerson', 0)], duration: 'P5D' });
    expect(states(steps)).toEqual(['submitted:done', 'data-checked:current', 'payment-received:next', 'under-review:next', 'decision:next', 'result-delivered:next']);
    expect(steps[0]).toEqual({ step: 'submitted', state: 'done', at: SUBMITTED.toISOString() });
    expect(steps[1]!.at).toBe(at(0));
    expect(steps.find((s) => s.step === 'decision')!.deadline).toBe('2026-12-06T08:00:00.000Z');
  });

  it('waiting for the payment: data checked at its time, the payment current since it was asked for', () => {
    const steps = progress({
      steps: [done('lookUpPerson', 0, 1), done('chargeFee', 1, 2), active('feePaid', 2)],
      events: [{ kind: 'payment-created', status: 'in-progress', at: new Date(at(2)) }],
    });
    expect(states(steps)).toEqual(['submitted:done', 'data-checked:done', 'payment-received:current', 'under-review:next', 'decision:next', 'result-delivered:next']);
    expect(steps[1]!.at).toBe(at(1));
    expect(steps[2]!.at).toBe(at(2));
  });

  it("under review: the deadline of a timer on the task, else the task's due date", () => {
    const steps = progress({ steps: [done('lookUpPerson', 0, 1), done('feePaid', 2, 5), active('review', 5)], taskDueDates: new Map([['review', '2026-12-10T12:00:00.000Z']]) });
    expect(steps.find((s) => s.step === 'under-review')).toEqual({ step: 'under-review', state: 'current', at: at(5), deadline: '2026-12-10T12:00:00.000Z' });
    const bounded: ProcessOutline = { elements: prepaid.elements.map((e) => (e.id === 'review' ? { ...e, deadline: 'P3D' } : e)) };
    const timed = progress({ outline: bounded, steps: [active('review', 5)], taskDueDates: new Map([['review', '2026-12-10T12:00:00.000Z']]) });
    expect(timed.find((s) => s.step === 'under-review')!.deadline).toBe(new Date(new Date(at(5)).getTime() + 3 * 86_400_000).toISOString());
  });

  it('a register check the process passed over (no company) is skipped once a later step is under way', () => {
    const steps = progress({ outline: streetTrading, steps: [done('tradingAsCompany', 0, 0), done('chargeFee', 0, 1), active('feePaid', 1)] });
    expect(states(steps).slice(0, 3)).toEqual(['submitted:done', 'data-checked:skipped', 'payment-received:current']);
  });

  it('more information asked: shown with its 14-day deadline while waiting, answered afterwards with the review current again', () => {
    const base = [done('chargeFee', 0, 1), done('feePaid', 1, 5), done('review', 5, 60)];
    const waiting = progress({ outline: streetTrading, steps: [...base, done('askForInformation', 60, 61), active('awaitInformation', 61)] });
    expect(states(waiting)).toEqual(['submitted:done', 'data-checked:skipped', 'payment-received:done', 'under-review:done', 'information-requested:current', 'decision:next', 'result-delivered:next']);
    const asked = waiting.find((s) => s.step === 'information-requested')!;
    expect(asked).toMatchObject({ detail: 'waiting', at: at(61), deadline: new Date(new Date(at(61)).getTime() + 14 * 86_400_000).toISOString() });

    const answered = progress({ outline: streetTrading, steps: [...base, done('askForInformation', 60, 61), done('awaitInformation', 61, 300), active('review', 300)] });
    expect(states(answered)).toEqual(['submitted:done', 'data-checked:skipped', 'payment-received:done', 'under-review:current', 'information-requested:done', 'decision:next', 'result-delivered:next']);
    expect(answered.find((s) => s.step === 'information-requested')).toMatchObject({ detail: 'answered', at: at(300) });
    expect(answered.find((s) => s.step === 'under-review')!.at).toBe(at(300));

    const terminated = { elementId: 'awaitInformation', state: 'TERMINATED' as const, startDate: at(61), endDate: at(900) };
    const overdue = progress({ outline: streetTrading, steps: [...base, done('askForInformation', 60, 61), terminated, done('informationOverdue', 61, 900)] });
    expect(overdue.find((s) => s.step === 'information-requested')).toMatchObject({ state: 'done', detail: 'overdue', at: at(900) });
  });

  it("an approved permit waiting for the official's personal signature: reviewed and decided, the result to come", () => {
    const steps = progress({
      outline: streetTrading, status: 'approved',
      steps: [done('chargeFee', 0, 1), done('feePaid', 1, 5), done('review', 5, 60), done('permitPdf', 60, 61), active('signPermit', 61)],
      events: [{ kind: 'payment-paid', status: 'in-progress', at: new Date(at(4)) }, { kind: 'status-changed', status: 'approved', at: new Date(at(60)) }],
    });
    expect(states(steps)).toEqual(['submitted:done', 'data-checked:skipped', 'payment-received:done', 'under-review:done', 'decision:done', 'result-delivered:current']);
    expect(steps.find((s) => s.step === 'under-review')!.at).toBe(at(60));
  });

  it('decided and delivered: the decision with its outcome and time, the result at the message after it', () => {
    const steps = progress({
      status: 'approved',
      steps: [done('lookUpPerson', 0, 1), done('feePaid', 2, 5), done('review', 5, 60), done('sealDecision', 61, 62), done('tellInInbox', 62, 63), done('tellByEmail', 63, 64), done('declared', 64, 64)],
      events: [{ kind: 'payment-paid', status: 'in-progress', at: new Date(at(4)) }, { kind: 'status-changed', status: 'approved', at: new Date(at(60)) }],
      duration: 'P5D',
    });
    expect(states(steps)).toEqual(['submitted:done', 'data-checked:done', 'payment-received:done', 'under-review:done', 'decision:done', 'result-delivered:done']);
    expect(steps.find((s) => s.step === 'payment-received')).toMatchObject({ at: at(4), detail: 'paid' });
    expect(steps.find((s) => s.step === 'decision')).toEqual({ step: 'decision', state: 'done', at: at(60), detail: 'approved' });
    expect(steps.find((s) => s.step === 'result-delivered')!.at).toBe(at(64));
  });

  it('a postpayment comes after the decision: to come while the official decides, current once approved, the result after it is paid', () => {
    const fresh = progress({ outline: residence, steps: [done('lookUpPerson', 0, 1), active('review', 1)] });
    expect(states(fresh)).toEqual(['submitted:done', 'data-checked:done', 'under-review:current', 'decision:next', 'payment-received:next', 'result-delivered:next']);

    const approved = { kind: 'status-changed', status: 'approved', at: new Date(at(60)) };
    const asked = progress({
      outline: residence, status: 'approved',
      steps: [done('lookUpPerson', 0, 1), done('review', 1, 60), done('chargeFee', 60, 61), done('tellFeeDue', 61, 62), active('feePaid', 62)],
      events: [approved, { kind: 'payment-created', status: 'approved', at: new Date(at(61)) }],
    });
    expect(states(asked)).toEqual(['submitted:done', 'data-checked:done', 'under-review:done', 'decision:done', 'payment-received:current', 'result-delivered:next']);
    expect(asked.find((s) => s.step === 'decision')).toMatchObject({ detail: 'approved', at: at(60) });
    expect(asked.find((s) => s.step === 'payment-received')!.at).toBe(at(62));
    // Paid at the bank, the process not yet told: the message asking for the fee is still no result.
    const paidAtBank = progress({
      outline: residence, status: 'approved',
      steps: [done('lookUpPerson', 0, 1), done('review', 1, 60), done('chargeFee', 60, 61), done('tellFeeDue', 61, 62), active('feePaid', 62)],
      events: [approved, { kind: 'payment-paid', status: 'approved', at: new Date(at(90)) }],
    });
    expect(states(paidAtBank).slice(-2)).toEqual(['payment-received:done', 'result-delivered:current']);
    expect(paidAtBank.at(-1)!.at).toBeUndefined();

    const paid = progress({
      outline: residence, status: 'approved',
      steps: [done('lookUpPerson', 0, 1), done('review', 1, 60), done('chargeFee', 60, 61), done('tellFeeDue', 61, 62), done('feePaid', 62, 300), done('sealDecision', 301, 302), done('tellInInbox', 302, 303), done('tellByEmail', 303, 304), done('declared', 304, 304)],
      events: [approved, { kind: 'payment-paid', status: 'approved', at: new Date(at(299)) }],
    });
    expect(states(paid)).toEqual(['submitted:done', 'data-checked:done', 'under-review:done', 'decision:done', 'payment-received:done', 'result-delivered:done']);
    const times = paid.map((s) => s.at!);
    expect([...times].sort()).toEqual(times);
    expect(paid.find((s) => s.step === 'result-delivered')!.at).toBe(at(304));
  });

  it('a refused declaration asks for no postpayment: the payment is skipped, the refusal delivered', () => {
    const steps = progress({
      outline: residence, status: 'rejected',
      steps: [done('lookUpPerson', 0, 1), done('review', 1, 60), done('sealRefusal', 61, 62), done('tellRefused', 62, 63), done('notDeclared', 63, 63)],
      events: [{ kind: 'status-changed', status: 'rejected', at: new Date(at(60)) }],
    });
    expect(states(steps)).toEqual(['submitted:done', 'data-checked:done', 'under-review:done', 'decision:done', 'payment-received:skipped', 'result-delivered:done']);
    expect(steps.find((s) => s.step === 'decision')!.detail).toBe('rejected');
  });

  it('withdrawn: what was not done is skipped, and the withdrawal closes the list', () => {
    const steps = progress({
      outline: streetTrading, status: 'cancelled',
      steps: [done('chargeFee', 0, 1), { elementId: 'feePaid', state: 'TERMINATED', startDate: at(1), endDate: at(9) }, done('withdrawRequested', 9, 9), done('tellWithdrawn', 9, 10)],
      events: [{ kind: 'status-changed', status: 'cancelled', at: new Date(at(9)) }],
    });
    expect(states(steps)).toEqual(['submitted:done', 'data-checked:skipped', 'payment-received:skipped', 'under-review:skipped', 'decision:skipped', 'result-delivered:skipped', 'withdrawn:done']);
    expect(steps.at(-1)!.at).toBe(at(9));

    // Withdrawn while an answer was awaited: asked, never answered.
    const asked = progress({
      outline: streetTrading, status: 'cancelled',
      steps: [done('feePaid', 1, 5), done('review', 5, 60), { elementId: 'awaitInformation', state: 'TERMINATED', startDate: at(61), endDate: at(90) }, done('withdrawRequested', 90, 90)],
      events: [{ kind: 'status-changed', status: 'cancelled', at: new Date(at(90)) }],
    });
    expect(asked.find((s) => s.step === 'information-requested')).toEqual({ step: 'information-requested', state: 'skipped', detail: 'unanswered' });
  });

  it('a service without a process follows the statuses: under review, then the decision is also the result', () => {
    const inReview = progress({ outline: null, status: 'in-review', events: [{ kind: 'status-changed', status: 'in-review', at: new Date(at(3)) }] });
    expect(states(inReview)).toEqual(['submitted:done', 'under-review:current', 'decision:next', 'result-delivered:next']);
    const decided = progress({ outline: null, status: 'rejected', events: [{ kind: 'status-changed', status: 'rejected', at: new Date(at(30)) }] });
    expect(states(decided)).toEqual(['submitted:done', 'under-review:done', 'decision:done', 'result-delivered:done']);
    expect(decided.find((s) => s.step === 'decision')!.detail).toBe('rejected');
  });
});
