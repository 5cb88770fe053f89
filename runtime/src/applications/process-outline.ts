/**
 * What a citizen's timeline needs to know of a service's process: each element's kind, the
 * connector a service task runs, the message a wait expects, the timers that bound it, and whether
 * a payment order is asked for before the decision or after it.
 * Read once per published version (versions never change) from its BPMN file.
 */
import { bpmnElements } from '@konstruktor/forms';
import type { DataSource, EntityManager } from 'typeorm';
import type { LocalizedText } from '../common/schemas.js';
import type { BpmnElement } from '../designer/bpmn-element.js';
import { readBpmn } from '../designer/bpmn-lint.js';
import { localizedName, zeebeProperties } from '../designer/bpmn-names.js';
import { ServiceVersionEntity, type ServiceVersion } from '../catalogue/service-version.entity.js';
import type { PaymentKind } from '../payments/payment-order.entity.js';

export interface OutlineElement {
  id: string;
  /** The BPMN type without its prefix: serviceTask, userTask, receiveTask, intermediateCatchEvent, endEvent… */
  type: string;
  /** A service task's job type (the connector), e.g. konstruktor:population:person. */
  jobType?: string;
  /** The name of the message a receive task or message catch waits for. */
  message?: string;
  /** A literal ISO 8601 duration of a timer boundary event on this element (the wait's deadline). */
  deadline?: string;
  /** The id of that timer boundary event: completed, the wait ran out. */
  timer?: string;
  /** A payment order task's kind (`konstruktor:payments:create-order`): prepayment, the connector's default, or postpayment. */
  paymentKind?: PaymentKind;
  /** Inside an event sub-process (a withdrawal, a cancellation): not a step of the normal course. */
  inEventSubprocess: boolean;
  /** What the officials' inbox shows of a user task. */
  userTask?: UserTaskOutline;
}

export interface UserTaskOutline {
  /** The element's name, per language where zeebe:property `name:lt|lv|en` gives one; null when unnamed. */
  name: LocalizedText | null;
  /** zeebe:priorityDefinition as a literal 0..100; 50 without one (or with an expression). */
  priority: number;
  /** zeebe:property `konstruktor:sign`: the process variable holding the document the official signs personally. */
  sign: string | null;
}

export interface ProcessOutline {
  elements: OutlineElement[];
}

const local = (type: string) => type.replace(/^bpmn:/, '').replace(/^./, (c) => c.toLowerCase());

function extensionValues(element: BpmnElement): BpmnElement[] {
  return ((element.get('extensionElements') as BpmnElement | undefined)?.get('values') as BpmnElement[] | undefined) ?? [];
}

function messageOf(element: BpmnElement): string | undefined {
  const direct = element.get('messageRef') as BpmnElement | undefined;
  if (direct?.name) return direct.name;
  const definitions = (element.get('eventDefinitions') as BpmnElement[] | undefined) ?? [];
  return (definitions.find((d) => d.$type === 'bpmn:MessageEventDefinition')?.get('messageRef') as BpmnElement | undefined)?.name;
}

const PAYMENT_ORDER = 'konstruktor:payments:create-order';

/** The kind a payment order task gives: a literal `="postpayment"` input; anything else is the connector's default. */
function paymentKindOf(element: BpmnElement): PaymentKind {
  const mapping = extensionValues(element).find((v) => v.$type === 'zeebe:IoMapping');
  const inputs = (mapping?.get('inputParameters') as BpmnElement[] | undefined) ?? [];
  const source = inputs.find((input) => input.get('target') === 'kind')?.get('source');
  return typeof source === 'string' && /^=\s*"postpayment"\s*$/.test(source) ? 'postpayment' : 'prepayment';
}

const DEFAULT_PRIORITY = 50;

function userTaskOutline(element: BpmnElement): UserTaskOutline {
  const values = extensionValues(element);
  const properties = zeebeProperties(element);
  const name = localizedName(element, properties);
  const literal = String(values.find((v) => v.$type === 'zeebe:PriorityDefinition')?.get('priority') ?? '').trim();
  const priority = /^\d{1,3}$/.test(literal) ? Math.min(100, Number(literal)) : DEFAULT_PRIORITY;
  return { name, priority, sign: properties.get('konstruktor:sign')?.trim() ?? null };
}

function inEventSubprocess(element: BpmnElement): boolean {
  for (let parent = element.$parent as BpmnElement | undefined; parent; parent = parent.$parent as BpmnElement | undefined) {
    if (parent.$type === 'bpmn:SubProcess' && parent.get('triggeredByEvent')) return true;
  }
  return false;
}

/** The outline of a BPMN text; its flow elements at every depth (sequence flows left out). */
export async function outlineOf(xml: string): Promise<ProcessOutline> {
  const all = bpmnElements(await readBpmn(xml));
  const deadlines = new Map<string, { duration: string; timer: string }>();
  for (const boundary of all.filter((e) => e.$type === 'bpmn:BoundaryEvent')) {
    const timer = ((boundary.get('eventDefinitions') as BpmnElement[] | undefined) ?? []).find((d) => d.$type === 'bpmn:TimerEventDefinition');
    const duration = (timer?.get('timeDuration') as BpmnElement | undefined)?.get('body');
    const attached = (boundary.get('attachedToRef') as BpmnElement | undefined)?.id;
    // An expression (=…) is known only in the running instance; a literal is the deadline for every case.
    if (attached && typeof duration === 'string' && /^P/.test(duration.trim())) deadlines.set(attached, { duration: duration.trim(), timer: boundary.id! });
  }
  const elements = all
    .filter((e) => e.id && (e.$type.endsWith('Task') || e.$type.endsWith('Event')) && e.$type.startsWith('bpmn:'))
    .map((e): OutlineElement => {
      const jobType = extensionValues(e).find((v) => v.$type === 'zeebe:TaskDefinition')?.get('type');
      const message = messageOf(e);
      const deadline = deadlines.get(e.id!);
      return {
        id: e.id!, type: local(e.$type), inEventSubprocess: inEventSubprocess(e), ...(e.$type === 'bpmn:UserTask' ? { userTask: userTaskOutline(e) } : {}),
        ...(typeof jobType === 'string' ? { jobType } : {}), ...(jobType === PAYMENT_ORDER ? { paymentKind: paymentKindOf(e) } : {}), ...(message ? { message } : {}), ...(deadline ? { deadline: deadline.duration, timer: deadline.timer } : {}),
      };
    });
  return { elements };
}

/**
 * The outline of a version's process file; null without one, or for a BPMN the designer's check
 * let through but moddle cannot read (the citizen's course then falls back to the statuses).
 */
export async function versionOutline(version: Pick<ServiceVersion, 'card' | 'files'>): Promise<ProcessOutline | null> {
  const file = version.card.process ? version.files[version.card.process.file] : undefined;
  if (!file) return null;
  return outlineOf(file.encoding === 'base64' ? Buffer.from(file.content, 'base64').toString('utf8') : file.content).catch(() => null);
}

/** What a version promises its citizens: its process's outline (null without one) and the card's usual duration. */
export interface VersionCourse {
  outline: ProcessOutline | null;
  duration: string | undefined;
}

/** The course of service versions, read once each (a published version never changes). */
export class VersionCourses {
  private readonly cache = new Map<string, Promise<VersionCourse>>();
  private static readonly MOST = 200;

  constructor(private readonly db: DataSource) {}

  /** Read through `manager` when given (a caller inside a transaction: the embedded database has one connection). */
  of(serviceVersionId: string, manager: EntityManager = this.db.manager): Promise<VersionCourse> {
    let course = this.cache.get(serviceVersionId);
    if (!course) {
      course = this.read(serviceVersionId, manager);
      this.cache.set(serviceVersionId, course);
      course.catch(() => this.cache.delete(serviceVersionId)); // a failed read is tried again next time
      if (this.cache.size > VersionCourses.MOST) this.cache.delete(this.cache.keys().next().value!);
    }
    return course;
  }

  private async read(serviceVersionId: string, manager: EntityManager): Promise<VersionCourse> {
    const version = await manager.getRepository(ServiceVersionEntity).findOne({ select: { id: true, card: true, files: true }, where: { id: serviceVersionId } });
    return { outline: version ? await versionOutline(version) : null, duration: version?.card.duration };
  }
}
