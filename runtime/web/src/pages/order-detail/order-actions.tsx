import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, ok, type Answer, type ApplicationDetail } from '../../api.js';
import { useLang } from '../../i18n.js';
import { Alert, AppLink, Button, Card, CardBlock, formatDate, Heading, Paragraph } from '../../ui/index.js';
import { useApplicationChanges } from '../../live.js';

type InformationRequest = NonNullable<Answer<'get', '/api/applications/{id}/information-request'>['request']>;

/** Statuses in which the agency still handles the order; its process decides whether withdrawing is still allowed. */
const OPEN = new Set(['submitted', 'in-progress', 'in-review']);

/** "The official asks for more information": his message, the deadline and the way to answer, while the process waits. */
export function InformationNotice({ id }: { id: string }) {
  const { lang, t } = useLang();
  const [request, setRequest] = useState<InformationRequest | null>(null);
  const load = useCallback(() => { void ok(api.GET('/api/applications/{id}/information-request', { params: { path: { id } } })).then((answer) => setRequest(answer.request)); }, [id]);
  useEffect(load, [load]);
  useApplicationChanges(load, id);
  if (!request) return null;
  return (
    <Card data-color="warning" variant="tinted" className="order-section" data-testid="information-request">
      <CardBlock>
        <Heading level={2} data-size="sm">{t.informationOpen}</Heading>
        <Paragraph>{request.message}</Paragraph>
        {request.deadline && <Paragraph>{t.informationDeadline(formatDate(request.deadline, lang))}</Paragraph>}
        <AppLink className="ds-button" data-variant="primary" href={`/orders/${id}/information?lang=${lang}`}>{t.informationGo}</AppLink>
      </CardBlock>
    </Card>
  );
}

/** Withdrawing the order, asked twice; the agency's process ends the case and the status follows live. */
export function WithdrawAction({ application }: { application: ApplicationDetail }) {
  const { t } = useLang();
  const [confirming, setConfirming] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();
  if (!OPEN.has(application.status)) return null;
  const withdraw = async () => {
    setConfirming(false);
    try {
      await ok(api.POST('/api/applications/{id}/withdraw', { params: { path: { id: application.id } } }));
      setOutcome({ ok: true, text: t.withdrawSent });
    } catch (e) {
      // The refusal's detail is written for the applicant, in his language.
      setOutcome({ ok: false, text: e instanceof ApiError ? e.detail ?? e.message : String(e) });
    }
  };
  return (
    <section className="order-section" aria-label={t.withdraw}>
      {outcome && <Alert data-color={outcome.ok ? 'info' : 'danger'} role="status">{outcome.text}</Alert>}
      {confirming ? (
        <div className="stack-narrow" role="group" aria-label={t.withdraw}>
          <Paragraph>{t.withdrawConfirm}</Paragraph>
          <div className="actions">
            <Button data-color="danger" onClick={withdraw}>{t.withdrawYes}</Button>
            <Button variant="secondary" onClick={() => setConfirming(false)}>{t.withdrawNo}</Button>
          </div>
        </div>
      ) : !outcome?.ok && <Button variant="secondary" data-color="danger" onClick={() => setConfirming(true)}>{t.withdraw}</Button>}
    </section>
  );
}
