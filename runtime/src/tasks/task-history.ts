import type { EntityManager } from 'typeorm';

export type TaskAction = 'claimed' | 'unclaimed' | 'delegated' | 'assigned' | 'completed';

export interface TaskHistoryEntry {
  at: string;
  action: TaskAction;
  actorName: string;
  toName?: string;
  toGroup?: string;
  note?: string;
}

/** The hands a task went through (table task_event), as the task view shows them. */
export const taskHistory = {
  async record(manager: EntityManager, entry: { taskId: string; action: TaskAction; actorId: string; toUserId?: string | null; toGroup?: string | null; note?: string | null }): Promise<void> {
    await manager.query('INSERT INTO task_event (task_id, action, actor_id, to_user_id, to_group, note) VALUES ($1, $2, $3, $4, $5, $6)',
      [entry.taskId, entry.action, entry.actorId, entry.toUserId ?? null, entry.toGroup ?? null, entry.note ?? null]);
  },

  async of(manager: EntityManager, taskId: string): Promise<TaskHistoryEntry[]> {
    const rows = (await manager.query(`SELECT e.at, e.action, a.display_name AS "actorName", t.display_name AS "toName", e.to_group AS "toGroup", e.note
        FROM task_event e JOIN app_user a ON a.id = e.actor_id LEFT JOIN app_user t ON t.id = e.to_user_id WHERE e.task_id = $1 ORDER BY e.id`, [taskId])) as
      { at: Date; action: TaskAction; actorName: string; toName: string | null; toGroup: string | null; note: string | null }[];
    return rows.map((r) => ({
      at: r.at.toISOString(), action: r.action, actorName: r.actorName,
      ...(r.toName ? { toName: r.toName } : {}), ...(r.toGroup ? { toGroup: r.toGroup } : {}), ...(r.note ? { note: r.note } : {}),
    }));
  },
};
