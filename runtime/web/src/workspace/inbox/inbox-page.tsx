import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api.js';
import { useTaskChanges } from '../../live.js';
import { Alert, AppLink, navigate, PageHeading, PageLinks, Paragraph } from '../../ui/index.js';
import { workspaceApi, type Colleague, type ServiceChoice, type TaskCounts, type TaskPage } from '../api-types.js';
import { useTexts } from '../i18n.js';
import { inboxHref } from '../paths.js';
import { usePageTitle } from '../page-title.js';
import { apiQuery, filterSearch, PAGE_SIZE, parseQuery, VIEWS, type InboxQuery, type View } from './inbox-query.js';
import { InboxFilters } from './inbox-filters.js';
import { TaskTable } from './task-table.js';
import { SavedFilters } from './saved-filters.js';

const COUNT_OF: Record<View, keyof TaskCounts> = { mine: 'mine', groups: 'groups', unassigned: 'unassigned', 'due-soon': 'dueSoon', overdue: 'overdue', all: 'all' };

/** Changes arriving together (a claim and its status) reload the list once. */
const RELOAD_DELAY_MS = 150;

/**
 * The inbox: the views with their counts, filters by service and text, sorting, saved filters
 * and the tasks a page at a time; all of it in the page address. The list and the counts follow
 * the agency's task events as they come, and "a new task arrived" is read out.
 */
export function InboxPage({ url, supervisor }: { url: URL; supervisor: boolean }) {
  const { lang, t } = useTexts();
  const query = parseQuery(url.searchParams, supervisor);
  const search = filterSearch(query, supervisor, { page: true });
  const [tasks, setTasks] = useState<TaskPage>();
  const [counts, setCounts] = useState<TaskCounts>();
  const [services, setServices] = useState<ServiceChoice[]>([]);
  const [colleagues, setColleagues] = useState<Colleague[]>([]);
  const [failure, setFailure] = useState<string>();
  const [announcement, setAnnouncement] = useState('');
  const shown = useRef(new Set<string>());
  const arriving = useRef(new Set<string>());

  const load = useCallback(async () => {
    try {
      const [page, numbers] = await Promise.all([workspaceApi.tasks(apiQueryOf(search, supervisor)), workspaceApi.counts()]);
      const arrived = page.items.filter((task) => arriving.current.has(task.id) && !shown.current.has(task.id)).length;
      arriving.current.clear();
      shown.current = new Set(page.items.map((task) => task.id));
      setTasks(page);
      setCounts(numbers);
      setFailure(undefined);
      if (arrived) setAnnouncement(t.newTasks(arrived));
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : t.failed);
    }
  }, [search, supervisor, t]);
  useEffect(() => { void load(); }, [load]);
  useEffect(() => { workspaceApi.services().then(setServices, () => setServices([])); }, []);
  useEffect(() => { if (supervisor) workspaceApi.officials().then(setColleagues, () => setColleagues([])); }, [supervisor]);

  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useTaskChanges((change) => {
    if (change.state === 'open' && !shown.current.has(change.taskId)) arriving.current.add(change.taskId);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => { void load(); }, RELOAD_DELAY_MS);
  });
  useEffect(() => () => clearTimeout(timer.current), []);

  const go = (next: Partial<InboxQuery>) => {
    const changed = { ...query, page: 1, ...next };
    navigate(inboxHref(lang, filterSearch(changed, supervisor, { page: true })));
  };
  const pages = tasks ? Math.max(1, Math.ceil(tasks.total / PAGE_SIZE)) : 1;
  const viewLabel = (view: View) => (view === 'all' && supervisor ? t.allSupervisor : t.views[view]!);
  usePageTitle(`${t.inboxTitle}: ${viewLabel(query.view)}`);

  return (
    <div className="inbox">
      <PageHeading>{query.view === 'all' && supervisor ? t.allSupervisor : t.inboxTitle}</PageHeading>
      <Paragraph className="lead">{t.inboxLead}</Paragraph>
      <nav aria-label={t.viewsLabel} className="inbox-views">
        <ul>
          {VIEWS.map((view) => (
            <li key={view}>
              <AppLink href={inboxHref(lang, filterSearch({ ...query, view, page: 1 }, supervisor))} aria-current={view === query.view ? 'page' : undefined} data-testid={`view-${view}`}>
                {viewLabel(view)} <span className="inbox-views__count" data-testid={`count-${view}`}>{counts ? counts[COUNT_OF[view]] : '…'}</span>
              </AppLink>
            </li>
          ))}
        </ul>
      </nav>
      <InboxFilters key={search} query={query} services={services} colleagues={colleagues} onChange={go} />
      <SavedFilters current={filterSearch(query, supervisor)} />
      <div role="status" className="visually-hidden" data-testid="inbox-announcement">{announcement}</div>
      {failure && <Alert data-color="danger">{failure}</Alert>}
      {tasks && (
        <section aria-labelledby="tasks-heading" className="inbox-results">
          <h2 id="tasks-heading" className="inbox-results__count" data-testid="tasks-found">{viewLabel(query.view)}: {t.found(tasks.total)}</h2>
          {tasks.items.length === 0
            ? <Paragraph data-testid="no-tasks">{t.noTasks}</Paragraph>
            : <TaskTable tasks={tasks.items} />}
          <PageLinks current={query.page} total={pages} label={t.pages} previous={t.previousPage} next={t.nextPage}
            href={(page) => inboxHref(lang, filterSearch({ ...query, page }, supervisor, { page: true }))} />
        </section>
      )}
    </div>
  );
}

function apiQueryOf(search: string, supervisor: boolean) {
  return apiQuery(parseQuery(new URLSearchParams(search), supervisor));
}
