import { Router } from 'express';
import { Type } from '@sinclair/typebox';
import type { Api } from '../http/api.js';
import { problems } from '../http/problem.js';
import { Language, Uuid } from '../common/schemas.js';
import type { Applications } from '../applications/applications.js';
import type { Documents } from '../documents/documents.js';
import type { Receipts } from './receipts.js';
import type { ApplicationReceipt } from './receipt.entity.js';

const DateTime = Type.String({ format: 'date-time' });

const ReceiptView = Type.Object({
  applicationId: Type.String(),
  caseCode: Type.String({ description: 'the case code: service number and application number, as on the order' }),
  submittedAt: DateTime,
  submittedBy: Type.String({ description: "the submitter's name" }),
  onBehalfOf: Type.Union([Type.String(), Type.Null()], { description: 'registration code of the legal entity the submitter acted for' }),
  onBehalfOfPerson: Type.Union([Type.Object({ name: Type.String(), personalCode: Type.Union([Type.String(), Type.Null()]), authorisationId: Type.String() }), Type.Null()], {
    description: 'the person an e-assistant (the submitter) ordered for, under the authorisation named',
  }),
  termsVersion: Type.Union([Type.Integer(), Type.Null()], { description: 'terms of use in effect at submission (null: none were)' }),
  language: Language,
  declaration: Type.String({ description: 'what pressing Submit confirmed, in the submitter\'s language' }),
  canonicalization: Type.Literal('RFC 8785', { description: 'the answers were digested as JSON Canonicalization Scheme text' }),
  algorithm: Type.Literal('SHA-256'),
  digest: Type.String({ description: 'hex digest of the canonical answers' }),
  seal: Type.Object({
    status: Type.Union([Type.Literal('pending'), Type.Literal('sealed')], { description: 'pending: the platform has not sealed the receipt PDF yet (it keeps trying)' }),
    sealedAt: Type.Union([DateTime, Type.Null()]),
    documentId: Type.Union([Type.String(), Type.Null()]),
    href: Type.Union([Type.String(), Type.Null()], { description: 'the sealed receipt PDF, once sealed' }),
  }),
});

const view = (r: ApplicationReceipt) => ({
  applicationId: r.applicationId, caseCode: r.caseCode, submittedAt: r.submittedAt.toISOString(), submittedBy: r.submitterName,
  onBehalfOf: r.onBehalfOf,
  onBehalfOfPerson: r.representedName && r.authorisationId ? { name: r.representedName, personalCode: r.representedCode, authorisationId: r.authorisationId } : null,
  termsVersion: r.termsVersion, language: r.language, declaration: r.declaration,
  canonicalization: 'RFC 8785' as const, algorithm: r.digestAlgorithm, digest: r.answersDigest,
  seal: {
    status: r.sealStatus, sealedAt: r.sealedAt?.toISOString() ?? null, documentId: r.documentId,
    href: r.documentId ? `/api/applications/${r.applicationId}/receipt.pdf` : null,
  },
});

/** The signed receipt of an order: for whoever may see the application (others: 404, as for the application). */
export function receiptsRouter({ api, applications, receipts, documents }: { api: Api; applications: Applications; receipts: Receipts; documents: Documents }): Router {
  const router = Router();

  const receiptOf = async (viewer: Parameters<Applications['visible']>[0], id: string, what: string): Promise<ApplicationReceipt> => {
    const application = await applications.read(viewer, id, what);
    const receipt = await receipts.of(application.id);
    if (!receipt) throw problems.notFound('receipt of application', id);
    return receipt;
  };

  api.route(router, {
    method: 'get', path: '/api/applications/:id/receipt', tag: 'applications', access: ['citizen', 'official'],
    summary: 'The receipt of an application (pressing Submit counts as signing): the SHA-256 digest of the answers as canonical JSON (RFC 8785), '
      + "the terms version, time, the declaration confirmed in the submitter's language, and the platform's seal: pending, or sealed with the PDF's link. "
      + 'For whoever may see the application',
    params: Type.Object({ id: Uuid }), errors: [404], response: ReceiptView,
  }, async ({ params, auth }) => view(await receiptOf(auth.user, params.id, 'receipt')));

  api.route(router, {
    method: 'get', path: '/api/applications/:id/receipt.pdf', tag: 'applications', access: ['citizen', 'official'],
    summary: "The receipt as a PDF sealed by the platform (PAdES), in the submitter's language; 409 with Retry-After while the seal is pending. "
      + 'For whoever may see the application',
    params: Type.Object({ id: Uuid }), errors: [404, 409], responseType: 'application/pdf',
  }, async ({ params, auth, res }) => {
    const receipt = await receiptOf(auth.user, params.id, 'receipt.pdf');
    const document = receipt.documentId ? await documents.read(receipt.documentId) : null;
    if (!document) {
      res.setHeader('Retry-After', '5');
      throw problems.conflict('The receipt is not sealed yet; the platform keeps trying. Ask again shortly');
    }
    res.status(200).type('application/pdf').setHeader('Content-Disposition', `inline; filename="${document.filename}"`);
    res.setHeader('Cache-Control', 'private, no-store');
    res.end(document.content);
  });

  return router;
}
