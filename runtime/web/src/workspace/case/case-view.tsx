import { useMemo, useState } from 'react';
import { labelOf, localizeForm, type FormComponent, type FormSchema as FormsSchema } from '@konstruktor/forms/browser';
import { ApiError } from '../../api.js';
import { FormView } from '../../form/form-view.js';
import { fieldsOf, getIn, type Component, type FormSchema } from '../../form/components.js';
import {
  Alert, Button, Card, CardBlock, ScrollTable, formatDate, formatDateTime, formatMoney, Heading, KeyValues, localized, Paragraph, Tag, Timeline, type Lang,
} from '../../ui/index.js';
import { workspaceApi, type CaseDocument, type CaseView as Case } from '../api-types.js';
import { named, useTexts } from '../i18n.js';
import { canPreview, DocumentPreview } from './document-preview.js';
import { registerValue } from './register-value.js';

/** Everything of a case an official works from: the application, its answers and documents, what the process gathered and did. */
export function CaseView({ view, supervisor, onChanged }: { view: Case; supervisor: boolean; onChanged: () => void }) {
  const { t } = useTexts();
  const sections = [
    ['case-answers', t.answers], ['case-documents', t.documents], ['case-registers', t.registerData], ['case-payments', t.payments],
    ['case-tasks', t.earlierTasks], ['case-messages', t.messages], ['case-timeline', t.timeline],
  ] as const;
  return (
    <div className="case-view" data-testid="case-view">
      <ApplicationFacts view={view} />
      <nav aria-label={t.caseSections} className="case-sections">
        <ul>{sections.map(([id, label]) => <li key={id}><a href={`#${id}`}>{label}</a></li>)}</ul>
      </nav>
      {view.incidents.length > 0 && <Incidents view={view} supervisor={supervisor} onChanged={onChanged} />}
      {view.informationRequest && <InformationRequestCard view={view} />}
      <Answers view={view} />
      <Documents documents={view.documents} />
      <RegisterData view={view} />
      <Payments view={view} />
      <CaseTasks view={view} />
      <Messages view={view} />
      <CaseTimeline view={view} />
    </div>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="case-section" id={id} data-testid={id}>
      <Heading level={2} data-size="sm" id={`${id}-heading`}>{title}</Heading>
      {children}
    </section>
  );
}

function ApplicationFacts({ view }: { view: Case }) {
  const { lang, t } = useTexts();
  const { application } = view;
  return (
    <Card data-color="neutral" variant="tinted" className="case-facts">
      <CardBlock>
        <KeyValues items={[
          { key: 'case', term: t.caseCode, value: <strong data-testid="case-code">{application.caseCode}</strong> },
          { key: 'service', term: t.service, value: localized(application.serviceTitle, lang) || application.serviceCode },
          { key: 'status', term: t.status, value: <Tag data-color="info" data-testid="case-status">{named(t.statuses, application.status)}</Tag> },
          { key: 'applicant', term: t.applicant, value: application.applicant.name },
          ...(application.applicant.personalCode ? [{ key: 'code', term: t.personalCode, value: application.applicant.personalCode }] : []),
          ...(application.onBehalfOf ? [{ key: 'for', term: t.onBehalfOf, value: [application.onBehalfOf.name, application.onBehalfOf.code].filter(Boolean).join(', ') }] : []),
          ...(application.submittedBy ? [{ key: 'by', term: t.submittedBy, value: application.submittedBy.name }] : []),
          { key: 'at', term: t.submittedAt, value: formatDateTime(application.submittedAt, lang) },
        ]} />
      </CardBlock>
    </Card>
  );
}

/** The start form with its texts in the reader's language. */
function localizedForm(form: Case['form'], lang: Lang): FormSchema | undefined {
  return form ? localizeForm(form as FormsSchema, lang) as unknown as FormSchema : undefined;
}

function InformationRequestCard({ view }: { view: Case }) {
  const { lang, t } = useTexts();
  const request = view.informationRequest!;
  const form = localizedForm(view.form, lang);
  return (
    <Card data-color="warning" variant="tinted" className="case-section" data-testid="case-information-request">
      <CardBlock>
        <Heading level={2} data-size="sm">{t.informationRequest}</Heading>
        <Paragraph className="pre-wrap">{request.message}</Paragraph>
        <KeyValues items={[
          { key: 'fields', term: t.informationFields, value: request.fields.map((key) => labelOfAnswer(form, key)).join(', ') || '—' },
          { key: 'at', term: t.created, value: formatDateTime(request.requestedAt, lang) },
          ...(request.deadline ? [{ key: 'deadline', term: t.deadline, value: formatDate(request.deadline, lang) }] : []),
        ]} />
      </CardBlock>
    </Card>
  );
}

/**
 * The form as a record of answers: file fields left out (the files are among the documents),
 * with the groups left empty by that, and repeating lists without their add and remove buttons.
 */
function forReading(components: Component[], answers: Record<string, unknown>): Component[] {
  return components.filter((c) => c.type !== 'filepicker').flatMap((c) => {
    if (!c.components) return [c];
    // A list nobody filled in would show one empty row.
    if (c.isRepeating && c.path && !(getIn(answers, c.path.split('.')) as unknown[] | undefined)?.length) return [];
    const children = forReading(c.components, answers);
    if (!children.length) return [];
    return [{ ...c, components: children, ...(c.isRepeating ? { allowAddRemove: false } : {}) }];
  });
}

/** The label of a top-level answer (a key or a group's path) in the form, for "which answers were asked for". */
function labelOfAnswer(form: FormSchema | undefined, key: string): string {
  const found = form && fieldsOf(form.components).find((f) => f.pattern.length === 1 && f.pattern[0] === key);
  return (found && labelOf(found.component as FormComponent)) || key;
}

/** The answers as the applicant gave them, in the service's own form, read-only. */
function Answers({ view }: { view: Case }) {
  const { lang, t } = useTexts();
  const answers = useMemo(() => (view.answers ?? {}) as Record<string, unknown>, [view.answers]);
  const schema = useMemo(() => {
    const inLanguage = localizedForm(view.form, lang);
    return inLanguage && { ...inLanguage, components: forReading(inLanguage.components, answers) };
  }, [view.form, lang, answers]);
  const entries = Object.entries(answers);
  return (
    <Section id="case-answers" title={t.answers}>
      {schema ? <FormView schema={schema} lang={lang} data={answers} readOnly />
        : entries.length === 0 ? <Paragraph>{t.noAnswers}</Paragraph>
        : <KeyValues items={entries.map(([key, value]) => ({ key, term: key, value: display(value) }))} />}
    </Section>
  );
}

function display(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** A document's signature as verified by the runtime: valid (by whom, when, level), not valid (why), or none. */
function SignatureVerdict({ document }: { document: CaseDocument }) {
  const { lang, t } = useTexts();
  const signature = document.signature;
  if (!signature) return <span className="muted">{t.notSigned}</span>;
  if (!signature.valid) return <><Tag data-color="danger">{t.signatureInvalid}</Tag> <span className="muted">{signature.reason}</span></>;
  return (
    <>
      <Tag data-color="success" data-testid="signature-valid">{t.signatureValid}</Tag>{' '}
      <span className="muted">{[signature.signer, signature.signedAt && formatDateTime(signature.signedAt, lang), signature.level].filter(Boolean).join(' · ')}</span>
    </>
  );
}

function Documents({ documents }: { documents: CaseDocument[] }) {
  const { lang, t } = useTexts();
  return (
    <Section id="case-documents" title={t.documents}>
      {documents.length === 0 ? <Paragraph>{t.noDocuments}</Paragraph> : (
        <ScrollTable labelledBy="case-documents-heading" columns={[t.document, t.signature]} rows={documents.map((d) => ({
          key: d.id,
          testId: d.decision ? 'decision-document' : 'case-document',
          cells: [
            <>
              <a href={d.href} target="_blank" rel="noopener">{d.title}</a>{' · '}<a href={d.href} download={d.filename} aria-label={`${d.filename} ↓`}>↓</a>
              {d.decision && <> <Tag data-color="info" data-size="sm">{t.decisionDocument}</Tag></>}
              <div className="muted">{named(t.documentKinds, d.kind)} · {formatDateTime(d.createdAt, lang)}</div>
              {canPreview(d) && <DocumentPreview document={d} />}
            </>,
            <SignatureVerdict document={d} />,
          ],
        }))} />
      )}
    </Section>
  );
}

/** Nested register answers as lines by path: `address.city` → Kaunas. */
function flatten(data: Record<string, unknown>, prefix = ''): [string, unknown][] {
  return Object.entries(data).flatMap(([key, value]): [string, unknown][] => (value && typeof value === 'object' && !Array.isArray(value)
    ? flatten(value as Record<string, unknown>, `${prefix}${key}.`)
    : [[`${prefix}${key}`, value]]));
}

/** A register's answer under one name (`{ representation: {...} }`) reads as that answer's fields. */
function unwrapped(data: Record<string, unknown>): { fields: Record<string, unknown>; prefix: string } {
  const entries = Object.entries(data);
  const [name, only] = entries.length === 1 ? entries[0]! : [];
  return name && only && typeof only === 'object' && !Array.isArray(only) ? { fields: only as Record<string, unknown>, prefix: `${name}.` } : { fields: data, prefix: '' };
}

function RegisterData({ view }: { view: Case }) {
  const { lang, t } = useTexts();
  return (
    <Section id="case-registers" title={t.registerData}>
      {view.registerData.length === 0 ? <Paragraph>{t.noRegisterData}</Paragraph> : view.registerData.map((entry, i) => {
        const { fields, prefix } = unwrapped(entry.data);
        return (
          <div key={i} className="register-entry" data-testid="register-entry">
            <Heading level={3} data-size="2xs">{entry.source}</Heading>
            <Paragraph className="muted" data-size="sm">{[entry.elementName, t.fetchedAt(formatDateTime(entry.at, lang))].filter(Boolean).join(' · ')}</Paragraph>
            <KeyValues className="register-data" items={flatten(fields).map(([key, value]) => ({
              key, term: entry.labels[`${prefix}${key}`] ?? <code>{key}</code>, value: registerValue(value, lang, t),
            }))} />
          </div>
        );
      })}
    </Section>
  );
}

function Payments({ view }: { view: Case }) {
  const { lang, t } = useTexts();
  return (
    <Section id="case-payments" title={t.payments}>
      {view.payments.length === 0 ? <Paragraph>{t.noPayments}</Paragraph> : (
        <ScrollTable labelledBy="case-payments-heading" columns={[t.amount, t.status, t.reference, t.paidAt]} rows={view.payments.map((p) => ({
          key: p.id,
          cells: [formatMoney(p.amount, p.currency, lang), named(t.paymentStatuses, p.status), p.reference ?? '—', p.paidAt ? formatDateTime(p.paidAt, lang) : '—'],
        }))} />
      )}
    </Section>
  );
}

function CaseTasks({ view }: { view: Case }) {
  const { lang, t } = useTexts();
  return (
    <Section id="case-tasks" title={t.earlierTasks}>
      {view.tasks.length === 0 ? <Paragraph>{t.noTasksYet}</Paragraph> : (
        <ScrollTable labelledBy="case-tasks-heading" columns={[t.task, t.taskState, t.doneBy, t.completedAt, t.outcome]} rows={view.tasks.map((task) => ({
          key: task.id,
          cells: [localized(task.name, lang), named(t.taskStates, task.state), task.completedByName ?? task.assigneeName ?? '—',
            task.completedAt ? formatDateTime(task.completedAt, lang) : '—',
            localized(task.outcomeLabel, lang) || task.outcome || '—'],
        }))} />
      )}
    </Section>
  );
}

function Messages({ view }: { view: Case }) {
  const { lang, t } = useTexts();
  return (
    <Section id="case-messages" title={t.messages}>
      {view.messages.length === 0 ? <Paragraph>{t.noMessages}</Paragraph> : (
        <ul className="case-messages">
          {view.messages.map((m, i) => (
            <li key={i} className={`case-message case-message--${m.direction}`}>
              <p className="case-message__head">
                <Tag data-size="sm" data-color={m.direction === 'to-citizen' ? 'info' : 'success'}>{m.direction === 'to-citizen' ? t.toCitizen : t.fromCitizen}</Tag>{' '}
                <strong>{m.subject}</strong> <time className="muted" dateTime={m.at}>{formatDateTime(m.at, lang)}</time>
              </p>
              <p className="pre-wrap">{m.body}</p>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function CaseTimeline({ view }: { view: Case }) {
  const { t } = useTexts();
  return (
    <Section id="case-timeline" title={t.timeline}>
      <Timeline label={t.timeline} testId="case-timeline-steps" entries={view.timeline.map((entry, i) => ({
        key: `${entry.at}-${entry.kind}-${i}`, at: entry.at, title: named(t.steps, entry.kind), state: 'done',
        ...(entry.actorName ? { detail: entry.actorName } : {}),
      }))} />
    </Section>
  );
}

/** Where the process stopped; a supervisor may have the step tried again. */
function Incidents({ view, supervisor, onChanged }: { view: Case; supervisor: boolean; onChanged: () => void }) {
  const { t } = useTexts();
  const [said, setSaid] = useState<{ ok: boolean; text: string }>();
  const retry = async (key: string) => {
    try {
      await workspaceApi.retryIncident(view.application.id, key);
      setSaid({ ok: true, text: t.retried });
      onChanged();
    } catch (e) {
      setSaid({ ok: false, text: e instanceof ApiError ? e.message : t.failed });
    }
  };
  return (
    <Card data-color="danger" variant="tinted" className="case-section" data-testid="case-incidents">
      <CardBlock>
        <Heading level={2} data-size="sm">{t.incidents}</Heading>
        <Paragraph>{t.incidentsLead}</Paragraph>
        {said && <Alert data-color={said.ok ? 'success' : 'danger'} role="status">{said.text}</Alert>}
        <ul className="case-incidents">
          {view.incidents.map((incident) => (
            <li key={incident.key}>
              <strong>{incident.elementName ?? incident.key}</strong>{incident.errorType && <> ({incident.errorType})</>}
              {incident.message && <div className="muted">{incident.message}</div>}
              {supervisor && <Button variant="secondary" data-size="sm" onClick={() => void retry(incident.key)}>{t.retry}<span className="visually-hidden">: {incident.elementName ?? incident.key}</span></Button>}
            </li>
          ))}
        </ul>
      </CardBlock>
    </Card>
  );
}
