import type { Lang } from '../ui/index.js';

/** Where the workspace lives; its pages are /workspace/, /workspace/tasks/{id}, /workspace/cases/{id}. */
export const BASE = '/workspace';

export const inboxHref = (lang: Lang, query = ''): string => `${BASE}/?${query ? `${query}&` : ''}lang=${lang}`;
export const taskHref = (id: string, lang: Lang): string => `${BASE}/tasks/${id}?lang=${lang}`;
export const caseHref = (id: string, lang: Lang): string => `${BASE}/cases/${id}?lang=${lang}`;
