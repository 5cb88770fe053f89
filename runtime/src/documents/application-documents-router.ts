import { Router } from 'express';
import { Type } from '@sinclair/typebox';
import type { Api } from '../http/api.js';
import { Language, Uuid } from '../common/schemas.js';
import { requestLocale } from '../forms/locale.js';
import type { ApplicationDocuments, OrderDocument } from './application-documents.js';
import { signatureReason } from './signature-check.js';
import type { Locale } from '../forms/start-form.js';

const DateTime = Type.String({ format: 'date-time' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

const SignatureView = Type.Object({
  valid: Type.Boolean(),
  signer: Nullable(Type.String({ description: "the signer's name (the certificate's common name)" })),
  signedAt: Nullable({ ...DateTime, description: 'the time the signature timestamp proves, else the time the signer claimed' }),
  level: Nullable(Type.String({ description: 'format and level, e.g. "PAdES B-T"' })),
  reason: Nullable(Type.String({ description: 'why it is not valid, in the language asked for' })),
  detail: Nullable(Type.String({ description: "the verifier's own words on the failure (English, technical)" })),
  checkedAt: DateTime,
});

/** A document of an order as GET /api/applications/{id}/documents lists it (the case view lists them so too). */
export const DocumentView = Type.Object({
  id: Uuid,
  title: Type.String({ description: 'what to show: "Decision", "Submission receipt", "Invoice RF…" in the language asked for, else the file name' }),
  filename: Type.String(),
  kind: Type.Union([Type.Literal('result'), Type.Literal('upload'), Type.Literal('receipt'), Type.Literal('invoice')], {
    description: 'result: produced by the process for the applicant (the decision, a permit, a letter); upload: sent by the applicant; receipt: the sealed receipt of the submission; invoice: of a payment order',
  }),
  decision: Type.Boolean({ description: "the process's decision document" }),
  createdAt: DateTime,
  size: Nullable(Type.Integer({ description: 'bytes; null for an invoice, drawn up when downloaded' })),
  mediaType: Type.String(),
  href: Type.String({ description: 'where to download it' }),
  signature: Nullable(SignatureView),
});

export const documentView = (document: OrderDocument, locale: Locale) => ({
  ...document,
  createdAt: document.createdAt.toISOString(),
  signature: document.signature && {
    valid: document.signature.valid, signer: document.signature.signer, signedAt: document.signature.signedAt, level: document.signature.level,
    reason: signatureReason(document.signature, locale), detail: document.signature.detail, checkedAt: document.signature.checkedAt,
  },
});

/** The documents of an order: for whoever may see the application (others: 404, as for the application). */
export function applicationDocumentsRouter({ api, applicationDocuments }: { api: Api; applicationDocuments: ApplicationDocuments }): Router {
  const router = Router();
  api.route(router, {
    method: 'get', path: '/api/applications/:id/documents', tag: 'applications', access: ['citizen', 'official'],
    summary: "The documents of an application, oldest first: the process's results (decision, permit, letters; a signed copy in place of its draft), "
      + 'the applicant\'s uploads, the sealed receipt and the invoices, each with its download link. Signed PDFs (PAdES) and ASiC-E containers carry '
      + "the verification of their signatures (valid, signer, time, level, the reason when not valid in lang, else Accept-Language), made on first read and kept. "
      + 'For whoever may see the application',
    params: Type.Object({ id: Uuid }), query: Type.Object({ lang: Type.Optional(Language) }, { additionalProperties: false }), errors: [404],
    response: Type.Object({ items: Type.Array(DocumentView) }),
  }, async ({ params, query, auth, req }) => {
    const locale = query.lang ?? requestLocale(req);
    const documents = await applicationDocuments.list(auth.user, params.id, locale, 'documents');
    return { items: documents.map((d) => documentView(d, locale)) };
  });
  return router;
}
