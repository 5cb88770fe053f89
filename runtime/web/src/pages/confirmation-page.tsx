import { useCallback, useEffect, useState } from 'react';
import { api, ok, type ApplicationDetail } from '../api.js';
import { named, useLang } from '../i18n.js';
import { useApplicationChanges } from '../live.js';
import { PageHeading } from '../components/page-heading.js';

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
          <div className="panel">
            <p>{t.number}: <strong data-testid="application-number">{application.number}</strong></p>
            <p role="status">{t.status}: <strong data-testid="application-status">{named(t.statuses, application.status)}</strong></p>
            <p className="muted">{t.live}</p>
            <p><a href={`/api/applications/${id}/answers.pdf`} download>{t.answersPdf}</a></p>
          </div>
          <h2>{t.history}</h2>
          <ol className="timeline" data-testid="timeline">
            {application.timeline.map((entry) => (
              <li key={`${entry.at}-${entry.kind}`}>
                <time dateTime={entry.at}>{new Date(entry.at).toLocaleString(lang)}</time> {named(t.steps, entry.kind)}
              </li>
            ))}
          </ol>
        </>
      ) : <p role="status">{t.loading}</p>}
    </>
  );
}
