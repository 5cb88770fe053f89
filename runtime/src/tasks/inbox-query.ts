import type { User } from '../accounts/user.entity.js';
import type { TaskState } from './task.entity.js';

export const INBOX_VIEWS = ['mine', 'groups', 'unassigned', 'all', 'due-soon', 'overdue'] as const;
export type InboxView = (typeof INBOX_VIEWS)[number];
export const INBOX_SORTS = ['due', '-due', 'priority', '-priority', 'created', '-created'] as const;
export type InboxSort = (typeof INBOX_SORTS)[number];

export interface InboxFilter {
  view: InboxView;
  state: TaskState;
  /** A service code. */
  service?: string;
  /** Words to find (prefixes) in the applicant's name, the case code, the service's titles. */
  q?: string;
  /** 'me', 'unassigned' or a user id. */
  assignee?: string;
}

/** Who looks: a supervisor sees the agency's whole queue, an official what his groups, his name or his hands give him. */
export interface InboxViewer {
  id: string;
  agencyId: string;
  groups: string[];
  supervisor: boolean;
  /** The `audience` keys that let him see a task (the migration's trigger writes them). */
  audience: string[];
}

export function inboxViewer(user: User): InboxViewer {
  return {
    id: user.id, agencyId: user.agencyId ?? '00000000-0000-0000-0000-000000000000', groups: user.groups,
    supervisor: user.roles.includes('supervisor'), audience: audienceKeys(user),
  };
}

/** The `audience` keys that let `user` see a task: for anyone, for his groups, for him by name. */
function audienceKeys(user: Pick<User, 'username' | 'groups'>): string[] {
  return ['*', ...user.groups.map((g) => `g:${g}`), `u:${user.username}`];
}

/** The keys a task's live event reaches `user` by: those of his inbox, and his hands' (the key task_live_audience() gives its assignee). */
export function liveTaskKeys(user: Pick<User, 'id' | 'username' | 'groups'>): string[] {
  return [...audienceKeys(user), `a:${user.id}`];
}

/** Whether `user` may see a task with these candidates (before anyone is assigned it). */
export function mayWork(user: Pick<User, 'username' | 'groups' | 'roles'>, task: { candidateGroups: string[]; candidateUsers: string[] }): boolean {
  return user.roles.includes('supervisor') || task.candidateGroups.length === 0 || task.candidateGroups.some((g) => user.groups.includes(g))
    || task.candidateUsers.includes(user.username);
}

/** Days before its due date a task counts as due soon. */
const DUE_SOON = "interval '2 days'";

const VIEW_CONDITIONS: Record<InboxView, (p: Parameters) => string> = {
  mine: (p) => `t.assignee_id = ${p.add(p.viewer.id)}`,
  groups: (p) => `t.candidate_groups && ${p.add(p.viewer.groups)}::text[]`,
  unassigned: () => 't.assignee_id IS NULL',
  all: () => 'TRUE',
  'due-soon': () => `t.due_at >= now() AND t.due_at < now() + ${DUE_SOON}`,
  overdue: () => 't.due_at < now()',
};

const ORDER: Record<InboxSort, string> = {
  due: 't.due_at ASC NULLS LAST, t.priority DESC',
  '-due': 't.due_at DESC NULLS LAST, t.priority DESC',
  priority: 't.priority ASC, t.due_at ASC NULLS LAST',
  '-priority': 't.priority DESC, t.due_at ASC NULLS LAST',
  created: 't.created_at ASC',
  '-created': 't.created_at DESC',
};

/** Positional parameters as a statement collects them. */
class Parameters {
  readonly values: unknown[] = [];
  constructor(readonly viewer: InboxViewer) {}
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** The words of a search (at most 8); the database folds their accents and finds them as prefixes (task_search_query). */
function searchWords(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu)?.slice(0, 8) ?? [];
}

/** The tasks `viewer` may see, as a condition on task `t`. */
function visible(p: Parameters): string {
  const agency = `t.agency_id = ${p.add(p.viewer.agencyId)}`;
  if (p.viewer.supervisor) return agency;
  // One GIN index condition, or his own hands (a task handed to him stays his to see).
  return `${agency} AND (t.audience && ${p.add(p.viewer.audience)}::text[] OR t.assignee_id = ${p.add(p.viewer.id)})`;
}

function conditions(p: Parameters, filter: Omit<InboxFilter, 'view' | 'state'>): string[] {
  const where = [visible(p)];
  if (filter.service) where.push(`t.service_code = ${p.add(filter.service)}`);
  const words = filter.q ? searchWords(filter.q) : [];
  if (words.length) where.push(`t.search @@ task_search_query(${p.add(words)}::text[])`);
  if (filter.assignee === 'me') where.push(`t.assignee_id = ${p.add(p.viewer.id)}`);
  else if (filter.assignee === 'unassigned') where.push('t.assignee_id IS NULL');
  else if (filter.assignee) where.push(`t.assignee_id = ${p.add(filter.assignee)}::uuid`);
  return where;
}

export interface Statement { sql: string; values: unknown[] }

/** The page of tasks and the count of all that match; `columns` is the select list of task `t` (assignee `u`). */
export function inboxStatements(viewer: InboxViewer, filter: InboxFilter, sort: InboxSort, page: { limit: number; offset: number }, columns: string): { page: Statement; count: Statement } {
  const p = new Parameters(viewer);
  const where = [...conditions(p, filter), `t.state = ${p.add(filter.state)}`, VIEW_CONDITIONS[filter.view](p)].join(' AND ');
  const count = { sql: `SELECT count(*)::int AS total FROM task t WHERE ${where}`, values: [...p.values] };
  const sql = `SELECT ${columns} FROM task t LEFT JOIN app_user u ON u.id = t.assignee_id WHERE ${where}
    ORDER BY ${ORDER[sort]}, t.created_at, t.id LIMIT ${p.add(page.limit)} OFFSET ${p.add(page.offset)}`;
  return { page: { sql, values: p.values }, count };
}

/** How many open tasks `viewer` may see in each view, in one pass. */
export function countsStatement(viewer: InboxViewer, filter: Pick<InboxFilter, 'service' | 'q'>): Statement {
  const p = new Parameters(viewer);
  const where = [...conditions(p, filter), "t.state = 'open'"].join(' AND ');
  const count = (view: InboxView) => `count(*) FILTER (WHERE ${VIEW_CONDITIONS[view](p)})::int`;
  const sql = `SELECT ${count('mine')} AS "mine", ${count('groups')} AS "groups", ${count('unassigned')} AS "unassigned",
    ${count('due-soon')} AS "dueSoon", ${count('overdue')} AS "overdue", count(*)::int AS "all" FROM task t WHERE ${where}`;
  return { sql, values: p.values };
}

/** The services of the agency that have tasks `viewer` may see (the inbox's service filter). */
export function servicesStatement(viewer: InboxViewer): Statement {
  const p = new Parameters(viewer);
  const sql = `SELECT s.code, s.title FROM service s WHERE s.provider_agency_id = ${p.add(viewer.agencyId)}
    AND EXISTS (SELECT 1 FROM task t WHERE t.service_code = s.code AND ${visible(p)}) ORDER BY s.code`;
  return { sql, values: p.values };
}

/** One task `viewer` may see, by id (locked for update when `lock`). */
export function visibleTaskStatement(viewer: InboxViewer, id: string, columns: string, lock: boolean): Statement {
  const p = new Parameters(viewer);
  const sql = `SELECT ${columns} FROM task t LEFT JOIN app_user u ON u.id = t.assignee_id WHERE t.id = ${p.add(id)} AND ${visible(p)}${lock ? ' FOR UPDATE OF t' : ''}`;
  return { sql, values: p.values };
}
