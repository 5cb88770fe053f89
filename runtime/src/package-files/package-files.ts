import type { ServicePackageFiles } from '@konstruktor/connectors';
import type { DataSource } from 'typeorm';
import { ApplicationEntity } from '../applications/application.entity.js';
import { ServiceVersionEntity } from '../catalogue/service-version.entity.js';

/**
 * Text files of the service package version an application was made for, so that a connector
 * reads e.g. its document templates (documents/*.json) as published with that version.
 */
export function packageFiles(db: DataSource): ServicePackageFiles {
  return {
    async readText(applicationId, path) {
      const application = await db.getRepository(ApplicationEntity).findOneBy({ id: applicationId });
      if (!application) return null;
      const version = await db.getRepository(ServiceVersionEntity).findOneBy({ id: application.serviceVersionId });
      const file = version?.files[path];
      return file?.encoding === 'utf8' ? file.content : null;
    },
  };
}
