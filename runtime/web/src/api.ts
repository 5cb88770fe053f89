/** The runtime's JSON API as the portal uses it: same-origin cookie session plus the CSRF header. */

export interface FieldError { path: string; message: string }

export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly errors: FieldError[] = []) {
    super(message);
  }
}

let csrfToken: string | undefined;

export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

async function send<T>(method: string, path: string, body?: unknown, raw?: { data: Blob; type: string }, extra: Record<string, string> = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...extra };
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let payload: BodyInit | undefined;
  if (raw) {
    headers['content-type'] = raw.type || 'application/octet-stream';
    payload = raw.data;
  } else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const parsed = text && (response.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text;
  if (!response.ok) {
    const problem = (parsed && typeof parsed === 'object' ? parsed : {}) as { title?: string; detail?: string; errors?: FieldError[] };
    throw new ApiError(response.status, problem.detail ?? problem.title ?? `HTTP ${response.status}`, problem.errors ?? []);
  }
  return parsed as T;
}

export const api = {
  get: <T>(path: string) => send<T>('GET', path),
  post: <T>(path: string, body?: unknown, headers?: Record<string, string>) => send<T>('POST', path, body, undefined, headers),
  put: <T>(path: string, body?: unknown) => send<T>('PUT', path, body),
  delete: <T>(path: string) => send<T>('DELETE', path),
  /** A file as the raw request body with its own media type. */
  upload: <T>(path: string, file: File) => send<T>('POST', path, undefined, { data: file, type: file.type }),
};

export type Localized = Partial<Record<'lt' | 'lv' | 'en', string>>;

export interface Me {
  user: { id: string; username: string; displayName: string; roles: string[] };
  terms: { currentVersion: number | null; accepted: boolean };
  csrfToken: string;
}

export interface ServiceCard {
  code: string;
  title: Localized;
  summary: Localized | null;
  provider: { code: string; name: Localized };
  onlineOrder: boolean;
  published: boolean;
}

export interface ApplicationSummary { id: string; number: string; service: string; status: string; submittedAt: string }

export interface TimelineEntry { at: string; kind: string; status: string }

export interface ApplicationDetail extends ApplicationSummary { timeline: TimelineEntry[] }

export interface DocumentRef { id: string; filename: string; mediaType: string; size: number; sha256: string }
