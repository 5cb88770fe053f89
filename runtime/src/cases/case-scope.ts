import type { DataSource } from 'typeorm';
import type { User } from '../accounts/user.entity.js';
import { ApplicationEntity, type Application } from '../applications/application.entity.js';
import type { OfficialReach } from '../applications/applications.js';
import type { AuditLog } from '../audit/audit-log.js';
import { problems } from '../http/problem.js';
import { inboxViewer } from '../tasks/inbox-query.js';
import { TaskEntity, type Task } from '../tasks/task.entity.js';

/** Why an official opens a case, as the data access records it: the task he works on, or a supervisor's oversight. */
export type CasePurpose = `task:${string}` | 'supervision';

export function isSupervisor(user: User): boolean {
  return user.roles.includes('supervisor');
}

/** The inbox's rule on a task `t` (its audience: '*', his groups, his name), and what his own hands did. */
const TASK_IN_HIS_REACH = '("t"."audience" && :audience::text[] OR t.assignee_id = :me OR t.completed_by = :me)';

/**
 * Who may open a case (an application with its personal data): an official who may see a task
 * of it, open or done (his agency, and one of his candidate groups, a group-less task, one naming
 * him as candidate, or one assigned to or completed by him), and a supervisor of the provider
 * agency. Everyone else gets a 404, as for an application that is not his.
 */
export class CaseScope implements OfficialReach {
  constructor(private readonly db: DataSource, private readonly audit: AuditLog) {}

  /** The applications an official may read, as a condition on `a` (application): his cases, or his agency's for a supervisor. */
  condition(official: User): { condition: string; parameters: Record<string, unknown> } {
    const agencyId = official.agencyId;
    if (!agencyId || !official.roles.includes('official')) return { condition: 'FALSE', parameters: {} };
    if (isSupervisor(official)) return { condition: 'a.service_id IN (SELECT id FROM service WHERE provider_agency_id = :agencyId)', parameters: { agencyId } };
    return {
      condition: `a.id IN (SELECT t.application_id FROM task t WHERE t.agency_id = :agencyId AND ${TASK_IN_HIS_REACH})`,
      parameters: { agencyId, audience: inboxViewer(official).audience, me: official.id },
    };
  }

  /** Records an official's reading of the application's personal data (`what`: the page or file), with the purpose his reach gives it. */
  async recordRead(official: User, applicationId: string, what: string): Promise<void> {
    const { purpose } = await this.open(official, applicationId);
    await this.audit.recordAlone({ actorId: official.id, action: 'application.read', objectType: 'application', objectId: applicationId, details: { purpose, what } });
  }

  /** A task of the application the official may see: `taskId` if it is one, else the one he most likely works on (his open one first). */
  async visibleTaskOf(official: User, applicationId: string, taskId?: string): Promise<Task | null> {
    if (!official.agencyId || !official.roles.includes('official')) return null;
    const query = this.db.getRepository(TaskEntity).createQueryBuilder('t')
      .where('t.applicationId = :applicationId', { applicationId })
      .andWhere('t.agencyId = :agencyId', { agencyId: official.agencyId });
    if (!isSupervisor(official)) query.andWhere(TASK_IN_HIS_REACH, { audience: inboxViewer(official).audience });
    if (taskId) query.andWhere('t.id = :taskId', { taskId });
    return query
      .orderBy(`CASE WHEN t.state = 'open' AND t.assigneeId = :me THEN 0 WHEN t.state = 'open' THEN 1 ELSE 2 END`)
      .setParameter('me', official.id)
      .addOrderBy('t.createdAt', 'DESC').addOrderBy('t.id').getOne();
  }

  /**
   * The application and the purpose the official opens it for; 404 when he may not. A task named
   * must be a task of this case he may see (a supervisor's too: a purpose is never made up).
   */
  async open(official: User, applicationId: string, taskId?: string): Promise<{ application: Application; purpose: CasePurpose }> {
    const notFound = () => problems.notFound('case', applicationId);
    const application = await this.db.getRepository(ApplicationEntity).findOneBy({ id: applicationId });
    if (!application) throw notFound();
    // A supervisor opening the case from his overview (no task named) opens it to supervise.
    if (!taskId && isSupervisor(official)) {
      if (!(await this.providedBy(application, official.agencyId))) throw notFound();
      return { application, purpose: 'supervision' };
    }
    const task = await this.visibleTaskOf(official, applicationId, taskId);
    if (!task) throw notFound();
    return { application, purpose: `task:${task.id}` };
  }

  private async providedBy(application: Application, agencyId: string | null): Promise<boolean> {
    if (!agencyId) return false;
    const rows = (await this.db.query('SELECT 1 FROM service WHERE id = $1 AND provider_agency_id = $2', [application.serviceId, agencyId])) as unknown[];
    return rows.length > 0;
  }
}
