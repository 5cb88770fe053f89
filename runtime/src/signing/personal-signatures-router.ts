import { Router } from 'express';
import { Type } from '@sinclair/typebox';
import type { Api } from '../http/api.js';
import { Uuid } from '../common/schemas.js';
import { requestLocale } from '../forms/locale.js';
import type { PersonalSignatures } from './personal-signatures.js';

const DocumentRef = Type.Object({ documentId: Type.String(), filename: Type.String() });
const Status = Type.Union(['none', 'pending', 'signed', 'refused', 'timeout', 'failed'].map((s) => Type.Literal(s)));

/** An official's personal signature on the document of a task marked for signature (konstruktor:sign). */
export function personalSignaturesRouter({ api, personalSignatures }: { api: Api; personalSignatures: PersonalSignatures }): Router {
  const router = Router();
  const TaskId = Type.Object({ id: Uuid });

  api.route(router, {
    method: 'get', path: '/api/tasks/:id/signature', tag: 'tasks', access: ['official'],
    summary: "The document the task asks me to sign (from the process variable its konstruktor:sign names) and how its latest signing went; a `task` live event with data.signature tells when it changes",
    params: TaskId, errors: [404],
    response: Type.Object({
      document: Type.Union([DocumentRef, Type.Null()]),
      status: Status,
      verificationCode: Type.Optional(Type.String()),
      signedDocument: Type.Optional(DocumentRef),
      message: Type.Optional(Type.String({ description: "In the reader's language" })),
    }),
  }, async ({ params, auth, req }) => personalSignatures.status(auth.user, params.id, requestLocale(req)));

  api.route(router, {
    method: 'post', path: '/api/tasks/:id/signature', tag: 'tasks', access: ['official'], status: 202,
    summary: 'Sign the task\'s document personally with a mobile signature (the official who holds the task): answers at once with the verification code the phone shows; the signed copy (PAdES B-LT) is stored on the application once confirmed',
    params: TaskId, body: Type.Object({ documentId: Uuid }, { additionalProperties: false }), errors: [404, 409, 422, 502, 503],
    response: Type.Object({ status: Type.Literal('pending'), verificationCode: Type.String() }),
  }, async ({ params, body, auth, req }) => personalSignatures.request(auth.user, params.id, body.documentId, requestLocale(req)));

  return router;
}
