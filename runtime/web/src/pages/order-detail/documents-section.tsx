import { useCallback, useEffect, useState } from 'react';
import { api, ok, type Answer } from '../../api.js';
import { useLang } from '../../i18n.js';
import { useApplicationChanges, useMessageChanges } from '../../live.js';
import { formatDateTime, Heading, Paragraph, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow, Tag } from '../../ui/index.js';

type OrderDocument = Answer<'get', '/api/applications/{id}/documents'>['items'][number];

/** How a document's signature reads to the citizen: valid (by whom, when), not valid (why), or none. */
function SignatureState({ document }: { document: OrderDocument }) {
  const { lang, t } = useLang();
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

/** The order's documents: the decision and other results first, then the receipt, invoices and what the citizen sent, each with its signature checked. */
export function DocumentsSection({ id }: { id: string }) {
  const { lang, t } = useLang();
  const [documents, setDocuments] = useState<OrderDocument[]>();
  const load = useCallback(() => { void ok(api.GET('/api/applications/{id}/documents', { params: { path: { id }, query: { lang } } })).then((answer) => setDocuments(answer.items)); }, [id, lang]);
  useEffect(load, [load]);
  useApplicationChanges(load, id);
  // A decision is sealed and stored after the status changes; the message announcing it comes after.
  useMessageChanges((change) => { if (change.applicationId === id) load(); });
  if (!documents?.length) return null;
  const order = { result: 0, receipt: 1, invoice: 2, upload: 3 } as const;
  const sorted = [...documents].sort((a, b) => Number(b.decision) - Number(a.decision) || order[a.kind] - order[b.kind] || a.createdAt.localeCompare(b.createdAt));
  return (
    <section aria-labelledby="documents-heading" className="order-section" data-testid="documents">
      <Heading level={2} data-size="sm" id="documents-heading">{t.documents}</Heading>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="documents-heading">
        <Table>
          <TableHead><TableRow><TableHeaderCell scope="col">{t.document}</TableHeaderCell><TableHeaderCell scope="col">{t.signature}</TableHeaderCell></TableRow></TableHead>
          <TableBody>
            {sorted.map((d) => (
              <TableRow key={d.id} data-kind={d.kind} data-testid={d.decision ? 'decision-document' : undefined}>
                <TableCell>
                  <a href={d.href} download={d.filename}>{d.title}</a>
                  {d.decision && <> <Tag data-color="info" data-size="sm">{t.decisionDocument}</Tag></>}
                  <div className="muted">{t.documentKinds[d.kind]} · {formatDateTime(d.createdAt, lang)}</div>
                </TableCell>
                <TableCell><SignatureState document={d} /></TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <Paragraph className="muted" data-size="sm">{t.signatureNote}</Paragraph>
    </section>
  );
}
