import { Router } from 'express';
import { Type } from '@sinclair/typebox';
import type { Agency } from '../accounts/agency.entity.js';
import { link, type Api } from '../http/api.js';
import { Code, LocalizedText, Page, VersionState } from '../common/schemas.js';
import { PackageFiles, readServicePackage } from './package-reader.js';
import { CardView } from './card-view.js';
import type { Catalogue, CatalogueFilter } from './catalogue.js';
import { lifeEventTitle } from './life-events.js';
import type { ServiceVersion } from './service-version.entity.js';
import type { Service } from './service.entity.js';

const Version = Type.String({ pattern: '^[0-9A-Za-z.+-]{1,64}$', description: 'a version such as 1.2.0' });

const ServiceView = Type.Composite([CardView, Type.Object({
  published: Type.Boolean(),
  number: Type.Integer({ description: "the service's number: given once, kept by every version; case codes and payment references embed it" }),
})]);

const Facet = Type.Array(Type.Object({ value: Type.String(), count: Type.Integer(), title: Type.Optional(LocalizedText) }));

/** What a card page shows beyond the list's card, from the published version's service.yaml. */
const CardDetails = Type.Object({
  serviceUrl: Type.Union([Type.String(), Type.Null()], { description: 'where the service is provided when it is not ordered here' }),
  duration: Type.Union([Type.String(), Type.Null()], { description: 'how long it usually takes, ISO 8601 (P5D)' }),
  requiredDocuments: Type.Array(LocalizedText),
  languages: Type.Array(Type.String()),
  lifeEventTitles: Type.Record(Type.String(), LocalizedText, { description: 'titles of the life events it belongs to, by code' }),
});

const VersionView = Type.Object({
  version: Type.String(),
  state: VersionState,
  checksum: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  publishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  retiredAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

const PackageUpload = Type.Union([
  Type.Object({
    files: PackageFiles,
  }, { additionalProperties: false }),
  Type.Object({ zip: Type.String({ description: 'the package folder as a zip archive, base64' }) }, { additionalProperties: false }),
]);

function serviceView(service: Service, provider: Agency) {
  return {
    code: service.code, title: service.title, summary: service.summary, provider: { code: provider.code, name: provider.name },
    legalBasis: service.legalBasis, audience: service.audience, price: service.price, interactivityLevel: service.interactivityLevel,
    onlineOrder: service.onlineOrder, lifeEvents: service.lifeEvents, published: service.publishedVersionId !== null, number: service.number,
  };
}

function versionView(version: ServiceVersion) {
  return {
    version: version.version, state: version.state, checksum: version.checksum, createdAt: version.createdAt.toISOString(),
    publishedAt: version.publishedAt?.toISOString() ?? null, retiredAt: version.retiredAt?.toISOString() ?? null,
  };
}

/** The catalogue's search as GET /api/services answers it; the server-rendered catalogue page uses the same. */
export async function searchCatalogue(catalogue: Catalogue, query: Partial<Omit<CatalogueFilter, 'limit' | 'offset'>> & { limit?: number; offset?: number }) {
  const [{ items, total }, facets] = await Promise.all([
    catalogue.search({ ...query, limit: query.limit ?? 20, offset: query.offset ?? 0 }),
    catalogue.facets(),
  ]);
  return { items: items.map((s) => serviceView(s, s.provider)), total, facets };
}

/** A service's card page as GET /api/services/{code} answers it (without the staff's versions). */
export async function serviceCardPage(catalogue: Catalogue, { service, provider }: { service: Service; provider: Agency }) {
  const card = await catalogue.publishedCard(service);
  return {
    ...serviceView(service, provider),
    serviceUrl: card?.serviceUrl ?? null,
    duration: card?.duration ?? null,
    requiredDocuments: card?.requiredDocuments ?? [],
    languages: card?.languages ?? [],
    lifeEventTitles: Object.fromEntries(service.lifeEvents.flatMap((code) => {
      const title = lifeEventTitle(code);
      return title ? [[code, title]] : [];
    })),
  };
}

/** The catalogue for everybody; package import and publishing for the provider's analysts. */
export function servicesRouter({ api, catalogue }: { api: Api; catalogue: Catalogue }): Router {
  const router = Router();

  api.publicRoute(router, {
    method: 'get', path: '/api/services', tag: 'catalogue', access: 'public',
    summary: 'Search the catalogue of published services',
    query: Type.Composite([Type.Object({
      audience: Type.Optional(Type.Union([Type.Literal('citizens'), Type.Literal('businesses'), Type.Literal('public-sector')])),
      provider: Type.Optional(Code),
      q: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
      lifeEvent: Type.Optional(Code),
      price: Type.Optional(Type.Union([Type.Literal('free'), Type.Literal('paid')])),
      level: Type.Optional(Type.Integer({ minimum: 1, maximum: 5, description: 'e-service maturity (interactivity) level' })),
    }), Page], { additionalProperties: false }),
    response: Type.Object({
      items: Type.Array(ServiceView),
      total: Type.Integer(),
      facets: Type.Object({ provider: Facet, audience: Facet, lifeEvent: Facet, level: Facet, price: Facet }, { description: 'every value of the published catalogue to filter by, with its number of services' }),
    }),
  }, async ({ query }) => searchCatalogue(catalogue, query));

  api.publicRoute(router, {
    method: 'get', path: '/api/services/:code', tag: 'catalogue', access: 'public',
    summary: "A service's catalogue card; the provider agency's staff also see its versions",
    params: Type.Object({ code: Code }), errors: [404],
    response: Type.Composite([ServiceView, CardDetails, Type.Object({ versions: Type.Optional(Type.Array(VersionView)) })]),
  }, async ({ params, auth }) => {
    const found = await catalogue.find(params.code, auth?.user);
    return { ...await serviceCardPage(catalogue, found), ...(found.versions ? { versions: found.versions.map(versionView) } : {}) };
  });

  api.route(router, {
    method: 'get', path: '/api/services/:code/versions/:version', tag: 'catalogue', access: ['analyst', 'developer', 'official'],
    summary: 'One version of a service with its whole package (provider agency staff)',
    params: Type.Object({ code: Code, version: Version }), errors: [404],
    response: Type.Composite([VersionView, Type.Object({
      card: Type.Record(Type.String(), Type.Unknown(), { description: 'service.yaml as read' }),
      files: Type.Record(Type.String(), Type.Object({ encoding: Type.Union([Type.Literal('utf8'), Type.Literal('base64')]), content: Type.String() }), { description: 'by path in the package' }),
    })]),
  }, async ({ params, auth }) => {
    const version = await catalogue.packageOf(params.code, params.version, auth.user);
    return { ...versionView(version), card: version.card, files: version.files };
  });

  api.route(router, {
    method: 'post', path: '/api/service-packages', tag: 'catalogue', access: ['analyst'], status: 201,
    links: { publish: link('post', '/api/services/:code/versions/:version/publish', { code: '$response.body#/code', version: '$response.body#/version' }) },
    summary: 'Import a service package as a new draft version. Its card, files and references are checked as a package: a package that fits the schema may still be refused with 422 naming each file and problem', body: PackageUpload, bodyLimit: '8mb', errors: [409, 422],
    response: Type.Object({ code: Type.String(), version: Type.String(), state: VersionState, checksum: Type.String() }),
  }, async ({ body, auth }) => {
    const { service, version } = await catalogue.importPackage(auth.user, readServicePackage(body));
    return { code: service.code, version: version.version, state: version.state, checksum: version.checksum };
  });

  api.route(router, {
    method: 'post', path: '/api/services/:code/versions/:version/publish', tag: 'catalogue', access: ['analyst'],
    summary: 'Publish a version; the one published before it is retired (running cases stay on it)',
    params: Type.Object({ code: Code, version: Version }), errors: [404, 409], response: VersionView,
  }, async ({ params, auth }) => versionView(await catalogue.publish(auth.user, params.code, params.version)));

  return router;
}
