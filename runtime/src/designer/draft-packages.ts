import { strToU8, zipSync } from 'fflate';
import { parseDocument } from 'yaml';
import { In, type DataSource } from 'typeorm';
import { AgencyEntity } from '../accounts/agency.entity.js';
import type { User } from '../accounts/user.entity.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { Catalogue } from '../catalogue/catalogue.js';
import { readServicePackage, type PackageUpload } from '../catalogue/package-reader.js';
import { ServiceEntity, type Service } from '../catalogue/service.entity.js';
import { ServiceVersionEntity, type PackageFile, type ServiceVersion } from '../catalogue/service-version.entity.js';
import type { LocalizedText } from '../common/schemas.js';
import { problems } from '../http/problem.js';
import { starterPackage } from './starter-package.js';

/** Files as an upload: text as is, binary as base64. */
export function asUpload(files: Record<string, PackageFile>): { files: Record<string, string | { base64: string }> } {
  return { files: Object.fromEntries(Object.entries(files).map(([path, file]) => [path, file.encoding === 'utf8' ? file.content : { base64: file.content }])) };
}

/**
 * The designer's side of the catalogue: an agency's services with every version, new services
 * from a starter package, saving a draft's files, copying a version into a new draft, zipping.
 * Reading is for the provider agency's analysts and developers; writing for its analysts.
 */
export class DraftPackages {
  constructor(private readonly db: DataSource, private readonly audit: AuditLog, private readonly catalogue: Catalogue) {}

  async list(user: User): Promise<{ service: Service; versions: ServiceVersion[] }[]> {
    if (!user.agencyId) return [];
    const services = await this.db.getRepository(ServiceEntity).find({ where: { providerAgencyId: user.agencyId }, order: { code: 'ASC' } });
    const versions = await this.db.getRepository(ServiceVersionEntity).find({
      select: { id: true, serviceId: true, version: true, state: true, checksum: true, createdAt: true, publishedAt: true, retiredAt: true },
      where: { serviceId: In(services.map((s) => s.id)) }, order: { createdAt: 'ASC' },
    });
    return services.map((service) => ({ service, versions: versions.filter((v) => v.serviceId === service.id) }));
  }

  /** A version of a service of the user's agency (404 for anything else, as the catalogue does). */
  async version(user: User, code: string, version: string): Promise<{ service: Service; version: ServiceVersion }> {
    const service = await this.db.getRepository(ServiceEntity).findOneBy({ code });
    if (!service || !user.agencyId || service.providerAgencyId !== user.agencyId) throw problems.notFound('service', code);
    const found = await this.db.getRepository(ServiceVersionEntity).findOneBy({ serviceId: service.id, version });
    if (!found) throw problems.notFound('service version', `${code}@${version}`);
    return { service, version: found };
  }

  async create(user: User, code: string, title: LocalizedText): Promise<ServiceVersion> {
    const agency = user.agencyId ? await this.db.getRepository(AgencyEntity).findOneBy({ id: user.agencyId }) : null;
    if (!agency) throw problems.forbidden('Only analysts of an agency create services');
    if (await this.db.getRepository(ServiceEntity).existsBy({ code })) throw problems.conflict(`A service with the code "${code}" already exists; choose another code`);
    const pkg = readServicePackage({ files: starterPackage({ code, title, provider: agency.code }) });
    return (await this.catalogue.importPackage(user, pkg)).version;
  }

  /** Replaces a draft's (or testing version's) files, checked as an import is. */
  async saveFiles(user: User, code: string, versionName: string, upload: PackageUpload): Promise<ServiceVersion> {
    const { version } = await this.version(user, code, versionName);
    if (version.state !== 'draft' && version.state !== 'testing') {
      throw problems.conflict(`Version ${versionName} is ${version.state}; only draft or testing versions can be changed — copy it into a new draft`);
    }
    const pkg = readServicePackage(upload);
    for (const [field, expected] of [['code', code], ['version', versionName]] as const) {
      if (pkg.card[field] !== expected) {
        throw problems.unprocessable(`service.yaml says ${field} "${pkg.card[field]}", but this is ${code}@${versionName}; the ${field} cannot change here`, [
          { in: 'body', path: `/files/service.yaml/${field}`, message: `must stay "${expected}"` },
        ]);
      }
    }
    return this.db.transaction(async (manager) => {
      const versions = manager.getRepository(ServiceVersionEntity);
      const current = await versions.findOne({ where: { id: version.id }, lock: { mode: 'pessimistic_write' } });
      if (!current || (current.state !== 'draft' && current.state !== 'testing')) throw problems.conflict(`Version ${versionName} was published meanwhile; it cannot change`);
      const saved = await versions.save({ ...current, card: pkg.card, files: pkg.files, checksum: pkg.checksum });
      const service = await manager.getRepository(ServiceEntity).findOneByOrFail({ id: current.serviceId });
      if (!service.publishedVersionId) {
        // Until something is published, the agency's card is the newest draft's (as on import).
        await manager.getRepository(ServiceEntity).save({
          ...service, title: pkg.card.title, summary: pkg.card.summary ?? null, legalBasis: pkg.card.legalBasis ?? null, audience: pkg.card.audience,
          price: pkg.card.price, interactivityLevel: pkg.card.interactivityLevel, onlineOrder: pkg.card.onlineOrder, lifeEvents: pkg.card.lifeEvents ?? [],
        });
      }
      await this.audit.record(manager, {
        actorId: user.id, action: 'service-version.files-saved', objectType: 'service', objectId: code,
        before: { checksum: current.checksum }, after: { checksum: pkg.checksum }, details: { version: versionName, files: Object.keys(pkg.files).length },
      });
      return saved;
    });
  }

  /** A new draft with the files of `from`, service.yaml's version replaced. */
  async copy(user: User, code: string, from: string, to: string): Promise<ServiceVersion> {
    const { version } = await this.version(user, code, from);
    const card = version.files['service.yaml']!;
    const document = parseDocument(card.content);
    document.set('version', to);
    const files = { ...version.files, 'service.yaml': { encoding: 'utf8' as const, content: document.toString() } };
    const pkg = readServicePackage(asUpload(files));
    return (await this.catalogue.importPackage(user, pkg)).version;
  }

  async zip(user: User, code: string, versionName: string): Promise<Uint8Array> {
    const { version } = await this.version(user, code, versionName);
    return zipSync(Object.fromEntries(Object.entries(version.files).map(([path, file]) => [
      path, file.encoding === 'utf8' ? strToU8(file.content) : new Uint8Array(Buffer.from(file.content, 'base64')),
    ])));
  }
}
