import { useCallback, useEffect, useState } from 'react';
import { api, ok, type ApplicationDetail } from '../api.js';
import { named, useLang } from '../i18n.js';
import { Card, CardBlock, Heading, PageHeading, Paragraph, Timeline } from '../ui/index.js';
import { useApplicationChanges } from '../live.js';

/** One order (also the page right after Submit): its number, status and progress, kept current as the service moves it, and the PDF of the answers. */
export function ConfirmationPage({ id }: { id: string }) {
  const { lang, t } = useLang();
  const [application, setApplication] = useState<ApplicationDetail>();
  const load = useCallback(() => { void ok(api.GET('/api/applications/{id}', { params: { path: { id } } })).then(setApplication); }, [id]);
  useEffect(load, [load]);
  useApplicationChanges(load, id);
  return (
    <>
      {/* Just submitted, it says so; once the service has moved it, it is simply the order. */}
      <PageHeading>{application && application.status !== 'submitted' ? t.orderHeading(application.number) : t.submitted}</PageHeading>
      {application ? (
        <>
          <Card data-color="neutral" variant="tinted">
            <CardBlock>
              <Paragraph>{t.number}: <strong data-testid="application-number">{application.number}</strong></Paragraph>
              <Paragraph role="status">{t.status}: <strong data-testid="application-status">{named(t.statuses, application.status)}</strong></Paragraph>
              <Paragraph className="muted">{t.live}</Paragraph>
              <Paragraph><a href={`/api/applications/${id}/answers.pdf?lang=${lang}`} download>{t.answersPdf}</a></Paragraph>
            </CardBlock>
          </Card>
          <Heading level={2} data-size="sm">{t.history}</Heading>
          <Timeline label={t.history} testId="timeline" entries={application.timeline.map((entry, i) => ({
            key: `${entry.at}-${entry.kind}-${i}`, at: entry.at, title: named(t.steps, entry.kind), state: 'done',
          }))} />
        </>
      ) : <Paragraph role="status">{t.loading}</Paragraph>}
    </>
  );
}
