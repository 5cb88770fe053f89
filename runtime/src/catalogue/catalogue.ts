import type { DataSource, EntityManager } from 'typeorm';
import { AgencyEntity, type Agency } from '../accounts/agency.entity.js';
import type { User } from '../accounts/user.entity.js';
import type { AuditLog } from '../audit/audit-log.js';
import { HttpProblem, problems } from '../http/problem.js';
import type { ServicePackage } from './package-reader.js';
import type { ServiceCard } from './service-card.js';
import { ServiceVersionEntity, type ServiceVersion } from './service-version.entity.js';
import { ServiceEntity, type Service } from './service.entity.js';
import { entityColumns } from '../db/sql.js';
import type { LocalizedText } from '../common/schemas.js';
import { lifeEventTitle } from './life-events.js';

export interface CatalogueFilter {
  audience?: string;
  provider?: string;
  q?: string;
  lifeEvent?: string;
  price?: 'free' | 'paid';
  level?: number;
  limit: number;
  offset: number;
}

/** Values to filter by with their number of services; providers and life events with their titles. */
export type CatalogueFacets = Record<'provider' | 'audience' | 'lifeEvent' | 'level' | 'price', Array<{ value: string; count: number; title?: LocalizedText }>>;

/** Deploys a version's process when it is published; returns what was deployed. */
export type ProcessDeployer = (version: ServiceVersion) => Promise<ServiceVersion['processDefinition']>;

function cardColumns(card: ServiceCard): Pick<Service, 'title' | 'summary' | 'legalBasis' | 'audience' | 'price' | 'interactivityLevel' | 'onlineOrder' | 'lifeEvents'> {
  return {
    title: card.title, summary: card.summary ?? null, legalBasis: card.legalBasis ?? null, audience: card.audience,
    price: card.price, interactivityLevel: card.interactivityLevel, onlineOrder: card.onlineOrder, lifeEvents: card.lifeEvents ?? [],
  };
}

/** Checks a version before it is published; any error problem refuses the publication. */
export type PublishCheck = (version: ServiceVersion) => Promise<{ ok: boolean; problems: { severity: string; file: string; elementId?: string; field?: string; message: string }[] }>;

/** Published versions kept in memory for ordering (oldest dropped first). */
const CACHED_PUBLISHED_VERSIONS = 64;

/** The service catalogue: importing packages as draft versions, publishing, searching. */
export class Catalogue {
  private readonly deployer: ProcessDeployer | undefined;
  private readonly check: PublishCheck | undefined;
  private readonly publishedVersions = new Map<string, ServiceVersion>();
  /** Written out once: it runs on every order, and building it each time cost more than the database's work. */
  private readonly serviceByCode: string;

  /**
   * `check` runs before every publication (the designer's package check); `deployer` deploys a
   * published version's process (absent: versions publish without an engine, e.g. in the worker).
   */
  constructor(private readonly db: DataSource, private readonly audit: AuditLog, options: { check?: PublishCheck; deployer?: ProcessDeployer } = {}) {
    this.serviceByCode = `SELECT ${entityColumns(db, ServiceEntity, 's')} FROM service s WHERE s.code = $1`;
    this.check = options.check;
    this.deployer = options.deployer;
  }

  /** Imports a package as a new draft version. `actor` must work for the provider agency. */
  async importPackage(actor: User, pkg: ServicePackage): Promise<{ service: Service; version: ServiceVersion }> {
    return this.db.transaction(async (manager) => {
      const agency = await manager.getRepository(AgencyEntity).findOneBy({ code: pkg.card.provider });
      if (!agency) throw problems.unprocessable(`service.yaml names provider "${pkg.card.provider}", which is not a registered agency`, [{ in: 'body', path: '/files/service.yaml/provider', message: 'is not a registered agency' }]);
      if (agency.id !== actor.agencyId) throw problems.forbidden(`You may import packages only for your own agency, not for "${agency.code}"`);
      const services = manager.getRepository(ServiceEntity);
      let service = await services.findOne({ where: { code: pkg.card.code }, lock: { mode: 'pessimistic_write' } });
      if (service && service.providerAgencyId !== agency.id) throw problems.conflict(`Service "${pkg.card.code}" belongs to another agency`);
      if (!service) {
        service = await services.save({ code: pkg.card.code, providerAgencyId: agency.id, publishedVersionId: null, ...cardColumns(pkg.card) });
      } else if (!service.publishedVersionId) {
        // Until something is published, the card shown to the agency is the newest draft's.
        service = await services.save({ ...service, ...cardColumns(pkg.card) });
      }
      const versions = manager.getRepository(ServiceVersionEntity);
      if (await versions.existsBy({ serviceId: service.id, version: pkg.card.version })) {
        throw problems.conflict(`Service "${pkg.card.code}" already has version ${pkg.card.version}; raise the version in service.yaml`);
      }
      const version = await versions.save({
        serviceId: service.id, version: pkg.card.version, state: 'draft', card: pkg.card, files: pkg.files, checksum: pkg.checksum,
        createdBy: actor.id, publishedBy: null, publishedAt: null, retiredAt: null, processDefinition: null,
      });
      await this.audit.record(manager, {
        actorId: actor.id, action: 'service-version.imported', objectType: 'service', objectId: service.code,
        after: { checksum: pkg.checksum }, details: { version: version.version, files: Object.keys(pkg.files).length },
      });
      return { service, version };
    });
  }

  /**
   * Publishes a draft or testing version; the version published before it is retired. The
   * process is deployed first, outside the transaction: the engine has its own storage.
   */
  async publish(actor: User, code: string, versionName: string): Promise<ServiceVersion> {
    const candidate = await this.publishable(this.db.manager, actor, code, versionName);
    const checked = this.check ? await this.check(candidate.version) : undefined;
    if (checked && !checked.ok) {
      const errors = checked.problems.filter((p) => p.severity === 'error');
      throw new HttpProblem(422, 'package-check-failed', 'The package has errors', `${code}@${versionName} cannot be published: ${errors.map((p) => `${p.file}${p.elementId ? ` ${p.elementId}` : ''}${p.field ? ` ${p.field}` : ''}: ${p.message}`).join('; ')}`, {
        problems: checked.problems,
        // A BPMN element is named in the message (and in `problems`); a pointer reaches only the file.
        errors: errors.map((p) => ({ in: 'body', path: `/files/${p.file}${p.field ? `/${p.field}` : ''}`, message: p.elementId ? `${p.elementId}: ${p.message}` : p.message })),
      });
    }
    const processDefinition = this.deployer ? await this.deployer(candidate.version) : null;
    return this.db.transaction(async (manager) => {
      const { service, version } = await this.publishable(manager, actor, code, versionName, true);
      const versions = manager.getRepository(ServiceVersionEntity);
      const previous = service.publishedVersionId ? await versions.findOneBy({ id: service.publishedVersionId }) : null;
      if (previous) await versions.save({ ...previous, state: 'retired', retiredAt: new Date() });
      const published = await versions.save({ ...version, state: 'published', publishedBy: actor.id, publishedAt: new Date(), processDefinition });
      await manager.getRepository(ServiceEntity).save({ ...service, ...cardColumns(version.card), publishedVersionId: published.id });
      await this.audit.record(manager, {
        actorId: actor.id, action: 'service-version.published', objectType: 'service', objectId: code,
        before: { publishedVersion: previous?.version ?? null }, after: { publishedVersion: published.version, checksum: published.checksum },
        details: { version: published.version, retired: previous?.version ?? null, process: processDefinition },
      });
      return published;
    });
  }

  /** The service and version, if `actor` may publish it now (404 / 403 / 409 otherwise). */
  private async publishable(manager: EntityManager, actor: User, code: string, versionName: string, lock = false): Promise<{ service: Service; version: ServiceVersion }> {
    const service = await manager.getRepository(ServiceEntity).findOne({ where: { code }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!service || !this.isStaffOf(actor, service)) throw problems.notFound('service', code);
    if (!actor.roles.includes('analyst')) throw problems.forbidden('Only analysts of the provider agency publish services');
    const version = await manager.getRepository(ServiceVersionEntity).findOneBy({ serviceId: service.id, version: versionName });
    if (!version) throw problems.notFound('service version', `${code}@${versionName}`);
    if (version.state !== 'draft' && version.state !== 'testing') throw problems.conflict(`Version ${versionName} is ${version.state}; only draft or testing versions can be published`);
    return { service, version };
  }

  /** Published services matching the filter, newest first. */
  async search(filter: CatalogueFilter): Promise<{ items: (Service & { provider: Agency })[]; total: number }> {
    const query = this.db.getRepository(ServiceEntity).createQueryBuilder('s')
      .innerJoinAndMapOne('s.provider', 'Agency', 'a', 'a.id = s.providerAgencyId')
      .where('s.publishedVersionId IS NOT NULL');
    if (filter.audience) query.andWhere(':audience = ANY(s.audience)', { audience: filter.audience });
    if (filter.provider) query.andWhere('a.code = :provider', { provider: filter.provider });
    if (filter.lifeEvent) query.andWhere(':lifeEvent = ANY(s.lifeEvents)', { lifeEvent: filter.lifeEvent });
    if (filter.price) query.andWhere(`s.price ${filter.price === 'free' ? '=' : '<>'} '"free"'::jsonb`);
    if (filter.level) query.andWhere('s.interactivityLevel = :level', { level: filter.level });
    if (filter.q) {
      const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query.andWhere(`(s.code ILIKE :pattern OR s.title::text ILIKE :pattern OR coalesce(s.summary::text, '') ILIKE :pattern)`, { pattern });
    }
    const [items, total] = await query.orderBy('s.updatedAt', 'DESC').addOrderBy('s.code').take(filter.limit).skip(filter.offset).getManyAndCount();
    return { items: items as (Service & { provider: Agency })[], total };
  }

  /** What the published catalogue holds to filter by: each provider, audience, life event, level and price kind with its number of services. */
  async facets(): Promise<CatalogueFacets> {
    const rows = (await this.db.query(`
      SELECT 'provider' AS kind, a.code AS value, count(*)::int AS count, a.name FROM service s JOIN agency a ON a.id = s.provider_agency_id WHERE s.published_version_id IS NOT NULL GROUP BY a.code, a.name
      UNION ALL SELECT 'audience', x, count(*)::int, NULL FROM service s, unnest(s.audience) x WHERE s.published_version_id IS NOT NULL GROUP BY x
      UNION ALL SELECT 'lifeEvent', x, count(*)::int, NULL FROM service s, unnest(s.life_events) x WHERE s.published_version_id IS NOT NULL GROUP BY x
      UNION ALL SELECT 'level', s.interactivity_level::text, count(*)::int, NULL FROM service s WHERE s.published_version_id IS NOT NULL GROUP BY s.interactivity_level
      UNION ALL SELECT 'price', CASE WHEN s.price = '"free"'::jsonb THEN 'free' ELSE 'paid' END, count(*)::int, NULL FROM service s WHERE s.published_version_id IS NOT NULL GROUP BY 2
      ORDER BY 1, 2`)) as Array<{ kind: keyof CatalogueFacets; value: string; count: number; name: LocalizedText | null }>;
    const facets: CatalogueFacets = { provider: [], audience: [], lifeEvent: [], level: [], price: [] };
    for (const { kind, value, count, name } of rows) {
      const title = kind === 'provider' ? name : kind === 'lifeEvent' ? lifeEventTitle(value) : null;
      facets[kind].push({ value, count, ...(title ? { title } : {}) });
    }
    return facets;
  }

  /** The card of the version now published: what service.yaml says beyond the columns searched (documents, duration, languages). */
  async publishedCard(service: Service): Promise<ServiceCard | null> {
    return service.publishedVersionId ? (await this.publishedVersion(service.publishedVersionId)).card : null;
  }

  /** A service as `viewer` may see it: published ones for everybody, drafts for its agency's staff. */
  async find(code: string, viewer: User | undefined): Promise<{ service: Service; provider: Agency; versions: ServiceVersion[] | null }> {
    const service = await this.db.getRepository(ServiceEntity).findOneBy({ code });
    const staff = service !== null && viewer !== undefined && this.isStaffOf(viewer, service);
    if (!service || (!service.publishedVersionId && !staff)) throw problems.notFound('service', code);
    const provider = await this.db.getRepository(AgencyEntity).findOneByOrFail({ id: service.providerAgencyId });
    const versions = staff
      ? await this.db.getRepository(ServiceVersionEntity).find({ where: { serviceId: service.id }, order: { createdAt: 'DESC' } })
      : null;
    return { service, provider, versions };
  }

  /** A version's full package, for the provider agency's staff. */
  async packageOf(code: string, versionName: string, viewer: User): Promise<ServiceVersion> {
    const service = await this.db.getRepository(ServiceEntity).findOneBy({ code });
    if (!service || !this.isStaffOf(viewer, service)) throw problems.notFound('service', code);
    const version = await this.db.getRepository(ServiceVersionEntity).findOneBy({ serviceId: service.id, version: versionName });
    if (!version) throw problems.notFound('service version', `${code}@${versionName}`);
    return version;
  }

  /** The published version new applications are made against. */
  async orderable(code: string): Promise<{ service: Service; version: ServiceVersion }> {
    const [service] = (await this.db.query(this.serviceByCode, [code])) as Service[];
    if (!service?.publishedVersionId) throw problems.notFound('service', code);
    if (!service.onlineOrder) throw problems.conflict(`Service "${code}" cannot be ordered online`);
    return { service, version: await this.publishedVersion(service.publishedVersionId) };
  }

  /**
   * A published version's package never changes, so every order need not read it (files and
   * all) again; the service row, read on each order, says which version is the published one.
   */
  private async publishedVersion(id: string): Promise<ServiceVersion> {
    let version = this.publishedVersions.get(id);
    if (!version) {
      version = await this.db.getRepository(ServiceVersionEntity).findOneByOrFail({ id });
      if (this.publishedVersions.size >= CACHED_PUBLISHED_VERSIONS) this.publishedVersions.delete(this.publishedVersions.keys().next().value!);
      this.publishedVersions.set(id, version);
    }
    return version;
  }

  /** Analysts, developers and officials of the provider agency work on its services. */
  private isStaffOf(user: User, service: Service): boolean {
    return user.agencyId === service.providerAgencyId && user.roles.some((role) => role === 'analyst' || role === 'developer' || role === 'official');
  }
}
