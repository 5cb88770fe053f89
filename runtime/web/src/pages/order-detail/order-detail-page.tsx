import { useCallback, useEffect, useState } from 'react';
import { api, ok, type ApplicationDetail } from '../../api.js';
import { localized, named, useLang } from '../../i18n.js';
import { useApplicationChanges } from '../../live.js';
import { Card, CardBlock, Details, DetailsContent, DetailsSummary, formatDateTime, KeyValues, PageHeading, Paragraph, Timeline } from '../../ui/index.js';
import { ReceiptSection } from './receipt-section.js';
import { PaymentSection } from './payment-section.js';
import { InformationNotice, WithdrawAction } from './order-actions.js';
import { DocumentsSection } from './documents-section.js';
import { ProgressSection } from './progress-section.js';
import { StatusTag } from '../status-tag.js';

/**
 * One order (also the page right after Submit): its case code, status and progress, kept
 * current as the service moves it; the receipt of what was submitted and the PDF of the answers.
 */
export function OrderDetailPage({ id }: { id: string }) {
  const { lang, t } = useLang();
  const [application, setApplication] = useState<ApplicationDetail>();
  const load = useCallback(() => { void ok(api.GET('/api/applications/{id}', { params: { path: { id } } })).then(setApplication); }, [id]);
  useEffect(load, [load]);
  useApplicationChanges(load, id);
  if (!application) return <><PageHeading>{t.submitted}</PageHeading><Paragraph role="status">{t.loading}</Paragraph></>;
  return (
    <>
      {/* Just submitted, it says so; once the service has moved it, it is simply the order. */}
      <PageHeading>{application.status !== 'submitted' ? t.orderHeading(application.caseCode) : t.submitted}</PageHeading>
      <Card data-color="neutral" variant="tinted">
        <CardBlock>
          <KeyValues items={[
            { key: 'service', term: t.service, value: localized(application.serviceTitle, lang) },
            { key: 'number', term: t.number, value: <strong data-testid="application-number">{application.caseCode}</strong> },
            { key: 'status', term: t.status, value: <span role="status"><StatusTag status={application.status} testId="application-status" /></span> },
            { key: 'at', term: t.submittedAt, value: formatDateTime(application.submittedAt, lang) },
            ...(application.onBehalfOf ? [{ key: 'entity', term: t.actingAs, value: application.onBehalfOf }] : []),
            ...(application.onBehalfOfPerson ? [{ key: 'person', term: t.actingAs, value: application.onBehalfOfPerson.name }] : []),
          ]} />
          {application.submittedBy && <Paragraph data-testid="submitted-by">{t.submittedUnderAuthorisation(application.submittedBy.name)}</Paragraph>}
          <Paragraph className="muted" data-size="sm">{t.live}</Paragraph>
          <Paragraph><a href={`/api/applications/${id}/answers.pdf?lang=${lang}`} download>{t.answersPdf}</a></Paragraph>
        </CardBlock>
      </Card>
      <InformationNotice id={id} />
      <ProgressSection application={application} />
      <DocumentsSection id={id} />
      <PaymentSection application={application} onChanged={load} />
      <Details className="order-section">
        <DetailsSummary>{t.history}</DetailsSummary>
        <DetailsContent>
          <Timeline label={t.history} testId="timeline" entries={application.timeline.map((entry, i) => ({
            key: `${entry.at}-${entry.kind}-${i}`, at: entry.at, title: named(t.steps, entry.kind), state: 'done',
          }))} />
        </DetailsContent>
      </Details>
      <ReceiptSection id={id} />
      <WithdrawAction application={application} />
    </>
  );
}
