import type { DataSource, EntityManager } from 'typeorm';
import { bpmnElements } from '@konstruktor/forms';
import { durationToMs, type EngineAdapter } from '@konstruktor/engine-adapter';
import type { User } from '../accounts/user.entity.js';
import type { AuditLog } from '../audit/audit-log.js';
import { ApplicationEntity, type Application } from '../applications/application.entity.js';
import type { Applications } from '../applications/applications.js';
import { addTimelineEvent } from '../applications/timeline.js';
import type { Outbox } from '../bridge/outbox.js';
import { ServiceVersionEntity } from '../catalogue/service-version.entity.js';
import { readBpmn } from '../designer/bpmn-lint.js';
import type { Documents } from '../documents/documents.js';
import type { ServiceForms } from '../forms/service-forms.js';
import type { Locale } from '../forms/start-form.js';
import { problems, type FieldError } from '../http/problem.js';

/**
 * The contract between a service's process and the portal for "more information, please"
 * (examples/services/street-trading-permit/README.md): the official's outcome leaves the variable
 * `informationRequest` = { message, fields: [start form keys to answer again] }; the process waits
 * in an element catching the message `information-provided` (correlation key `=applicationId`),
 * perhaps with a timer on it (the deadline); the citizen's answer arrives as the variable
 * `informationProvided` = { answers, documents, at }, leaving the submitted answers as they were.
 */
export const INFORMATION_MESSAGE = 'information-provided';

export interface InformationRequest {
  message: string;
  /** Top-level keys of the start form's data to answer again. */
  fields: string[];
  requestedAt: string;
  deadline: string | null;
}

/** Where a process waits for the answer: the elements catching the message and the time their timers allow. */
interface Waits { elements: Set<string>; timeLimitMs: Map<string, number> }

const NOT_ASKED: Record<Locale, string> = {
  lt: 'Papildomos informacijos šiuo metu neprašoma.',
  lv: 'Papildu informācija pašlaik netiek prasīta.',
  en: 'No information is being asked for now.',
};
const NOT_ASKED_FIELD: Record<Locale, string> = {
  lt: 'šios informacijos neprašyta',
  lv: 'šī informācija netika prasīta',
  en: 'was not asked for',
};

/** Reads the process file once per version: which elements wait for the answer and how long they may. */
async function waitsOf(xml: string): Promise<Waits> {
  const definitions = await readBpmn(xml).catch(() => null);
  const elements = bpmnElements(definitions);
  const waits: Waits = { elements: new Set(), timeLimitMs: new Map() };
  for (const element of elements) {
    const message = element.get('messageRef') as { name?: string } | undefined;
    const owner = element.$type === 'bpmn:MessageEventDefinition' ? (element.$parent as { id?: string } | undefined) : element.$type === 'bpmn:ReceiveTask' ? element : undefined;
    if (message?.name === INFORMATION_MESSAGE && owner?.id) waits.elements.add(owner.id);
  }
  for (const element of elements) {
    if (element.$type !== 'bpmn:BoundaryEvent') continue;
    const attachedTo = (element.get('attachedToRef') as { id?: string } | undefined)?.id;
    const timer = (element.get('eventDefinitions') as Array<{ $type: string; timeDuration?: { body?: string } }> | undefined)?.find((d) => d.$type === 'bpmn:TimerEventDefinition');
    const duration = timer?.timeDuration?.body?.trim();
    if (attachedTo && waits.elements.has(attachedTo) && duration && /^P/.test(duration)) waits.timeLimitMs.set(attachedTo, durationToMs(duration));
  }
  return waits;
}

/**
 * An official's request for more information on an order, as its applicant sees and answers it:
 * open while the process waits for the answer; the answer (the requested parts of the start form
 * given again, checked by the same form, and any files) goes to the process through the outbox.
 */
export class InformationRequests {
  private readonly waits = new Map<string, Promise<Waits>>();

  constructor(private readonly db: DataSource, private readonly deps: {
    applications: Applications; audit: AuditLog; documents: Documents; forms: ServiceForms;
    engine?: Pick<EngineAdapter, 'elementInstances' | 'variables'>; outbox?: Outbox;
  }) {}

  /** The open request of an order the viewer may see, or null. */
  async pending(viewer: User, id: string): Promise<InformationRequest | null> {
    return this.open(await this.deps.applications.visible(viewer, id));
  }

  async answer(applicant: User, id: string, input: { answers: Record<string, unknown>; documents: string[] }, locale: Locale): Promise<void> {
    const application = await this.deps.applications.visible(applicant, id);
    const request = await this.open(application);
    const { outbox } = this.deps;
    if (!request || !outbox) throw problems.conflict(NOT_ASKED[locale]);
    const outside = Object.keys(input.answers).filter((key) => !request.fields.includes(key));
    if (outside.length) throw problems.unprocessable(`Not asked for: ${outside.join(', ')}`, outside.map((key) => ({ in: 'body', path: `/answers/${key}`, message: NOT_ASKED_FIELD[locale] })));
    // The requested parts are checked by the start form as a whole would be, with the answers in place of the first ones.
    const form = await this.deps.forms.forVersionId(application.serviceVersionId);
    const merged = { ...(application.data as Record<string, unknown>), ...input.answers };
    const { data, errors } = form.validate(merged, locale);
    const relevant = errors.filter((e) => request.fields.includes(e.path.split('/')[2] ?? '')).map((e): FieldError => ({ ...e, path: e.path.replace(/^\/data\//, '/answers/') }));
    if (relevant.length) throw problems.unprocessable(`The answers are not valid: ${relevant.map((e) => `${e.path} ${e.message}`).join('; ')}`, relevant);
    const answers = Object.fromEntries(request.fields.filter((key) => key in data).map((key) => [key, data[key]]));
    const referenced = [...new Set([...input.documents, ...form.documentReferences(answers).map((r) => r.id)])];
    await this.db.transaction(async (manager) => {
      const owned = await this.deps.documents.unattachedUploads(manager, applicant.id, referenced);
      const foreign = referenced.filter((ref) => !owned.has(ref));
      if (foreign.length) throw problems.unprocessable(`Files that are not yours to send: ${foreign.join(', ')}`, foreign.map((ref) => ({ in: 'body', path: '/documents', message: `${ref} is not a file you uploaded` })));
      const locked = await manager.getRepository(ApplicationEntity).findOneOrFail({ where: { id }, lock: { mode: 'pessimistic_write' } });
      await this.deps.documents.attach(manager, referenced, id);
      const at = new Date().toISOString();
      await outbox.enqueue(manager, {
        kind: 'publish-message',
        // One answer per request: the request's time names it, so a double click sends it once.
        request: { name: INFORMATION_MESSAGE, correlationKey: id, messageId: `information-${id}-${request.requestedAt}`, timeToLive: 0, variables: { informationProvided: { answers, documents: referenced, at } } },
      });
      await addTimelineEvent(manager, locked, 'information-provided', applicant.id, { fields: Object.keys(answers), documents: referenced.length });
      await this.deps.audit.record(manager, { actorId: applicant.id, action: 'application.information-provided', objectType: 'application', objectId: id, details: { fields: Object.keys(answers), documents: referenced.length } });
    });
  }

  /** Whether an element the engine just entered is an order's wait for the applicant's answer (the order projection notes it on the timeline). */
  async isWaitForAnswer(manager: EntityManager, instanceKey: string, elementId: string): Promise<{ applicationId: string } | null> {
    const [row] = (await manager.query(`SELECT a.id, a.service_version_id AS "versionId" FROM engine_instance e
        JOIN application a ON a.id = e.application_id AND a.process_instance_key = e.instance_key WHERE e.instance_key = $1`, [instanceKey])) as { id: string; versionId: string }[];
    if (!row) return null;
    // Read in the caller's transaction: the embedded database has one connection, which the projection holds.
    return (await this.waitsOf(row.versionId, manager)).elements.has(elementId) ? { applicationId: row.id } : null;
  }

  private async open(application: Application): Promise<InformationRequest | null> {
    const { engine } = this.deps;
    if (!engine || !application.processInstanceKey) return null;
    const waits = await this.waitsOf(application.serviceVersionId);
    if (!waits.elements.size) return null;
    const waiting = (await engine.elementInstances(application.processInstanceKey)).find((e) => waits.elements.has(e.elementId) && e.state === 'ACTIVE');
    if (!waiting) return null;
    const variable = (await engine.variables(application.processInstanceKey)).find((v) => v.name === 'informationRequest' && v.scopeKey === application.processInstanceKey);
    const value = (variable?.value ?? {}) as { message?: unknown; fields?: unknown };
    const limit = waits.timeLimitMs.get(waiting.elementId);
    return {
      message: typeof value.message === 'string' ? value.message : '',
      fields: Array.isArray(value.fields) ? value.fields.filter((f): f is string => typeof f === 'string') : [],
      requestedAt: waiting.startDate,
      deadline: limit === undefined ? null : new Date(new Date(waiting.startDate).getTime() + limit).toISOString(),
    };
  }

  private waitsOf(versionId: string, manager: EntityManager = this.db.manager): Promise<Waits> {
    let found = this.waits.get(versionId);
    if (!found) {
      found = manager.getRepository(ServiceVersionEntity).findOneByOrFail({ id: versionId }).then((version) => {
        const file = version.card.process ? version.files[version.card.process.file] : undefined;
        return file?.encoding === 'utf8' ? waitsOf(file.content) : { elements: new Set<string>(), timeLimitMs: new Map<string, number>() };
      });
      found.catch(() => this.waits.delete(versionId));
      this.waits.set(versionId, found);
    }
    return found;
  }
}
