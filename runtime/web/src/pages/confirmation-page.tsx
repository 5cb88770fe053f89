import { useEffect, useState } from 'react';
import { api, type ApplicationSummary } from '../api.js';
import { useLang } from '../i18n.js';
import { PageHeading } from '../components/page-heading.js';

/** After Submit: the application number and the PDF of the answers. */
export function ConfirmationPage({ id }: { id: string }) {
  const { t } = useLang();
  const [application, setApplication] = useState<ApplicationSummary>();
  useEffect(() => { api.get<ApplicationSummary>(`/api/applications/${id}`).then(setApplication); }, [id]);
  return (
    <>
      <PageHeading>{t.submitted}</PageHeading>
      {application ? (
        <div className="panel" role="status">
          <p>{t.number}: <strong data-testid="application-number">{application.number}</strong></p>
          <p>{t.status}: {application.status}</p>
          <p><a href={`/api/applications/${id}/answers.pdf`} download>{t.answersPdf}</a></p>
        </div>
      ) : <p role="status">{t.loading}</p>}
    </>
  );
}
