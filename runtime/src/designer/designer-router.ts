import { Router } from 'express';
import { Type } from '@sinclair/typebox';
import type { AnyConnector } from '@konstruktor/connectors';
import type { Services } from '../services.js';
import { AgencyEntity } from '../accounts/agency.entity.js';
import { link, type Api } from '../http/api.js';
import { Code, LocalizedText, VersionState } from '../common/schemas.js';
import { PackageFiles } from '../catalogue/package-reader.js';
import type { ServiceVersion } from '../catalogue/service-version.entity.js';
import { allConnectors } from '../connectors/modules.js';
import { DraftPackages } from './draft-packages.js';
import { checkPackage, PackageCheck } from './package-check.js';
import { deriveApplication, EServiceApplication } from './eservice-application.js';
import { ConnectorsMode, TestRunView } from './test-runs.js';
import { eServiceApplicationPdf } from './eservice-application-pdf.js';

const Version = Type.String({ pattern: '^[0-9A-Za-z.+-]{1,64}$', description: 'a version such as 1.2.0' });
const VersionParams = Type.Object({ code: Code, version: Version });
const RunParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const READ = ['analyst', 'developer'] as const;
const WRITE = ['analyst'] as const;

const VersionView = Type.Object({
  version: Type.String(), state: VersionState, checksum: Type.String(), createdAt: Type.String(),
  publishedAt: Type.Union([Type.String(), Type.Null()]), retiredAt: Type.Union([Type.String(), Type.Null()]),
});
const Created = Type.Object({ code: Type.String(), version: Type.String(), state: VersionState, checksum: Type.String() });

const versionView = (v: ServiceVersion) => ({
  version: v.version, state: v.state, checksum: v.checksum, createdAt: v.createdAt.toISOString(),
  publishedAt: v.publishedAt?.toISOString() ?? null, retiredAt: v.retiredAt?.toISOString() ?? null,
});
const created = (code: string, v: ServiceVersion) => ({ code, version: v.version, state: v.state, checksum: v.checksum });

/** The designer's routes (designer/README.md): drafts, checks, the derived application, test runs. */
export function designerRouter({ api, services, env }: { api: Api; services: Services; env?: NodeJS.ProcessEnv }): Router {
  const router = Router();
  const drafts = new DraftPackages(services.db, services.audit, services.catalogue);
  const { testRuns } = services;
  let connectors: Promise<AnyConnector[]> | undefined;
  const loadConnectors = () => (connectors ??= allConnectors(env));

  api.route(router, {
    method: 'get', path: '/api/designer/services', tag: 'designer', access: [...READ],
    summary: "The agency's services with every version",
    response: Type.Object({ items: Type.Array(Type.Object({ code: Type.String(), title: LocalizedText, provider: Type.String(), versions: Type.Array(VersionView) })) }),
  }, async ({ auth }) => {
    const agency = auth.user.agencyId ? await services.db.getRepository(AgencyEntity).findOneBy({ id: auth.user.agencyId }) : null;
    const items = await drafts.list(auth.user);
    return { items: items.map(({ service, versions }) => ({ code: service.code, title: service.title, provider: agency?.code ?? '', versions: versions.map(versionView) })) };
  });

  api.route(router, {
    method: 'post', path: '/api/designer/services', tag: 'designer', access: [...WRITE], status: 201, errors: [409, 422],
    links: {
      check: link('post', '/api/designer/services/:code/versions/:version/check', { code: '$response.body#/code', version: '$response.body#/version' }),
      files: link('put', '/api/designer/services/:code/versions/:version/files', { code: '$response.body#/code', version: '$response.body#/version' }),
    },
    summary: 'A new service with a starter package as draft 0.1.0. The starter package is checked like an import: a title or code it cannot be made from is a 422 naming it',
    body: Type.Object({ code: Code, title: Type.Union([Type.String({ minLength: 1, maxLength: 200 }), LocalizedText]) }, { additionalProperties: false }),
    response: Created,
  }, async ({ body, auth }) => {
    const title = typeof body.title === 'string' ? { en: body.title } : body.title;
    return created(body.code, await drafts.create(auth.user, body.code, title));
  });

  api.route(router, {
    method: 'put', path: '/api/designer/services/:code/versions/:version/files', tag: 'designer', access: [...WRITE], errors: [404, 409, 422],
    summary: "Replaces a draft's files. They are checked as a package, like an import: files that fit the schema may still be refused with 422 naming each file and problem", params: VersionParams, bodyLimit: '8mb',
    body: Type.Object({ files: PackageFiles }, { additionalProperties: false }), response: Created,
  }, async ({ params, body, auth }) => created(params.code, await drafts.saveFiles(auth.user, params.code, params.version, body)));

  api.route(router, {
    method: 'post', path: '/api/designer/services/:code/versions/:version/copy', tag: 'designer', access: [...WRITE], status: 201, errors: [404, 409, 422],
    summary: 'A new draft with the files of this version, checked as a package like an import (422 naming each problem)', params: VersionParams,
    body: Type.Object({ version: Type.String({ pattern: '^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?$', description: 'semantic version' }) }, { additionalProperties: false }),
    response: Created,
  }, async ({ params, body, auth }) => created(params.code, await drafts.copy(auth.user, params.code, params.version, body.version)));

  api.route(router, {
    method: 'get', path: '/api/designer/services/:code/versions/:version/package.zip', tag: 'designer', access: [...READ], errors: [404],
    summary: 'The package as a zip', params: VersionParams,
  }, async ({ params, auth, res }) => {
    const zip = await drafts.zip(auth.user, params.code, params.version);
    res.status(200).type('application/zip').setHeader('content-disposition', `attachment; filename="${params.code}-${params.version}.zip"`);
    res.end(Buffer.from(zip));
  });

  api.route(router, {
    method: 'post', path: '/api/designer/services/:code/versions/:version/check', tag: 'designer', access: [...READ], errors: [404],
    summary: 'BPMN lint, forms consistency, card, and scenarios run on the embedded engine', params: VersionParams,
    response: PackageCheck,
  }, async ({ params, auth }) => checkPackage((await drafts.version(auth.user, params.code, params.version)).version.files));

  const application = async (user: Parameters<DraftPackages['version']>[0], code: string, versionName: string) => {
    const { service, version } = await drafts.version(user, code, versionName);
    const provider = await services.db.getRepository(AgencyEntity).findOneByOrFail({ id: service.providerAgencyId });
    return deriveApplication(version, provider, await loadConnectors());
  };

  api.route(router, {
    method: 'get', path: '/api/designer/services/:code/versions/:version/application', tag: 'designer', access: [...READ], errors: [404],
    summary: 'The derived e-service application: registers and fields read, steps, documents, legal basis, card', params: VersionParams,
    response: EServiceApplication,
  }, async ({ params, auth }) => application(auth.user, params.code, params.version));

  api.route(router, {
    method: 'get', path: '/api/designer/services/:code/versions/:version/application.pdf', tag: 'designer', access: [...READ], errors: [404],
    summary: 'The derived e-service application as PDF', params: VersionParams,
  }, async ({ params, auth, res }) => {
    const pdf = await eServiceApplicationPdf(await application(auth.user, params.code, params.version));
    res.status(200).type('application/pdf').setHeader('content-disposition', `attachment; filename="${params.code}-${params.version}-application.pdf"`);
    res.end(Buffer.from(pdf));
  });

  api.route(router, {
    method: 'post', path: '/api/designer/test-runs', tag: 'designer', access: [...WRITE], status: 201, errors: [404, 409, 422],
    links: {
      run: link('get', '/api/designer/test-runs/:id', { id: '$response.body#/id' }),
      step: link('post', '/api/designer/test-runs/:id/steps', { id: '$response.body#/id' }),
      scenario: link('get', '/api/designer/test-runs/:id/scenario', { id: '$response.body#/id' }),
      close: link('delete', '/api/designer/test-runs/:id', { id: '$response.body#/id' }),
    },
    summary: 'Deploys the saved package on a fresh embedded engine of its own. A package without a process, or one the engine refuses, is a 422 naming the file',
    body: Type.Object({ code: Code, version: Version, connectors: ConnectorsMode }, { additionalProperties: false }),
    response: TestRunView,
  }, async ({ body, auth }) => {
    const { version } = await drafts.version(auth.user, body.code, body.version);
    return testRuns.start(auth.user, version, body.code, body.connectors);
  });

  api.route(router, {
    method: 'get', path: '/api/designer/test-runs/:id', tag: 'designer', access: [...WRITE], errors: [404],
    summary: 'A test run now', params: RunParams, response: TestRunView,
  }, async ({ params, auth }) => testRuns.get(auth.user, params.id));

  api.route(router, {
    method: 'post', path: '/api/designer/test-runs/:id/steps', tag: 'designer', access: [...WRITE], errors: [404, 422],
    summary: 'Runs one scenario step (spec/scenarios.md). The step is checked with the scenario format and run on the engine: one either refuses is a 422 naming it, and changes nothing', params: RunParams,
    body: Type.Object({ step: Type.Record(Type.String(), Type.Unknown(), { minProperties: 1, maxProperties: 2 }) }, { additionalProperties: false }),
    response: TestRunView,
  }, async ({ params, body, auth }) => testRuns.step(auth.user, params.id, body.step));

  api.route(router, {
    method: 'get', path: '/api/designer/test-runs/:id/scenario', tag: 'designer', access: [...WRITE], errors: [404],
    summary: 'The steps so far plus what holds now, as a scenario file', params: RunParams,
    query: Type.Object({ name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) }, { additionalProperties: false }),
    response: Type.Object({ file: Type.String(), yaml: Type.String() }),
  }, async ({ params, query, auth }) => testRuns.scenario(auth.user, params.id, query.name));

  api.route(router, {
    method: 'delete', path: '/api/designer/test-runs/:id', tag: 'designer', access: [...WRITE], status: 204, errors: [404],
    summary: 'Closes a test run', params: RunParams,
  }, async ({ params, auth }) => testRuns.close(auth.user, params.id));

  return router;
}
