import { Type, type TSchema } from '@sinclair/typebox';
import type { DataSource } from 'typeorm';
import type { User } from '../accounts/user.entity.js';
import type { AuditLog } from '../audit/audit-log.js';
import { problems } from '../http/problem.js';
import { compileValidator, type Validator } from '../http/validation.js';
import { taskProblems } from './task-problems.js';

/** An official's named inbox query (table saved_task_filter), his alone. */
export class SavedTaskFilters {
  static readonly View = Type.Object({ id: Type.String(), name: Type.String(), query: Type.String({ description: 'the URL query of the inbox, e.g. view=overdue&service=street-trading-permit' }) });
  /** Enough for any desk; a bound so that one account cannot fill the table. */
  private static readonly MOST = 50;
  private readonly check: Validator;

  /** `query` is the inbox's query schema: a saved query is one the inbox takes. */
  constructor(private readonly db: DataSource, private readonly audit: AuditLog, query: TSchema) {
    this.check = compileValidator(query, 'query');
  }

  async list(owner: User): Promise<{ id: string; name: string; query: string }[]> {
    return (await this.db.query('SELECT id, name, query FROM saved_task_filter WHERE user_id = $1 ORDER BY created_at, id', [owner.id])) as { id: string; name: string; query: string }[];
  }

  async save(owner: User, filter: { name: string; query: string }): Promise<{ id: string; name: string; query: string }> {
    const query = filter.query.replace(/^\?/, '');
    const params = new URLSearchParams(query);
    const repeated = [...params.keys()].filter((key, i, all) => all.indexOf(key) !== i);
    const errors = [
      ...repeated.map((key) => ({ in: 'body' as const, path: '/query', message: `${key} is given twice` })),
      ...this.check(Object.fromEntries(params)).map((e) => ({ in: 'body' as const, path: '/query', message: `${e.path.replace(/^\//, '') || 'query'} ${e.message}` })),
    ];
    if (errors.length) throw problems.unprocessable(`Not a query the inbox takes: ${errors.map((e) => e.message).join('; ')}`, errors);
    return this.db.transaction(async (manager) => {
      // One at a time per owner, so that the bound holds.
      await manager.query('SELECT 1 FROM app_user WHERE id = $1 FOR UPDATE', [owner.id]);
      const [{ count }] = (await manager.query('SELECT count(*)::int AS count FROM saved_task_filter WHERE user_id = $1', [owner.id])) as [{ count: number }];
      if (count >= SavedTaskFilters.MOST) throw problems.unprocessable(`At most ${SavedTaskFilters.MOST} saved filters`, [{ in: 'body', path: '/name', message: `you have ${count} saved filters already; delete one first` }]);
      const [saved] = (await manager.query(`INSERT INTO saved_task_filter (user_id, name, query) VALUES ($1, $2, $3)
          ON CONFLICT (user_id, name) DO NOTHING RETURNING id, name, query`, [owner.id, filter.name, query])) as { id: string; name: string; query: string }[];
      if (!saved) throw taskProblems.filterNameTaken(filter.name);
      await this.audit.record(manager, { actorId: owner.id, action: 'task-filter.saved', objectType: 'task-filter', objectId: saved.id, details: { name: filter.name } });
      return saved;
    });
  }

  async remove(owner: User, id: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      const [rows] = (await manager.query('DELETE FROM saved_task_filter WHERE id = $1 AND user_id = $2 RETURNING id', [id, owner.id])) as [unknown[], number];
      if (!rows.length) throw problems.notFound('saved filter', id);
      await this.audit.record(manager, { actorId: owner.id, action: 'task-filter.deleted', objectType: 'task-filter', objectId: id });
    });
  }
}
