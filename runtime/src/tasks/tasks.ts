import type { DataSource, EntityManager } from 'typeorm';
import type { User } from '../accounts/user.entity.js';
import type { AuditLog } from '../audit/audit-log.js';
import { problems } from '../http/problem.js';
import { compileValidator, type Validator } from '../http/validation.js';
import type { TaskKind, WorkForm } from './task-kind.js';
import type { Locale } from '../forms/start-form.js';
import { entityColumns, insertRow } from '../db/sql.js';
import { caseCode } from '../applications/case-code.js';
import type { LocalizedText } from '../common/schemas.js';
import { TaskEntity, type Task } from './task.entity.js';
import { countsStatement, inboxStatements, inboxViewer, mayWork, servicesStatement, visibleTaskStatement, type InboxFilter, type InboxSort, type Statement } from './inbox-query.js';
import { taskHistory, type TaskAction, type TaskHistoryEntry } from './task-history.js';
import { taskProblems } from './task-problems.js';

/** A task as the inbox lists it: with the name of whoever holds it. */
export type TaskRow = Task & { assigneeName: string | null };

export interface InboxCounts { mine: number; groups: number; unassigned: number; dueSoon: number; overdue: number; all: number }

export interface Colleague { id: string; displayName: string; groups: string[] }

/** To whom a task is handed: a colleague or a group (one of them), with a note. */
export interface HandOver { userId?: string; group?: string; note: string }

/** What the inbox shows of the order a task is about. */
async function orderOf(manager: EntityManager, applicationId: string): Promise<Pick<Task, 'serviceCode' | 'serviceTitle' | 'caseCode' | 'applicantName'>> {
  const [row] = (await manager.query(`SELECT s.code, s.title, s.number, a.number::text AS "applicationNumber", u.display_name AS "applicantName"
      FROM application a JOIN service s ON s.id = a.service_id JOIN app_user u ON u.id = a.applicant_id WHERE a.id = $1`, [applicationId])) as
    { code: string; title: LocalizedText; number: number; applicationNumber: string; applicantName: string }[];
  if (!row) throw new Error(`no application ${applicationId} for a task`);
  return { serviceCode: row.code, serviceTitle: row.title, caseCode: caseCode(row.number, row.applicationNumber), applicantName: row.applicantName };
}

const HAND_OVER_WORDS: Record<'oneOf' | 'cannotSee' | 'noneInGroup' | 'already', Record<Locale, string>> = {
  oneOf: { lt: 'nurodykite kolegą arba grupę (vieną iš jų)', lv: 'norādiet kolēģi vai grupu (vienu no tiem)', en: 'name a colleague or a group (one of them)' },
  cannotSee: {
    lt: 'šis kolega negali dirbti su šia užduotimi (ne jo grupė arba ne jūsų įstaiga)',
    lv: 'šis kolēģis nevar strādāt ar šo uzdevumu (nav viņa grupa vai cita iestāde)',
    en: 'this colleague may not work this task (not his group, or not your agency)',
  },
  noneInGroup: { lt: 'šioje grupėje nėra nė vieno jūsų įstaigos tarnautojo', lv: 'šajā grupā nav neviena jūsu iestādes darbinieka', en: 'no official of your agency is in this group' },
  already: { lt: 'užduotis jau jam priskirta', lv: 'uzdevums jau ir piešķirts viņam', en: 'the task is his already' },
};

/**
 * The officials' inbox: the tasks of their agency they may see (a supervisor: all of them; an
 * official: those of his candidate groups, naming him, or for anyone, and those in his hands),
 * found, filtered and counted; claimed, handed over, completed. Every change of hands bumps the
 * task's revision, goes to its history and the audit, and (by the database's trigger) to the
 * live events of the officials who see it.
 */
export class Tasks {
  private readonly kinds = new Map<string, { kind: TaskKind; validate: Validator }>();
  private readonly columns: string;

  constructor(private readonly db: DataSource, private readonly audit: AuditLog) {
    this.columns = `${entityColumns(db, TaskEntity, 't')}, u.display_name AS "assigneeName"`;
  }

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

  async inbox(official: User, filter: InboxFilter, sort: InboxSort, page: { limit: number; offset: number }): Promise<{ items: TaskRow[]; total: number }> {
    const statements = inboxStatements(inboxViewer(official), filter, sort, page, this.columns);
    const [items, [count]] = await Promise.all([this.run<TaskRow>(statements.page), this.run<{ total: number }>(statements.count)]);
    return { items, total: count!.total };
  }

  async counts(official: User, filter: Pick<InboxFilter, 'service' | 'q'>): Promise<InboxCounts> {
    const [counts] = await this.run<InboxCounts>(countsStatement(inboxViewer(official), filter));
    return counts!;
  }

  async services(official: User): Promise<{ code: string; title: LocalizedText }[]> {
    return this.run(servicesStatement(inboxViewer(official)));
  }

  /** A task he may see, with its form and the values it opens with, and its history. */
  async detail(official: User, id: string): Promise<{ task: TaskRow; work: WorkForm | null; history: TaskHistoryEntry[] }> {
    const [task] = await this.run<TaskRow>(visibleTaskStatement(inboxViewer(official), id, this.columns, false));
    if (!task) throw problems.notFound('task', id);
    const [work, history] = await Promise.all([this.kinds.get(task.kind)?.kind.workForm?.(task) ?? null, taskHistory.of(this.db.manager, id)]);
    return { task, work, history };
  }

  /** The active officials of his agency (to hand a task to). */
  async colleagues(official: User): Promise<Colleague[]> {
    return (await this.db.query(`SELECT id, display_name AS "displayName", groups FROM app_user
        WHERE agency_id = $1 AND 'official' = ANY(roles) AND disabled_at IS NULL ORDER BY display_name, id`, [official.agencyId])) as Colleague[];
  }

  async claim(official: User, id: string): Promise<TaskRow> {
    return this.change(official, id, async (manager, task) => {
      if (task.assigneeId === official.id) return null;
      if (task.assigneeId) throw taskProblems.taken();
      await this.kinds.get(task.kind)?.kind.claimed?.({ ...task, assigneeId: official.id }, official, manager);
      return { set: { assigneeId: official.id }, action: 'claimed' };
    });
  }

  /** Back to the queue: by whoever holds the task, or a supervisor. */
  async unclaim(official: User, id: string): Promise<TaskRow> {
    return this.change(official, id, async (manager, task) => {
      if (!task.assigneeId) return null;
      if (task.assigneeId !== official.id && !official.roles.includes('supervisor')) throw taskProblems.taken();
      await this.kinds.get(task.kind)?.kind.handedOver?.({ ...task, assigneeId: null }, null, manager);
      return { set: { assigneeId: null }, action: 'unclaimed', details: { from: task.assigneeId } };
    });
  }

  /**
   * Hands a task to a colleague of the agency who may work it (assigned to him), or to a group
   * some official of the agency is in (unassigned, for that group alone): by whoever holds it, or
   * a supervisor (who may so reassign any task of the agency).
   */
  async delegate(official: User, id: string, to: HandOver, locale: Locale): Promise<TaskRow> {
    if ((to.userId === undefined) === (to.group === undefined)) {
      throw taskProblems.handOverRefused('Give either userId or group', [{ in: 'body', path: '/userId', message: HAND_OVER_WORDS.oneOf[locale] }]);
    }
    return this.change(official, id, async (manager, task) => {
      const supervisor = official.roles.includes('supervisor');
      if (task.assigneeId !== official.id && !supervisor) throw task.assigneeId ? taskProblems.taken() : taskProblems.notClaimed();
      const action: TaskAction = task.assigneeId === official.id ? 'delegated' : 'assigned';
      const kind = this.kinds.get(task.kind)?.kind;
      if (to.userId !== undefined) {
        const [target] = (await manager.query(`SELECT id, username, display_name AS "displayName", groups, roles FROM app_user
            WHERE id = $1 AND agency_id = $2 AND 'official' = ANY(roles) AND disabled_at IS NULL`, [to.userId, official.agencyId])) as User[];
        const refuse = (words: Record<Locale, string>) => taskProblems.handOverRefused(`User ${to.userId} cannot be given this task`, [{ in: 'body', path: '/userId', message: words[locale] }]);
        if (!target || !mayWork(target, task)) throw refuse(HAND_OVER_WORDS.cannotSee);
        if (target.id === task.assigneeId) throw refuse(HAND_OVER_WORDS.already);
        await kind?.handedOver?.({ ...task, assigneeId: target.id }, target, manager);
        return { set: { assigneeId: target.id }, action, toUserId: target.id, note: to.note, details: { from: task.assigneeId, toUserId: target.id, note: to.note } };
      }
      const group = to.group!;
      const [member] = (await manager.query(`SELECT 1 FROM app_user WHERE agency_id = $1 AND $2 = ANY(groups) AND 'official' = ANY(roles) AND disabled_at IS NULL LIMIT 1`,
        [official.agencyId, group])) as unknown[];
      if (!member) throw taskProblems.handOverRefused(`No official of the agency is in group "${group}"`, [{ in: 'body', path: '/group', message: HAND_OVER_WORDS.noneInGroup[locale] }]);
      await kind?.handedOver?.({ ...task, assigneeId: null, candidateGroups: [group] }, null, manager);
      return { set: { assigneeId: null, candidateGroups: [group] }, action, toGroup: group, note: to.note, details: { from: task.assigneeId, toGroup: group, note: to.note } };
    });
  }

  /**
   * Completes a task the official has claimed; the result is checked as the task's kind says,
   * messages in `locale`. `revision`, when given, must still be the task's: a form opened before
   * the task changed hands is refused.
   */
  async complete(official: User, id: string, variables: Record<string, unknown>, locale: Locale = 'en', revision?: number): Promise<TaskRow> {
    const completed = await this.db.transaction(async (manager) => {
      const task = await this.lockOpen(manager, official, id);
      if (revision !== undefined && revision !== task.revision) throw taskProblems.changed(revision, task.revision);
      if (task.assigneeId !== official.id) throw task.assigneeId ? taskProblems.taken() : taskProblems.notClaimed();
      const registered = this.kinds.get(task.kind);
      if (!registered) throw new Error(`task ${id} has unknown kind "${task.kind}"`);
      const errors = [
        ...registered.validate(variables),
        ...(await registered.kind.check?.(variables, task, { locale, manager }) ?? []).map((e) => ({ ...e, in: 'body' as const })),
      ].map((e) => ({ ...e, path: `/variables${e.path}` }));
      if (errors.length) throw problems.unprocessable(`The task result is not valid: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`, errors);
      const done = { ...task, state: 'completed' as const, completedAt: new Date(), completedBy: official.id, result: variables };
      await manager.query(`UPDATE task SET state = 'completed', completed_at = $2, completed_by = $3, result = $4 WHERE id = $1`, [id, done.completedAt, official.id, JSON.stringify(variables)]);
      await registered.kind.completed(done, variables, official, manager);
      await taskHistory.record(manager, { taskId: id, action: 'completed', actorId: official.id });
      await this.audit.record(manager, { actorId: official.id, action: 'task.completed', objectType: 'task', objectId: id, after: variables, details: { applicationId: task.applicationId, kind: task.kind } });
      return this.reread(manager, id);
    });
    return completed;
  }

  /**
   * One change of hands in a transaction: the task locked, open; `decide` says what to set (null:
   * nothing to do). The revision goes up by one; the history and the audit record it.
   */
  private async change(official: User, id: string, decide: (manager: EntityManager, task: TaskRow) => Promise<{
    set: Partial<Pick<Task, 'assigneeId' | 'candidateGroups'>>; action: TaskAction; toUserId?: string; toGroup?: string; note?: string; details?: Record<string, unknown>;
  } | null>): Promise<TaskRow> {
    return this.db.transaction(async (manager) => {
      const task = await this.lockOpen(manager, official, id);
      const decision = await decide(manager, task);
      if (!decision) return task;
      await manager.getRepository(TaskEntity).update(id, { ...decision.set, revision: task.revision + 1 });
      await taskHistory.record(manager, { taskId: id, action: decision.action, actorId: official.id, toUserId: decision.toUserId ?? null, toGroup: decision.toGroup ?? null, note: decision.note ?? null });
      const action = decision.action === 'assigned' ? 'delegated' : decision.action;
      await this.audit.record(manager, { actorId: official.id, action: `task.${action}`, objectType: 'task', objectId: id, details: { applicationId: task.applicationId, ...decision.details } });
      return this.reread(manager, id);
    });
  }

  /** The task he may see, locked; refused unless it is open (completed: by whom and when). */
  private async lockOpen(manager: EntityManager, official: User, id: string): Promise<TaskRow> {
    const [task] = await this.run<TaskRow>(visibleTaskStatement(inboxViewer(official), id, this.columns, true), manager);
    if (!task) throw problems.notFound('task', id);
    if (task.state === 'cancelled') throw taskProblems.cancelled();
    if (task.state === 'completed') {
      const [by] = (await manager.query('SELECT display_name AS name FROM app_user WHERE id = $1', [task.completedBy])) as { name: string }[];
      throw taskProblems.completed(`${by?.name ?? 'Someone'} completed it at ${task.completedAt?.toISOString()}`);
    }
    return task;
  }

  private async reread(manager: EntityManager, id: string): Promise<TaskRow> {
    const [task] = (await manager.query(`SELECT ${this.columns} FROM task t LEFT JOIN app_user u ON u.id = t.assignee_id WHERE t.id = $1`, [id])) as TaskRow[];
    return task!;
  }

  private async run<Row>(statement: Statement, manager: EntityManager = this.db.manager): Promise<Row[]> {
    return (await manager.query(statement.sql, statement.values)) as Row[];
  }
}
