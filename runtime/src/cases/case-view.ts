/**
 * The case as an official works it (issue 21, "Case view"): the application's answers with the
 * start form to render them read-only, its documents with their signatures verified, what the
 * process fetched from state registers, payments, the timeline, the tasks and who did them, the
 * messages exchanged with the citizen, the open request for information and the process's
 * incidents. Every opening is a data access recorded in the audit trail with its purpose.
 */
import { In, type DataSource } from 'typeorm';
import { localized, registerConnectors } from '@konstruktor/connectors';
import { EngineError, type EngineAdapter, type Incident, type VariableRecord } from '@konstruktor/engine-adapter';
import { UserEntity, type User } from '../accounts/user.entity.js';
import { RepresentationEntity } from '../accounts/representation.entity.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { Application } from '../applications/application.entity.js';
import { ApplicationEventEntity } from '../applications/application-event.entity.js';
import { caseCode } from '../applications/case-code.js';
import { ServiceEntity } from '../catalogue/service.entity.js';
import { ServiceVersionEntity } from '../catalogue/service-version.entity.js';
import type { LocalizedText } from '../common/schemas.js';
import type { ApplicationDocuments, OrderDocument } from '../documents/application-documents.js';
import type { ServiceForms } from '../forms/service-forms.js';
import type { Locale } from '../forms/start-form.js';
import { problems } from '../http/problem.js';
import { InboxMessageEntity } from '../inbox/inbox-message.entity.js';
import type { Payments } from '../payments/payments.js';
import type { PaymentStatus } from '../payments/payment-order.entity.js';
import type { InformationRequest, InformationRequests } from '../process/information-requests.js';
import type { TaskForms } from '../process/task-forms.js';
import { TaskEntity, type Task } from '../tasks/task.entity.js';
import { caseElementsOf, type CaseElements } from './case-elements.js';
import { isSupervisor, type CasePurpose, type CaseScope } from './case-scope.js';
import { REVIEW_FORM } from '../tasks/review-form.js';
import { optionLabel } from './option-label.js';
import { registerLabels } from './register-labels.js';

/** The engine calls the case view makes: history, incidents, and a supervisor's retry. */
export type CaseEngine = Pick<EngineAdapter, 'elementInstances' | 'variables' | 'childInstances' | 'incidents' | 'resolveIncident' | 'updateJobRetries'>;

export interface CaseView {
  application: {
    id: string; caseCode: string; status: Application['status']; submittedAt: string; serviceCode: string; serviceTitle: LocalizedText;
    applicant: { name: string; personalCode: string | null };
    onBehalfOf: { kind: 'legal-entity'; code: string; name: string | null } | null;
    /** The e-assistant who submitted it for the applicant (null when the applicant did). */
    submittedBy: { name: string } | null;
  };
  answers: Record<string, unknown>;
  form: Record<string, unknown> | null;
  documents: OrderDocument[];
  registerData: {
    source: string; elementId: string; elementName: string; at: string; data: Record<string, unknown>;
    /** Names of the data's values in the language asked for, by path (`representation.mayRepresent`); a value without one is shown by its key. */
    labels: Record<string, string>;
  }[];
  payments: { id: string; amount: string; currency: string; status: PaymentStatus; reference: string; paidAt: string | null }[];
  timeline: { at: string; kind: string; actorName: string | null; details: Record<string, unknown> }[];
  tasks: { id: string; name: LocalizedText; state: string; assigneeName: string | null; completedByName: string | null; completedAt: string | null;
    /** The decision made, and how the task's form words it (null when it does not). */
    outcome: string | null; outcomeLabel: LocalizedText | null;
  }[];
  messages: { at: string; direction: 'to-citizen' | 'from-citizen'; subject: string; body: string }[];
  informationRequest: InformationRequest | null;
  incidents: { key: string; elementId: string; elementName: string; errorType: string; message: string }[];
}

/** One more round of attempts for the job of a retried incident (the examples' connectors take 3). */
const RETRIES_ON_RETRY = 3;

const ANSWER_SUBJECT: Record<Locale, string> = {
  lt: 'Pareiškėjo atsakymas į prašymą pateikti informacijos',
  lv: 'Iesniedzēja atbilde uz informācijas pieprasījumu',
  en: "The applicant's answer to the request for information",
};
const ANSWERED: Record<Locale, (fields: string, files: number) => string> = {
  lt: (fields, files) => `Atsakyti laukai: ${fields || '—'}; pridėta failų: ${files}`,
  lv: (fields, files) => `Atbildētie lauki: ${fields || '—'}; pievienoti faili: ${files}`,
  en: (fields, files) => `Fields answered: ${fields || '—'}; files added: ${files}`,
};

const NOT_RETRIED: Record<Locale, string> = {
  lt: 'Šio incidento nebegalima kartoti: jis jau išspręstas arba proceso žingsnis pasibaigė.',
  lv: 'Šo incidentu vairs nevar atkārtot: tas jau ir atrisināts vai procesa solis ir beidzies.',
  en: 'This incident can no longer be retried: it has been resolved or the process step has ended.',
};

const REGISTERS = new Map(registerConnectors.map((c) => [c.id, c]));
/** A register connector's answer fields; undefined for a job type that is no register. */
const answerFields = (jobType: string) => {
  const connector = REGISTERS.get(jobType);
  return connector && Object.keys((connector.outputSchema.properties ?? {}) as Record<string, unknown>);
};

const iso = (date: Date | string | null) => (date === null ? null : new Date(date).toISOString());

interface FormComponent { key?: string; path?: string; label?: string; components?: FormComponent[] }

/** The labels of a form's top-level data keys: its fields and groups with a path, and those inside groups without one. */
function fieldLabels(components: FormComponent[], labels = new Map<string, string>()): Map<string, string> {
  for (const component of components) {
    const key = component.key ?? component.path;
    if (key) {
      if (component.label && !labels.has(key)) labels.set(key, component.label);
    } else if (component.components) fieldLabels(component.components, labels);
  }
  return labels;
}

export class CaseViews {
  private readonly elements = new Map<string, Promise<CaseElements>>();

  constructor(private readonly db: DataSource, private readonly deps: {
    scope: CaseScope; audit: AuditLog; forms: ServiceForms; applicationDocuments: ApplicationDocuments; payments: Payments;
    informationRequests: InformationRequests; taskForms: TaskForms; engine?: CaseEngine;
  }) {}

  /** The case, for an official in scope (404 otherwise), recorded as a data access with its purpose. */
  async open(official: User, applicationId: string, taskId: string | undefined, locale: Locale): Promise<CaseView> {
    const { application, purpose } = await this.deps.scope.open(official, applicationId, taskId);
    await this.recordAccess(official, application.id, purpose);
    const { engine } = this.deps;
    const instanceKey = application.processInstanceKey;
    const [service, users, documents, orders, timeline, tasks, messages, informationRequest, variables, steps, incidents, elements, form, entityName] = await Promise.all([
      this.db.getRepository(ServiceEntity).findOneByOrFail({ id: application.serviceId }),
      this.db.getRepository(UserEntity).findBy({ id: In([application.applicantId, ...(application.submittedById ? [application.submittedById] : [])]) }),
      this.deps.applicationDocuments.list(official, application.id, locale),
      this.deps.payments.forApplication(application.id),
      this.db.getRepository(ApplicationEventEntity).find({ where: { applicationId: application.id }, order: { at: 'ASC', id: 'ASC' } }),
      this.db.getRepository(TaskEntity).find({ where: { applicationId: application.id }, order: { createdAt: 'ASC', id: 'ASC' } }),
      this.db.getRepository(InboxMessageEntity).find({ where: { applicationId: application.id }, order: { createdAt: 'ASC', id: 'ASC' } }),
      this.deps.informationRequests.pending(official, application.id),
      engine && instanceKey ? engine.variables(instanceKey) : Promise.resolve([] as VariableRecord[]),
      engine && instanceKey ? engine.elementInstances(instanceKey) : Promise.resolve([]),
      engine && instanceKey ? this.incidentsOf(instanceKey) : Promise.resolve([] as Incident[]),
      this.elementsOf(application.serviceVersionId),
      this.deps.forms.forVersionId(application.serviceVersionId).then((f) => f.inLocale(locale).form),
      application.onBehalfOf ? this.entityName(application.onBehalfOf) : Promise.resolve(null),
    ]);
    const [names, outcomes] = await Promise.all([
      this.userNames([...timeline.map((e) => e.actorId), ...tasks.flatMap((t) => [t.assigneeId, t.completedBy])]),
      Promise.all(tasks.map((t) => this.outcomeOf(t))),
    ]);
    const applicant = users.find((u) => u.id === application.applicantId);
    const submitter = application.submittedById ? users.find((u) => u.id === application.submittedById) : undefined;
    const valueOf = (name: string) => (variables.find((v) => v.name === name && v.scopeKey === instanceKey) ?? variables.find((v) => v.name === name))?.value;
    const elementName = (id: string) => elements.names.get(id)?.[locale] ?? id;

    const registerData = elements.registerSteps.flatMap((step) => steps
      .filter((s) => s.elementId === step.elementId && s.state === 'COMPLETED' && s.endDate)
      .map((s) => {
        const connector = REGISTERS.get(step.jobType)!;
        const data = Object.fromEntries(step.variables.filter((v) => valueOf(v.name) !== undefined).map((v) => [v.name, valueOf(v.name)]));
        return {
          source: localized(connector.title, locale) ?? step.jobType,
          elementId: step.elementId, elementName: elementName(step.elementId), at: iso(s.endDate)!,
          data, labels: registerLabels(step.variables, data, connector.outputSchema, locale),
        };
      }))
      .sort((a, b) => a.at.localeCompare(b.at));

    const answered = timeline.filter((e) => e.kind === 'information-provided');
    const lastAnswer = valueOf('informationProvided') as { answers?: Record<string, unknown> } | undefined;
    // Answers read as the form asks them, a file by its name.
    const labels = fieldLabels((form as { components?: FormComponent[] }).components ?? []);
    const filenames = new Map(documents.map((d) => [d.id, d.filename]));
    const shown = (value: unknown): string => (typeof value === 'string' ? filenames.get(value) ?? value
      : Array.isArray(value) && value.every((v) => typeof v === 'string') ? value.map(shown).join(', ') : JSON.stringify(value));
    const citizenMessages = answered.map((e, i) => {
      const fields = Array.isArray(e.details.fields) ? (e.details.fields as string[]) : [];
      // The process keeps the latest answer only: its values go with the latest event.
      const values = i === answered.length - 1 && lastAnswer?.answers
        ? Object.entries(lastAnswer.answers).map(([key, value]) => `${labels.get(key) ?? key}: ${shown(value)}`).join('\n')
        : '';
      const summary = ANSWERED[locale](fields.map((key) => labels.get(key) ?? key).join(', '), typeof e.details.documents === 'number' ? e.details.documents : 0);
      return { at: iso(e.at)!, direction: 'from-citizen' as const, subject: ANSWER_SUBJECT[locale], body: values ? `${values}\n\n${summary}` : summary };
    });

    return {
      application: {
        id: application.id, caseCode: caseCode(service.number, application.number), status: application.status, submittedAt: iso(application.submittedAt)!,
        serviceCode: service.code, serviceTitle: service.title,
        applicant: { name: applicant?.displayName ?? '', personalCode: applicant?.personalCode ?? null },
        onBehalfOf: application.onBehalfOf ? { kind: 'legal-entity', code: application.onBehalfOf, name: entityName } : null,
        submittedBy: submitter ? { name: submitter.displayName } : null,
      },
      answers: application.data,
      form: form as unknown as Record<string, unknown>,
      documents,
      registerData,
      payments: orders.map((o) => ({ id: o.id, amount: (o.amountCents / 100).toFixed(2), currency: o.currency, status: o.status, reference: o.reference, paidAt: iso(o.paidAt) })),
      timeline: timeline.map((e) => ({ at: iso(e.at)!, kind: e.kind, actorName: e.actorId ? names.get(e.actorId) ?? null : null, details: e.details })),
      tasks: tasks.map((t, i) => ({
        id: t.id, name: t.name, state: t.state,
        assigneeName: t.assigneeId ? names.get(t.assigneeId) ?? null : null,
        completedByName: t.completedBy ? names.get(t.completedBy) ?? null : null,
        completedAt: iso(t.completedAt),
        ...outcomes[i]!,
      })),
      messages: [
        ...messages.map((m) => ({ at: iso(m.createdAt)!, direction: 'to-citizen' as const, subject: m.subject, body: m.body })),
        ...citizenMessages,
      ].sort((a, b) => a.at.localeCompare(b.at)),
      informationRequest,
      incidents: incidents.map((i) => ({ key: i.key, elementId: i.elementId, elementName: elementName(i.elementId), errorType: i.errorType, message: i.errorMessage })),
    };
  }

  /** A supervisor retries an incident of the case: the job gets another round of attempts and the incident is resolved. 404 for an incident not of this case. */
  async retryIncident(supervisor: User, applicationId: string, incidentKey: string, locale: Locale): Promise<void> {
    if (!isSupervisor(supervisor)) throw problems.forbidden('Only a supervisor retries an incident');
    const { application } = await this.deps.scope.open(supervisor, applicationId);
    const { engine } = this.deps;
    const incident = engine && application.processInstanceKey
      ? (await this.incidentsOf(application.processInstanceKey)).find((i) => i.key === incidentKey)
      : undefined;
    if (!engine || !incident) throw problems.notFound('incident', incidentKey);
    try {
      if (incident.jobKey) await engine.updateJobRetries(incident.jobKey, RETRIES_ON_RETRY);
      await engine.resolveIncident(incident.key);
    } catch (error) {
      if (error instanceof EngineError && (error.code === 'NOT_FOUND' || error.code === 'INVALID_STATE')) throw problems.conflict(`${NOT_RETRIED[locale]} (${error.message})`);
      throw error;
    }
    await this.deps.audit.recordAlone({
      actorId: supervisor.id, action: 'incident.retried', objectType: 'application', objectId: application.id,
      details: { incidentKey: incident.key, elementId: incident.elementId, errorType: incident.errorType, ...(incident.jobKey ? { jobKey: incident.jobKey, retries: RETRIES_ON_RETRY } : {}) },
    });
  }

  /** An official downloads a document of a case: allowed in the case's scope (404 otherwise), recorded as a data access. */
  async documentRead(official: User, applicationId: string, documentId: string): Promise<void> {
    const { purpose } = await this.deps.scope.open(official, applicationId);
    await this.deps.audit.recordAlone({ actorId: official.id, action: 'document.read', objectType: 'document', objectId: documentId, details: { applicationId, purpose } });
  }

  /** Records that `official` read the personal data of the case, and why. */
  recordAccess(official: User, applicationId: string, purpose: CasePurpose): Promise<unknown> {
    return this.deps.audit.recordAlone({ actorId: official.id, action: 'case.opened', objectType: 'application', objectId: applicationId, details: { purpose } });
  }

  /** The active incidents of the case's process and the processes it called. */
  private async incidentsOf(instanceKey: string): Promise<Incident[]> {
    const engine = this.deps.engine!;
    const keys = [instanceKey];
    for (let i = 0; i < keys.length && keys.length < 100; i += 1) keys.push(...(await engine.childInstances(keys[i]!)).map((c) => c.instanceKey));
    return (await Promise.all(keys.map((key) => engine.incidents({ instanceKey: key, state: 'ACTIVE' })))).flat();
  }

  /** The task's decision, labelled as the option of its form's `decision` field. */
  private async outcomeOf(task: Task): Promise<{ outcome: string | null; outcomeLabel: LocalizedText | null }> {
    const outcome = typeof task.result?.decision === 'string' ? task.result.decision : null;
    if (outcome === null) return { outcome, outcomeLabel: null };
    const form = task.kind === 'review' ? REVIEW_FORM : (await this.deps.taskForms.formOf(this.db.manager, task))?.form;
    return { outcome, outcomeLabel: optionLabel(form, 'decision', outcome) ?? null };
  }

  private elementsOf(versionId: string): Promise<CaseElements> {
    let found = this.elements.get(versionId);
    if (!found) {
      found = this.db.getRepository(ServiceVersionEntity).findOneByOrFail({ id: versionId }).then((v) => caseElementsOf(v.files, answerFields));
      found.catch(() => this.elements.delete(versionId));
      this.elements.set(versionId, found);
    }
    return found;
  }

  private async userNames(ids: (string | null)[]): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
    if (!wanted.length) return new Map();
    return new Map((await this.db.getRepository(UserEntity).findBy({ id: In(wanted) })).map((u) => [u.id, u.displayName]));
  }

  /** The legal entity's name as a representation of it records it, if any does. */
  private async entityName(code: string): Promise<string | null> {
    return (await this.db.getRepository(RepresentationEntity).findOne({ where: { entityCode: code }, order: { createdAt: 'DESC' } }))?.entityName ?? null;
  }
}
