import { AppLink, formatDateTime, localized, Tag } from '../../ui/index.js';
import type { TaskView } from '../api-types.js';
import { useTexts } from '../i18n.js';
import { useMe } from '../me.js';
import { taskHref } from '../paths.js';
import { PriorityTag } from '../task/priority-tag.js';

/** As the inbox's "due soon" view counts it: due within two days, not yet overdue. */
const DUE_SOON_MS = 2 * 24 * 3600_000;
const dueSoon = (task: TaskView) => task.state === 'open' && !!task.dueAt && new Date(task.dueAt).getTime() - Date.now() < DUE_SOON_MS;

/**
 * The tasks as a table; on a phone each row becomes a card of labelled lines (the roles keep
 * it a table for screen readers whatever CSS does to its boxes).
 */
export function TaskTable({ tasks }: { tasks: TaskView[] }) {
  const { lang, t } = useTexts();
  const me = useMe();
  const columns = [t.task, t.caseCode, t.service, t.applicant, t.due, t.priority, t.assignee];
  return (
    <table className="ds-table task-table" role="table" aria-labelledby="tasks-heading" data-testid="task-table">
      <thead role="rowgroup">
        <tr role="row">{columns.map((c) => <th key={c} role="columnheader" scope="col">{c}</th>)}</tr>
      </thead>
      <tbody role="rowgroup">
        {tasks.map((task) => (
          <tr key={task.id} role="row" data-task-id={task.id} data-testid="task-row">
            <td role="cell" data-label={t.task} className="task-table__name">
              <AppLink href={taskHref(task.id, lang)}>{localized(task.name, lang) || task.kind}</AppLink>
            </td>
            <td role="cell" data-label={t.caseCode}>{task.caseCode ?? '—'}</td>
            <td role="cell" data-label={t.service}>{localized(task.serviceTitle, lang) || task.serviceCode || '—'}</td>
            <td role="cell" data-label={t.applicant}>{task.applicantName ?? '—'}</td>
            <td role="cell" data-label={t.due}>
              {task.dueAt ? <time dateTime={task.dueAt}>{formatDateTime(task.dueAt, lang)}</time> : t.noDue}
              {task.overdue ? <> <Tag data-color="danger" data-size="sm" data-testid="overdue">{t.overdue}</Tag></>
                : dueSoon(task) && <> <Tag data-color="warning" data-size="sm">{t.views['due-soon']}</Tag></>}
            </td>
            <td role="cell" data-label={t.priority}><PriorityTag priority={task.priority} /></td>
            <td role="cell" data-label={t.assignee} data-testid="task-assignee">
              {task.assignee === me.user.id ? <strong>{task.assigneeName ?? me.user.displayName} ({t.you})</strong>
                : task.assignee ? task.assigneeName ?? '—' : <span className="muted">{t.unassigned}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
