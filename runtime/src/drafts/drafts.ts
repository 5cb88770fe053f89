import type { DataSource, EntityManager } from 'typeorm';
import type { User } from '../accounts/user.entity.js';
import type { Documents } from '../documents/documents.js';
import { problems, type FieldError } from '../http/problem.js';
import { tooDeep } from '../forms/data-shape.js';
import type { ServiceForms } from '../forms/service-forms.js';
import type { Locale } from '../forms/start-form.js';
import { DraftEntity, type Draft } from './draft.entity.js';

/** Kept this long after the last save when the service's card sets no `retention.drafts`. */
export const DEFAULT_DRAFT_RETENTION = 'P30D';

export interface DraftInput {
  data: Record<string, unknown>;
  page?: number;
}

/** Citizens' saved start forms: one per citizen and service, resumed later, gone after the retention period. */
export class Drafts {
  constructor(
    private readonly db: DataSource,
    private readonly deps: { forms: ServiceForms; documents: Documents },
  ) {}

  /** Saves (replaces) the draft. Partial data are fine; wrong shapes, unknown fields and others' files are not. */
  async save(user: User, serviceCode: string, input: DraftInput, locale: Locale): Promise<Draft & { serviceCode: string; version: string }> {
    const { service, version, form } = await this.deps.forms.orderable(serviceCode);
    const deep = tooDeep(input.data);
    const errors: FieldError[] = deep ? [deep] : form.draftErrors(input.data, locale);
    const references = errors.length ? [] : form.documentReferences(input.data);
    return this.db.transaction(async (manager) => {
      const owned = await this.deps.documents.unattachedUploads(manager, user.id, references.map((r) => r.id));
      for (const reference of references) {
        if (!owned.has(reference.id)) errors.push({ in: 'body', path: reference.path, message: 'is not a file you uploaded for this form' });
      }
      if (errors.length) throw problems.unprocessable(`The draft cannot be saved: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`, errors);
      const retention = version.card.retention?.drafts ?? DEFAULT_DRAFT_RETENTION;
      const [row] = (await manager.query(`
        INSERT INTO draft (user_id, service_id, service_version_id, data, page, document_ids, expires_at)
        VALUES ($1, $2, $3, $4, $5, $6, now() + $7::interval)
        ON CONFLICT (user_id, service_id) DO UPDATE SET service_version_id = EXCLUDED.service_version_id, data = EXCLUDED.data,
          page = EXCLUDED.page, document_ids = EXCLUDED.document_ids, expires_at = EXCLUDED.expires_at, updated_at = now()
        RETURNING id`, [user.id, service.id, version.id, input.data, input.page ?? null, [...owned], retention])) as { id: string }[];
      const draft = await manager.getRepository(DraftEntity).findOneByOrFail({ id: row!.id });
      return { ...draft, serviceCode, version: version.version };
    });
  }

  /** The citizen's live draft for the service (404 when there is none or it has expired). */
  async get(user: User, serviceCode: string): Promise<Draft & { serviceCode: string; version: string }> {
    const [row] = (await this.db.query(`
      SELECT d.id, v.version FROM draft d JOIN service s ON s.id = d.service_id JOIN service_version v ON v.id = d.service_version_id
      WHERE d.user_id = $1 AND s.code = $2 AND d.expires_at > now()`, [user.id, serviceCode])) as { id: string; version: string }[];
    if (!row) throw problems.notFound('draft', serviceCode);
    const draft = await this.db.getRepository(DraftEntity).findOneByOrFail({ id: row.id });
    return { ...draft, serviceCode, version: row.version };
  }

  async delete(user: User, serviceCode: string): Promise<void> {
    const [, deleted] = (await this.db.query(
      'DELETE FROM draft WHERE user_id = $1 AND service_id = (SELECT id FROM service WHERE code = $2)', [user.id, serviceCode])) as [unknown, number];
    if (!deleted) throw problems.notFound('draft', serviceCode);
  }

  /** Submitting the application ends its draft, in the submit's transaction. */
  async submitted(manager: EntityManager, userId: string, serviceId: string): Promise<void> {
    // Written out: it runs on every order, and the builder cost more than the delete.
    await manager.query('DELETE FROM draft WHERE user_id = $1 AND service_id = $2', [userId, serviceId]);
  }

  async purgeExpired(): Promise<number> {
    const [, deleted] = (await this.db.query('DELETE FROM draft WHERE expires_at <= now()')) as [unknown, number];
    return deleted;
  }
}
