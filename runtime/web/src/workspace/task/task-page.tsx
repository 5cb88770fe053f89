import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../api.js';
import { useApplicationChanges, useTaskChanges } from '../../live.js';
import { Alert, AppLink, Card, CardBlock, formatDateTime, Heading, KeyValues, localized, PageHeading, Paragraph, Tag } from '../../ui/index.js';
import { workspaceApi, type CaseView as Case, type TaskDetail } from '../api-types.js';
import { named, useTexts } from '../i18n.js';
import { useMe } from '../me.js';
import { inboxHref } from '../paths.js';
import { usePageTitle } from '../page-title.js';
import { isSupervisor } from '../roles.js';
import { CaseView } from '../case/case-view.js';
import { PriorityTag } from './priority-tag.js';
import { TaskActions } from './task-actions.js';
import { WorkPanel } from './work-panel.js';
import { TaskHistory } from './task-history.js';

/** After an action its button may be gone: the keyboard goes on from the work panel, which shows what now. */
function focusWork(): void {
  requestAnimationFrame(() => document.getElementById('work-heading')?.focus());
}

/**
 * One task: what it is and whose, the actions on it (claim, release, delegate), the case it
 * belongs to, and the work panel with the task's own form. A colleague's change to the task
 * shows at once.
 */
export function TaskPage({ id }: { id: string }) {
  const { lang, t } = useTexts();
  const me = useMe();
  const supervisor = isSupervisor(me);
  const [task, setTask] = useState<TaskDetail>();
  const [view, setView] = useState<Case | null>();
  const [failure, setFailure] = useState<string>();
  const [notice, setNotice] = useState<{ text: string; color: 'success' | 'warning' | 'info' }>();
  const [conflict, setConflict] = useState(false);

  const loadTask = useCallback(async (): Promise<TaskDetail | undefined> => {
    try {
      const loaded = await workspaceApi.task(id);
      setTask(loaded);
      return loaded;
    } catch (e) {
      setFailure(e instanceof ApiError && e.status === 404 ? t.notFoundLead : e instanceof ApiError ? e.message : t.failed);
      return undefined;
    }
  }, [id, t]);
  const applicationId = task?.applicationId ?? null;
  const loadCase = useCallback(() => {
    if (!applicationId) return;
    workspaceApi.caseView(applicationId, lang, id).then(setView, () => setView(null));
  }, [applicationId, id, lang]);
  useEffect(() => { void loadTask(); }, [loadTask]);
  useEffect(loadCase, [loadCase]);
  useApplicationChanges(loadCase, applicationId ?? undefined);
  useTaskChanges((change) => {
    const before = task;
    void loadTask().then((now) => {
      // A colleague's action: say what happened (an own action says so where it was taken).
      if (!before || !now || before.state !== 'open') return;
      if (now.state === 'completed' && change.assigneeId !== me.user.id) setNotice({ text: t.completedLive, color: 'warning' });
      else if (now.assignee && now.assignee !== me.user.id && now.assignee !== before.assignee) setNotice({ text: t.takenLive(now.assigneeName ?? '—'), color: 'warning' });
    });
  }, id);

  const name = task && (localized(task.name, lang) || task.kind);
  usePageTitle(task ? [name, task.caseCode].filter(Boolean).join(' · ') : t.task);

  if (failure) {
    return (
      <>
        <PageHeading>{t.task}</PageHeading>
        <Alert data-color="warning">{failure}</Alert>
        <Paragraph><AppLink href={inboxHref(lang)}>{t.toInbox}</AppLink></Paragraph>
      </>
    );
  }
  if (!task) return <><PageHeading>{t.task}</PageHeading><Paragraph role="status">{t.loading}</Paragraph></>;
  const assignee = task.assignee === me.user.id ? `${task.assigneeName ?? me.user.displayName} (${t.you})` : task.assigneeName ?? (task.assignee ? '—' : t.unassigned);
  return (
    <div className="task-page">
      <Paragraph className="back-link"><AppLink href={inboxHref(lang)}>← {t.toInbox}</AppLink></Paragraph>
      <PageHeading>{name}{task.caseCode && <span className="task-page__case"> · {task.caseCode}</span>}</PageHeading>
      <Card data-color="neutral" variant="tinted">
        <CardBlock>
          <KeyValues className="task-facts" items={[
            { key: 'service', term: t.service, value: localized(task.serviceTitle, lang) || task.serviceCode || '—' },
            { key: 'applicant', term: t.applicant, value: task.applicantName ?? '—' },
            { key: 'due', term: t.due, value: <>{task.dueAt ? formatDateTime(task.dueAt, lang) : t.noDue}{task.overdue && <> <Tag data-color="danger" data-size="sm">{t.overdue}</Tag></>}</> },
            { key: 'priority', term: t.priority, value: <PriorityTag priority={task.priority} /> },
            { key: 'assignee', term: t.assignee, value: <span data-testid="task-assignee">{assignee}</span> },
            { key: 'state', term: t.taskState, value: <span data-testid="task-state">{named(t.taskStates, task.state)}</span> },
            ...(task.candidateGroups.length ? [{ key: 'groups', term: t.groups, value: task.candidateGroups.join(', ') }] : []),
          ]} />
          <TaskActions task={task} supervisor={supervisor} onDone={(text) => { setNotice({ text, color: 'success' }); setConflict(false); void loadTask().then(focusWork); }} onStale={() => { setConflict(true); void loadTask(); }} />
        </CardBlock>
      </Card>
      <div role="status" className="task-page__notice">
        {notice && <Alert data-color={notice.color} data-testid="task-notice">{notice.text}</Alert>}
        {conflict && (
          <Alert data-color="danger" data-testid="task-conflict">
            <Heading level={2} data-size="xs">{t.conflict}</Heading>
            <Paragraph>{t.stale}</Paragraph>
            <Paragraph><AppLink href={inboxHref(lang)}>{t.toInbox}</AppLink></Paragraph>
          </Alert>
        )}
      </div>
      <div className="task-layout">
        <div className="task-layout__case">
          {view === undefined ? <Paragraph role="status">{t.loading}</Paragraph>
            : view === null ? null
            : <CaseView view={view} supervisor={supervisor} onChanged={loadCase} />}
        </div>
        <aside className="task-layout__work" aria-labelledby="work-heading">
          <Heading level={2} data-size="sm" id="work-heading" tabIndex={-1}>{t.workPanel}</Heading>
          <WorkPanel key={`${task.id}:${task.revision}:${task.state}`} task={task} onCompleted={() => { void loadTask().then(focusWork); loadCase(); }} onStale={() => { setConflict(true); setNotice(undefined); void loadTask(); }} />
          <TaskHistory history={task.history} />
        </aside>
      </div>
    </div>
  );
}
