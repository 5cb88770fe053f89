import type { InboxApiQuery } from '../api-types.js';

/**
 * The inbox's filter as the page address holds it (so a view can be bookmarked, shared, saved
 * as a filter and reloaded), and as GET /api/tasks asks for it.
 */
export const VIEWS = ['mine', 'groups', 'unassigned', 'due-soon', 'overdue', 'all'] as const;
export type View = (typeof VIEWS)[number];
export const SORTS = ['due', '-due', '-priority', 'priority', 'created', '-created'] as const;
export const STATES = ['open', 'completed', 'cancelled'] as const;
export const PAGE_SIZE = 20;

export interface InboxQuery {
  view: View;
  service: string;
  q: string;
  sort: (typeof SORTS)[number];
  state: (typeof STATES)[number];
  /** A supervisor's choice of whose tasks: an official's id, or '' for anyone's. */
  assignee: string;
  page: number;
}

/** The view a page opens with: an official's everything he may work, a supervisor's own groups. */
export const defaultView = (supervisor: boolean): View => (supervisor ? 'groups' : 'all');

function oneOf<T extends string>(values: readonly T[], value: string | null, fallback: T): T {
  return (values as readonly string[]).includes(value ?? '') ? (value as T) : fallback;
}

export function parseQuery(params: URLSearchParams, supervisor: boolean): InboxQuery {
  return {
    view: oneOf(VIEWS, params.get('view'), defaultView(supervisor)),
    service: params.get('service') ?? '',
    q: params.get('q') ?? '',
    sort: oneOf(SORTS, params.get('sort'), 'due'),
    state: oneOf(STATES, params.get('state'), 'open'),
    assignee: supervisor && /^[0-9a-f-]{36}$/.test(params.get('assignee') ?? '') ? params.get('assignee')! : '',
    page: Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1),
  };
}

/** The filter as the address writes it, defaults left out (no language: a saved filter opens in the reader's). */
export function filterSearch(query: InboxQuery, supervisor: boolean, { page = false } = {}): string {
  const params = new URLSearchParams();
  if (query.view !== defaultView(supervisor)) params.set('view', query.view);
  if (query.service) params.set('service', query.service);
  if (query.q) params.set('q', query.q);
  if (query.sort !== 'due') params.set('sort', query.sort);
  if (query.state !== 'open') params.set('state', query.state);
  if (query.assignee) params.set('assignee', query.assignee);
  if (page && query.page > 1) params.set('page', String(query.page));
  return params.toString();
}

/** The query of GET /api/tasks for this filter and page. */
export function apiQuery(query: InboxQuery): InboxApiQuery {
  return {
    view: query.view, state: query.state, sort: query.sort, limit: PAGE_SIZE, offset: (query.page - 1) * PAGE_SIZE,
    ...(query.service ? { service: query.service } : {}),
    ...(query.q ? { q: query.q } : {}),
    ...(query.assignee ? { assignee: query.assignee } : {}),
  };
}
