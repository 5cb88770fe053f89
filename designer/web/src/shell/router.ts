import { useEffect, useState } from 'react';

/** The designer's pages live under /designer/; the runtime answers each of their paths with the app. */
export const BASE = '/designer/';

export type Route =
  | { page: 'services' }
  | { page: 'editor'; code: string; version: string; tab: string }
  | { page: 'notFound' };

export function routeOf(pathname: string): Route {
  const rest = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname.replace(/^\/designer\/?/, '');
  const parts = rest.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { page: 'services' };
  if (parts[0] === 'services' && parts.length >= 3) return { page: 'editor', code: parts[1]!, version: parts[2]!, tab: parts[3] ?? 'process' };
  return { page: 'notFound' };
}

export function editorPath(code: string, version: string, tab = 'process'): string {
  return `${BASE}services/${encodeURIComponent(code)}/${encodeURIComponent(version)}/${tab}`;
}

export function navigate(to: string, replace = false): void {
  if (replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => routeOf(window.location.pathname));
  useEffect(() => {
    const update = () => setRoute(routeOf(window.location.pathname));
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);
  return route;
}

/** Links inside the app navigate without reloading the page (a modified click keeps the browser's meaning). */
export function onLinkClick(event: React.MouseEvent<HTMLAnchorElement>): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(event.currentTarget.getAttribute('href')!);
}
