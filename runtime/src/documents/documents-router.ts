import express, { Router, type Request, type Response } from 'express';
import { Type } from '@sinclair/typebox';
import { link, type Api } from '../http/api.js';
import { Code, Uuid } from '../common/schemas.js';
import { problems } from '../http/problem.js';
import type { Applications } from '../applications/applications.js';
import type { CaseViews } from '../cases/case-view.js';
import type { Documents } from './documents.js';
import { checkUpload, DEFAULT_UPLOAD_LIMITS, MAX_UPLOAD_BYTES, type UploadLimits } from './upload-check.js';

const StoredDocument = Type.Object({
  id: Type.String({ format: 'uuid' }),
  filename: Type.String(),
  mediaType: Type.String(),
  size: Type.Integer(),
  sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
});

/** A file name as shown to people: no folders, no control characters. */
const Filename = Type.String({ minLength: 1, maxLength: 255, pattern: '^[^/\\\\\\u0000-\\u001f\\u007f]+$', description: 'the file name, e.g. plan.pdf' });

/** Limits of the form field an upload is for; undefined when the form has no such file field. */
export type UploadLimitsOf = (service: string, field: string) => Promise<UploadLimits | undefined>;

/** Reads the raw request body up to `limit` bytes (413 beyond it). */
function rawBody(req: Request, res: Response, limit: number): Promise<Buffer> {
  const parse = express.raw({ limit, type: () => true });
  return new Promise((resolve, reject) => {
    parse(req, res, (error?: unknown) => (error ? reject(error as Error) : resolve(Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0))));
  });
}

/** Citizens' uploads for their forms, and downloads of documents by those who may see them. */
export function documentsRouter({ api, documents, applications, cases, uploadLimits }: {
  api: Api; documents: Documents; applications: Applications; cases: CaseViews; uploadLimits: UploadLimitsOf;
}): Router {
  const router = Router();

  api.route(router, {
    method: 'post', path: '/api/documents', tag: 'documents', access: ['citizen'], status: 201,
    summary: 'Upload a file for a form: the raw bytes as the body with their Content-Type; the form data then refer to the returned id. '
      + 'Limits come from the form field (service + field) or the platform default (10 MB; PDF, PNG, JPEG); the content must be what it is declared to be. '
      + 'A user may upload UPLOADS_PER_DAY files a day (429 past it) and have UPLOAD_UNATTACHED_MAX_BYTES waiting unsubmitted (413 past it)',
    query: Type.Object({
      filename: Filename,
      service: Type.Optional(Code),
      field: Type.Optional(Type.String({ maxLength: 200, pattern: '^[A-Za-z0-9_.\\-/]+$', description: 'key of the form field the file is for' })),
    }, { additionalProperties: false }),
    requestType: '*/*',
    errors: [404, 413, 415, 422, 429],
    links: { document: link('get', '/api/documents/:id', { id: '$response.body#/id' }) },
    response: StoredDocument,
  }, async ({ query, auth, req, res }) => {
    let effective = DEFAULT_UPLOAD_LIMITS;
    if (query.service !== undefined || query.field !== undefined) {
      if (query.service === undefined || query.field === undefined) {
        throw problems.invalidRequest([{ in: 'query', path: query.service === undefined ? '/service' : '/field', message: 'is needed with the other: name the form field as service and field' }]);
      }
      const limits = await uploadLimits(query.service, query.field);
      if (!limits) throw problems.unprocessable(`"${query.field}" is not a file field of the start form of ${query.service}`, [{ in: 'query', path: '/field', message: 'is not a file field of the form' }]);
      effective = limits;
    }
    const content = await rawBody(req, res, Math.min(effective.maxBytes, MAX_UPLOAD_BYTES));
    const mediaType = await checkUpload({ filename: query.filename, declaredType: req.get('content-type') ?? '', content }, effective);
    const saved = await documents.upload({ ownerId: auth.user.id, filename: query.filename, mediaType, content });
    res.location(`/api/documents/${saved.id}`);
    return { id: saved.id, filename: saved.filename, mediaType: saved.mediaType, size: saved.size, sha256: saved.sha256 };
  });

  api.route(router, {
    method: 'get', path: '/api/documents/:id', tag: 'documents', access: ['citizen', 'official'],
    summary: "Download a document: its uploader's, one attached to an application of yours, or, for an official, one of a case he may open "
      + '(a task of it he may see, or a supervisor of the provider agency: recorded as a data access)',
    params: Type.Object({ id: Uuid }), errors: [404],
  }, async ({ params, auth, res }) => {
    const document = await documents.read(params.id);
    if (!document) throw problems.notFound('document', params.id);
    if (document.ownerId !== auth.user.id) {
      if (!document.applicationId) throw problems.notFound('document', params.id);
      if (auth.user.roles.includes('official')) await cases.documentRead(auth.user, document.applicationId, document.id);
      else await applications.visible(auth.user, document.applicationId);
    }
    res.status(200).type(document.mediaType).attachment(document.filename);
    res.setHeader('Repr-Digest', `sha-256=:${Buffer.from(document.sha256, 'hex').toString('base64')}:`);
    res.setHeader('Cache-Control', 'private, no-store');
    res.end(document.content);
  });

  return router;
}
