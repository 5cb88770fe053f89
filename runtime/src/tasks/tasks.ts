import type { DataSource, EntityManager } from 'typeorm';
import type { User } from '../accounts/user.entity.js';
import type { AuditLog } from '../audit/audit-log.js';
import { problems } from '../http/problem.js';
import { compileValidator, type Validator } from '../http/validation.js';
import type { TaskKind } from './task-kind.js';
import type { Locale } from '../forms/start-form.js';
import { insertRow } from '../db/sql.js';
import { caseCode } from '../applications/case-code.js';
import type { LocalizedText } from '../common/schemas.js';
import { TaskEntity, type Task, type TaskState } from './task.entity.js';

/** What the inbox shows of the order a task is about. */
async function orderOf(manager: EntityManager, applicationId: string): Promise<Pick<Task, 'serviceCode' | 'serviceTitle' | 'caseCode' | 'applicantName'>> {
  const [row] = (await manager.query(`SELECT s.code, s.title, s.number, a.number::text AS "applicationNumber", u.display_name AS "applicantName"
      FROM application a JOIN service s ON s.id = a.service_id JOIN app_user u ON u.id = a.applicant_id WHERE a.id = $1`, [applicationId])) as
    { code: string; title: LocalizedText; number: number; applicationNumber: string; applicantName: string }[];
  if (!row) throw new Error(`no application ${applicationId} for a task`);
  return { serviceCode: row.code, serviceTitle: row.title, caseCode: caseCode(row.number, row.applicationNumber), applicantName: row.applicantName };
}

/** The officials' inbox: tasks of their agency and candidate groups; claim; complete. */
export class Tasks {
  private readonly kinds = new Map<string, { kind: TaskKind; validate: Validator }>();

  constructor(private readonly db: DataSource, private readonly audit: AuditLog) {}

  register(kind: TaskKind<never>): void {
    this.kinds.set(kind.name, { kind: kind as unknown as TaskKind, validate: compileValidator(kind.resultSchema, 'body') });
  }

  /** A new open task; the order it is about is copied in for the inbox (service, case code, applicant). */
  async create(manager: EntityManager, task: Pick<Task, 'applicationId' | 'agencyId' | 'kind' | 'name'> & Partial<Pick<Task, 'candidateGroups' | 'candidateUsers' | 'formKey' | 'dueAt' | 'engineKey' | 'elementId' | 'priority' | 'signVariable'>>): Promise<Task> {
    if (!this.kinds.has(task.kind)) throw new Error(`unknown task kind "${task.kind}"`);
    return insertRow(manager, TaskEntity, {
      candidateGroups: [], candidateUsers: [], formKey: null, dueAt: null, engineKey: null, elementId: null, priority: 50, signVariable: null,
      ...(task.applicationId ? await orderOf(manager, task.applicationId) : { serviceCode: null, serviceTitle: null, caseCode: null, applicantName: null }),
      ...task, assigneeId: null, state: 'open', revision: 0, completedAt: null, completedBy: null, result: null,
    });
  }

  async inbox(official: User, filter: { state: TaskState; assignee?: 'me' | 'unassigned'; limit: number; offset: number }): Promise<{ items: Task[]; total: number }> {
    const query = this.visibleTo(official).andWhere('t.state = :state', { state: filter.state });
    if (filter.assignee === 'me') query.andWhere('t.assigneeId = :me', { me: official.id });
    if (filter.assignee === 'unassigned') query.andWhere('t.assigneeId IS NULL');
    const [items, total] = await query.orderBy('t.createdAt', 'ASC').addOrderBy('t.id').take(filter.limit).skip(filter.offset).getManyAndCount();
    return { items, total };
  }

  async claim(official: User, id: string): Promise<Task> {
    return this.db.transaction(async (manager) => {
      const task = await this.lockVisible(manager, official, id);
      if (task.state !== 'open') throw problems.conflict(`The task is ${task.state}`);
      if (task.assigneeId === official.id) return task;
      if (task.assigneeId) throw problems.conflict('Another official has already claimed this task');
      const claimed = await manager.getRepository(TaskEntity).save({ ...task, assigneeId: official.id });
      await this.kinds.get(task.kind)?.kind.claimed?.(claimed, official, manager);
      await this.audit.record(manager, { actorId: official.id, action: 'task.claimed', objectType: 'task', objectId: id, details: { applicationId: task.applicationId } });
      return claimed;
    });
  }

  /** Completes a task the official has claimed; the result is checked as the task's kind says, messages in `locale`. */
  async complete(official: User, id: string, variables: Record<string, unknown>, locale: Locale = 'en'): Promise<Task> {
    return this.db.transaction(async (manager) => {
      const task = await this.lockVisible(manager, official, id);
      if (task.state !== 'open') throw problems.conflict(`The task is ${task.state}`);
      if (task.assigneeId !== official.id) throw problems.conflict('Claim the task before completing it');
      const registered = this.kinds.get(task.kind);
      if (!registered) throw new Error(`task ${id} has unknown kind "${task.kind}"`);
      const errors = [
        ...registered.validate(variables),
        ...(await registered.kind.check?.(variables, task, { locale, manager }) ?? []).map((e) => ({ ...e, in: 'body' as const })),
      ].map((e) => ({ ...e, path: `/variables${e.path}` }));
      if (errors.length) throw problems.unprocessable(`The task result is not valid: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`, errors);
      const completed = await manager.getRepository(TaskEntity).save({
        ...task, state: 'completed', completedAt: new Date(), completedBy: official.id, result: variables,
      });
      await registered.kind.completed(completed, variables, official, manager);
      await this.audit.record(manager, { actorId: official.id, action: 'task.completed', objectType: 'task', objectId: id, after: variables, details: { applicationId: task.applicationId, kind: task.kind } });
      return completed;
    });
  }

  /** Tasks of the official's agency whose candidate groups (if any) include one of his. */
  private visibleTo(official: User, manager: EntityManager = this.db.manager) {
    return manager.getRepository(TaskEntity).createQueryBuilder('t')
      .where('t.agencyId = :agencyId', { agencyId: official.agencyId })
      .andWhere(`(cardinality(t.candidateGroups) = 0 OR t.candidateGroups && :groups::text[])`, { groups: official.groups });
  }

  private async lockVisible(manager: EntityManager, official: User, id: string): Promise<Task> {
    const task = await this.visibleTo(official, manager).andWhere('t.id = :id', { id }).setLock('pessimistic_write').getOne();
    if (!task) throw problems.notFound('task', id);
    return task;
  }
}
