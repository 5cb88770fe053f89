import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api.js';
import { useTaskChanges } from '../../live.js';
import { Alert, Button, Card, CardBlock, Heading, Paragraph } from '../../ui/index.js';
import { workspaceApi, type SignatureState } from '../api-types.js';
import { useTexts } from '../i18n.js';

/** The task's live event says when the phone answered; asking now and then covers a dropped stream. */
const POLL_MS = 3000;
const ENDED = new Set(['signed', 'refused', 'timeout', 'failed']);

/**
 * The personal signature of the task's document with the mobile signature: the document to
 * read, the verification code to compare with the phone's, the wait for the phone's answer
 * (the task's live event brings it), then signed, refused or timed out.
 */
export function SignatureStep({ taskId, onSigned }: { taskId: string; onSigned: (signed: boolean) => void }) {
  const { t } = useTexts();
  const [state, setState] = useState<SignatureState>();
  const [error, setError] = useState<string>();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const follow = useCallback(async () => {
    try {
      const next = await workspaceApi.signature(taskId);
      setState(next);
      onSigned(next.status === 'signed');
      if (next.status === 'pending') timer.current = setTimeout(() => void follow(), POLL_MS);
    } catch (e) {
      setError(e instanceof ApiError ? e.detail ?? e.message : t.failed);
    }
  }, [taskId, onSigned, t]);
  useEffect(() => {
    void follow();
    return () => clearTimeout(timer.current);
  }, [follow]);
  useTaskChanges(() => {
    clearTimeout(timer.current);
    void follow();
  }, taskId);

  const start = async () => {
    if (!state?.document) return;
    setError(undefined);
    try {
      setState({ ...state, ...(await workspaceApi.startSignature(taskId, state.document.documentId)) });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void follow(), POLL_MS);
    } catch (e) {
      setError(e instanceof ApiError ? e.detail ?? e.message : t.failed);
    }
  };
  const status = state?.status ?? 'none';
  return (
    <Card data-color="accent" variant="tinted" className="signature-step" data-testid="signature-step">
      <CardBlock>
        <Heading level={3} data-size="xs">{t.signTitle}</Heading>
        <Paragraph>{t.signLead}</Paragraph>
        {state && (state.document
          ? <Paragraph>{t.signDocument}: <a href={`/api/documents/${state.document.documentId}`} target="_blank" rel="noopener" data-testid="document-to-sign">{state.document.filename}</a></Paragraph>
          : <Paragraph className="muted">{t.signNoDocument}</Paragraph>)}
        <div role="status" aria-live="polite" data-testid="signature-status">
          {status === 'pending' && state?.verificationCode && (
            <div className="verification">
              <p className="verification__label">{t.signCode}</p>
              <p className="verification__code" data-testid="verification-code">{state.verificationCode}</p>
              <Paragraph>{t.signCheck}</Paragraph>
              <Paragraph className="muted">{t.signWaiting}</Paragraph>
            </div>
          )}
          {status === 'signed' && (
            <Alert data-color="success">
              {t.signSigned}
              {state?.signedDocument && <> <a href={`/api/documents/${state.signedDocument.documentId}`} target="_blank" rel="noopener">{t.signedDocument}: {state.signedDocument.filename}</a></>}
            </Alert>
          )}
          {ENDED.has(status) && status !== 'signed' && <Alert data-color="danger">{state?.message ?? t.signStatuses[status]}</Alert>}
        </div>
        {error && <Alert data-color="danger" role="alert">{error}</Alert>}
        {state?.document && status !== 'pending' && status !== 'signed' && (
          <div className="actions"><Button type="button" onClick={() => void start()}>{status === 'none' ? t.sign : t.signAgain}</Button></div>
        )}
      </CardBlock>
    </Card>
  );
}
