import { useCallback, useEffect, useState } from 'react';
import { api, ok, type Answer } from '../../api.js';
import { useLang } from '../../i18n.js';
import { formatDateTime, Heading, KeyValues, Paragraph } from '../../ui/index.js';
import { useApplicationChanges } from '../../live.js';

type Receipt = Answer<'get', '/api/applications/{id}/receipt'>;

/** The order's receipt: what was confirmed on Submit, the answers' fingerprint, and the platform-sealed PDF once it is signed (live). */
export function ReceiptSection({ id }: { id: string }) {
  const { lang, t } = useLang();
  const [receipt, setReceipt] = useState<Receipt>();
  const load = useCallback(() => { void ok(api.GET('/api/applications/{id}/receipt', { params: { path: { id } } })).then(setReceipt); }, [id]);
  useEffect(load, [load]);
  useApplicationChanges((change) => { if (change.step === 'receipt-sealed') load(); }, id);
  if (!receipt) return null;
  return (
    <section aria-labelledby="receipt-heading" className="order-section" data-testid="receipt">
      <Heading level={2} data-size="sm" id="receipt-heading">{t.receipt}</Heading>
      <KeyValues items={[
        { key: 'at', term: t.submittedAt, value: formatDateTime(receipt.submittedAt, lang) },
        { key: 'terms', term: t.termsVersion, value: receipt.termsVersion ?? '—' },
        { key: 'digest', term: t.receiptDigest, value: <code className="digest">{receipt.digest}</code> },
      ]} />
      <Paragraph className="declaration-text">{receipt.declaration}</Paragraph>
      {receipt.seal.status === 'sealed' && receipt.seal.href
        ? <Paragraph><a href={`${receipt.seal.href}`} download>{t.receiptPdf}</a></Paragraph>
        : <Paragraph role="status" className="muted">{t.receiptPending}</Paragraph>}
    </section>
  );
}
