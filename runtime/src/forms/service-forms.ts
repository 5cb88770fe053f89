import type { DataSource } from 'typeorm';
import type { Catalogue } from '../catalogue/catalogue.js';
import { ServiceEntity, type Service } from '../catalogue/service.entity.js';
import { ServiceVersionEntity, type ServiceVersion } from '../catalogue/service-version.entity.js';
import { problems } from '../http/problem.js';
import { StartForm } from './start-form.js';
import type { JsonObject } from './version-form.js';

const CACHED_VERSIONS = 200;

function parsedFile(version: ServiceVersion, path: string | undefined): JsonObject | undefined {
  if (path === undefined) return undefined;
  const file = version.files[path];
  // The package reader checked at import that the file is there and is JSON.
  if (!file || file.encoding !== 'utf8') return undefined;
  const value = JSON.parse(file.content) as unknown;
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

/**
 * Start forms and data structures of service versions, read from their package files once
 * per version and kept: published versions never change, so neither does what is built from them.
 */
export class ServiceForms {
  private readonly cache = new Map<string, StartForm>();

  constructor(private readonly db: DataSource, private readonly catalogue: Catalogue) {}

  /** The start form new applications for the service are made with (404 / 409 as Catalogue.orderable). */
  async orderable(code: string): Promise<{ service: Service; version: ServiceVersion; form: StartForm }> {
    const { service, version } = await this.catalogue.orderable(code);
    return { service, version, form: this.forVersion(version) };
  }

  forVersion(version: ServiceVersion): StartForm {
    const key = `${version.id}:${version.checksum}`;
    let built = this.cache.get(key);
    if (built === undefined) {
      try {
        built = new StartForm({
          versionId: version.id, checksum: version.checksum,
          structure: parsedFile(version, version.card.dataStructure), form: parsedFile(version, version.card.startForm),
        });
      } catch (error) {
        // e.g. a pattern that is no regular expression: the package must be fixed and published again.
        throw problems.conflict(`The start form of version ${version.version} cannot be used: ${(error as Error).message}`);
      }
      if (this.cache.size >= CACHED_VERSIONS) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(key, built);
    }
    return built;
  }

  /** The service's catalogue title, for documents made from its forms. */
  async serviceTitle(serviceId: string): Promise<Service['title']> {
    return (await this.db.getRepository(ServiceEntity).findOneByOrFail({ id: serviceId })).title;
  }

  async forVersionId(id: string): Promise<StartForm> {
    const version = await this.db.getRepository(ServiceVersionEntity).findOneBy({ id });
    if (!version) throw problems.notFound('service version', id);
    return this.forVersion(version);
  }
}
