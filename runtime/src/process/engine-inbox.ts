import type { EngineAdapter } from '@konstruktor/engine-adapter';
import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { In, IsNull, Not } from 'typeorm';
import { ApplicationEntity, type Application } from '../applications/application.entity.js';
import { addTimelineEvent } from '../applications/timeline.js';
import { ServiceEntity } from '../catalogue/service.entity.js';
import { TaskEntity } from '../tasks/task.entity.js';
import type { Tasks } from '../tasks/tasks.js';

const RUNNING_BATCH = 200;

/**
 * Brings what the engine decided into the runtime: new user tasks into the provider agency's
 * inbox, tasks the process withdrew out of it, and ended instances into "My orders".
 * Idempotent (engine keys are unique), so several runtime replicas may run it.
 */
export class EngineInbox {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly engine: EngineAdapter, private readonly db: DataSource, private readonly tasks: Tasks, private readonly logger: Logger) {}

  start(intervalMs: number): void {
    this.timer = setInterval(() => { void this.sync().catch((err: unknown) => this.logger.warn({ err }, 'engine sync failed')); }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass; concurrent calls share it. */
  sync(): Promise<void> {
    this.running ??= this.pass().finally(() => { this.running = undefined; });
    return this.running;
  }

  private async pass(): Promise<void> {
    const open = await this.engine.userTasks({ state: 'CREATED' });
    const openKeys = open.map((t) => t.key);
    const taskRepository = this.db.getRepository(TaskEntity);
    const known = new Set((await taskRepository.find({ select: { engineKey: true }, where: { engineKey: In(openKeys) } })).map((t) => t.engineKey));
    for (const userTask of open.filter((t) => !known.has(t.key))) {
      const application = await this.applicationOf(userTask.instanceKey);
      if (!application) continue; // e.g. a designer test run: not an order
      const service = await this.db.getRepository(ServiceEntity).findOneByOrFail({ id: application.serviceId });
      await this.db.transaction(async (manager) => {
        const task = await this.tasks.create(manager, {
          applicationId: application.id, agencyId: service.providerAgencyId, kind: 'user-task', engineKey: userTask.key,
          name: { en: userTask.elementId }, candidateGroups: userTask.candidateGroups, formKey: userTask.formKey,
          dueAt: userTask.dueDate ? new Date(userTask.dueDate) : null,
        });
        await addTimelineEvent(manager, application, 'task-created', null, { taskId: task.id, elementId: userTask.elementId });
      }).catch((error: unknown) => {
        // another replica created it first
        if ((error as { code?: string }).code !== '23505') throw error;
      });
    }
    await this.withdrawClosedTasks(new Set(openKeys));
    await this.settleEndedApplications();
  }

  /** Open inbox tasks whose engine task was ended by the process (e.g. a boundary timer). */
  private async withdrawClosedTasks(openKeys: Set<string>): Promise<void> {
    const stale = (await this.db.getRepository(TaskEntity).createQueryBuilder('t')
      .where(`t.state = 'open'`).andWhere('t.engineKey IS NOT NULL').getMany()).filter((t) => !openKeys.has(t.engineKey!));
    for (const task of stale) await this.db.getRepository(TaskEntity).update({ id: task.id, state: 'open' }, { state: 'cancelled', completedAt: new Date() });
  }

  private async settleEndedApplications(): Promise<void> {
    const running = await this.db.getRepository(ApplicationEntity).find({
      // Both conditions, so the partial index application_running answers it without a scan.
      where: { status: 'in-progress', processInstanceKey: Not(IsNull()) }, order: { updatedAt: 'ASC' }, take: RUNNING_BATCH,
    });
    for (const application of running) {
      const instance = await this.engine.instance(application.processInstanceKey!);
      if (!instance || instance.state === 'ACTIVE') continue;
      const status = instance.state === 'COMPLETED' ? 'completed' : 'cancelled';
      await this.db.transaction(async (manager) => {
        const updated = await manager.getRepository(ApplicationEntity).save({ ...application, status });
        await addTimelineEvent(manager, updated, 'status-changed', null, { processInstance: instance.state });
      });
    }
  }

  /** The application whose instance is this one, or an ancestor of it (call activities). */
  private async applicationOf(instanceKey: string): Promise<Application | null> {
    let key: string | null = instanceKey;
    for (let depth = 0; key && depth < 20; depth += 1) {
      const application = await this.db.getRepository(ApplicationEntity).findOneBy({ processInstanceKey: key });
      if (application) return application;
      key = (await this.engine.instance(key))?.parentInstanceKey ?? null;
    }
    return null;
  }
}
