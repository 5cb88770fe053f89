import { EventSource } from 'eventsource';
/** A user agent for tests: keeps the session cookie and sends the CSRF token like the web apps do. */
export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  contentType: string;
}

export class ApiClient {
  private cookie: string | undefined;
  csrfToken: string | undefined;

  constructor(readonly baseUrl: string) {}

  async request<T = any>(method: string, path: string, body?: unknown, init: { headers?: Record<string, string>; raw?: string | Buffer; csrf?: boolean; headersOnly?: boolean } = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...init.headers };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrfToken && init.csrf !== false && method !== 'GET') headers['x-csrf-token'] = this.csrfToken;
    let payload: string | Buffer | undefined = init.raw;
    if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body: payload, redirect: 'manual' });
    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('konstruktor_session='));
    if (setCookie) {
      const value = setCookie.split(';')[0]!;
      this.cookie = value === 'konstruktor_session=' ? undefined : value;
    }
    const contentType = response.headers.get('content-type') ?? '';
    if (init.headersOnly && contentType.startsWith('text/event-stream')) {
      await response.body?.cancel();
      return { status: response.status, headers: response.headers, body: '' as T, contentType };
    }
    const text = await response.text();
    const parsed = contentType.includes('json') && text ? JSON.parse(text) : text;
    return { status: response.status, headers: response.headers, body: parsed as T, contentType };
  }

  get = <T = any>(path: string) => this.request<T>('GET', path);
  post = <T = any>(path: string, body?: unknown) => this.request<T>('POST', path, body);
  put = <T = any>(path: string, body?: unknown) => this.request<T>('PUT', path, body);
  delete = <T = any>(path: string) => this.request<T>('DELETE', path);

  async login(username: string, password: string): Promise<this> {
    const response = await this.post('/api/session', { username, password });
    if (response.status !== 200) throw new Error(`login of ${username} failed: ${response.status} ${JSON.stringify(response.body)}`);
    this.csrfToken = response.body.csrfToken;
    return this;
  }

  /** An EventSource on `path` with this session, as a browser opens one; `headers` are added to its first request. */
  eventSource(path = '/api/events', headers: Record<string, string> = {}): EventSource {
    let first = true;
    return new EventSource(`${this.baseUrl}${path}`, {
      fetch: (url, init) => {
        const extra = first ? headers : {};
        first = false;
        return fetch(url, { ...init, headers: { ...init?.headers, ...extra, ...(this.cookie ? { cookie: this.cookie } : {}) } });
      },
    });
  }

  /** Sets the session cookie directly (e.g. after an OIDC redirect flow). */
  useSessionCookie(cookie: string): void {
    this.cookie = cookie;
  }
}
