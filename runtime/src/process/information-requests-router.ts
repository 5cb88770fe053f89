import { Router } from 'express';
import { Type } from '@sinclair/typebox';
import { link, type Api } from '../http/api.js';
import { Dictionary, Uuid } from '../common/schemas.js';
import { requestLocale } from '../forms/locale.js';
import type { InformationRequests } from './information-requests.js';

const Request = Type.Object({
  message: Type.String({ description: "the official's message to the applicant" }),
  fields: Type.Array(Type.String(), { description: 'top-level keys of the start form to answer again' }),
  requestedAt: Type.String({ format: 'date-time' }),
  deadline: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'when the process stops waiting (its timer), if it has one' }),
});

/** An official asks the applicant for more information; the applicant answers in the portal and the case resumes. */
export function informationRequestsRouter({ api, informationRequests }: { api: Api; informationRequests: InformationRequests }): Router {
  const router = Router();

  api.route(router, {
    method: 'get', path: '/api/applications/:id/information-request', tag: 'applications', access: ['citizen', 'official'],
    summary: "The official's open request for more information on an application, while its process waits for the answer (null: none is open)",
    params: Type.Object({ id: Uuid }), errors: [404],
    response: Type.Object({ request: Type.Union([Request, Type.Null()]) }),
  }, async ({ params, auth }) => ({ request: await informationRequests.pending(auth.user, params.id) }));

  api.route(router, {
    method: 'post', path: '/api/applications/:id/information', tag: 'applications', access: ['citizen'], status: 202,
    links: { application: link('get', '/api/applications/:id', { id: '$request.path.id' }) },
    summary: 'Answer the open request for more information: the requested parts of the start form given again (checked by the start form, '
      + '422 naming each field in lang, else the Accept-Language) and files you uploaded (POST /api/documents), which join the application. '
      + 'The submitted answers stay as they were; the process receives these as informationProvided and the case resumes. 409 when nothing is asked for',
    params: Type.Object({ id: Uuid }), errors: [404, 409, 422],
    body: Type.Object({
      answers: Dictionary(Type.Unknown(), { maxKeyLength: 200, maxProperties: 200 }),
      documents: Type.Optional(Type.Array(Uuid, { maxItems: 50, description: 'ids of your uploads to send besides file fields among the answers' })),
      lang: Type.Optional(Type.Union([Type.Literal('lt'), Type.Literal('lv'), Type.Literal('en')])),
    }, { additionalProperties: false }),
    bodyLimit: '1mb',
    response: Type.Object({ id: Type.String() }),
  }, async ({ params, body, auth, req }) => {
    await informationRequests.answer(auth.user, params.id, { answers: body.answers, documents: body.documents ?? [] }, body.lang ?? requestLocale(req));
    return { id: params.id };
  });

  return router;
}
