/**
 * A browser stand-in for flows that cross servers (the runtime, an identity provider): keeps the
 * cookies each server sets, sends them back by host and path, and follows redirects by hand so a
 * test can stop at any hop. Cookies are not told apart by port, as in a real browser.
 */
export class Browser {
  /** Cookie values by `host path name`. */
  private readonly jar = new Map<string, { host: string; path: string; name: string; value: string }>();

  constructor(private readonly extraHeaders: Record<string, string> = {}) {}

  /** One request, no redirect followed; `form` is posted as application/x-www-form-urlencoded. */
  async request(url: string, init: { form?: Record<string, string> } = {}): Promise<Response> {
    const target = new URL(url);
    const headers: Record<string, string> = { ...this.extraHeaders };
    const cookies = [...this.jar.values()].filter((c) => c.host === target.hostname && target.pathname.startsWith(c.path));
    if (cookies.length) headers.cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    if (init.form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await fetch(target, {
      method: init.form ? 'POST' : 'GET', headers, redirect: 'manual',
      ...(init.form ? { body: new URLSearchParams(init.form).toString() } : {}),
    });
    for (const cookie of response.headers.getSetCookie()) this.store(target, cookie);
    return response;
  }

  /**
   * Requests `url` and follows the redirects (as GETs) until a page answers or the next hop is a
   * URL `stopBefore` accepts; returns that last answer, its URL and where it points.
   */
  async follow(url: string, init: { form?: Record<string, string>; stopBefore?: (next: URL) => boolean } = {}) {
    let current = url;
    let response = await this.request(current, init);
    for (let hop = 0; hop < 10; hop += 1) {
      const location = response.headers.get('location');
      if (response.status < 300 || response.status > 399 || !location) return { url: current, response, next: undefined };
      const next = new URL(location, current);
      if (init.stopBefore?.(next)) return { url: current, response, next };
      await response.arrayBuffer();
      current = next.href;
      response = await this.request(current);
    }
    throw new Error(`too many redirects from ${url}`);
  }

  private store(from: URL, header: string): void {
    const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
    const name = pair.slice(0, pair.indexOf('='));
    const value = pair.slice(pair.indexOf('=') + 1);
    const path = attributes.find((a) => /^path=/i.test(a))?.slice(5) || '/';
    const key = `${from.hostname} ${path} ${name}`;
    const expired = !value || attributes.some((a) => /^expires=Thu, 01 Jan 1970/i.test(a) || /^max-age=0\b/i.test(a));
    if (expired) this.jar.delete(key);
    else this.jar.set(key, { host: from.hostname, path, name, value });
  }
}
