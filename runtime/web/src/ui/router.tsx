import { createContext, useContext, useEffect, useState, type AnchorHTMLAttributes } from 'react';

/**
 * Client-side navigation: the address bar is the state; the runtime answers every page path
 * with the app (and renders the public ones on the server, where `ServerUrl` gives the address).
 */
export const ServerUrl = createContext<URL | undefined>(undefined);

export function navigate(to: string, { replace = false } = {}): void {
  if (replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export function useLocation(): URL {
  const server = useContext(ServerUrl);
  const [url, setUrl] = useState(() => server ?? new URL(window.location.href));
  useEffect(() => {
    const update = () => setUrl(new URL(window.location.href));
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);
  return url;
}

/** Links inside the app navigate without reloading the page. */
export function onLinkClick(event: React.MouseEvent<HTMLAnchorElement>): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.currentTarget.target) return;
  event.preventDefault();
  navigate(event.currentTarget.getAttribute('href')!);
  window.scrollTo(0, 0);
}

/** An <a> that navigates inside the app; a plain link before the script runs. */
export function AppLink(props: AnchorHTMLAttributes<HTMLAnchorElement>) {
  return <a {...props} onClick={onLinkClick} />;
}
