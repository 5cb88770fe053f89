/**
 * The portal's public pages rendered on the server (Vite SSR build, dist/server/): the catalogue,
 * a service's card and the accessibility statement work and can be indexed without a script.
 * The runtime asks `pageNeeds` what to fetch, fetches it, and `render`s; the browser then takes
 * the markup over (main.tsx) with the same data.
 */
import { renderToString } from 'react-dom/server';
import { App, type PageData } from './app.js';
import { readQuery, type CatalogueQuery } from './pages/catalogue/search-query.js';
import { ServerUrl, type Lang } from './ui/index.js';
import { texts } from './i18n.js';

export type PageNeeds = { page: 'catalogue'; query: CatalogueQuery } | { page: 'service'; code: string } | { page: 'accessibility' };

/** The public page at this address and the data it needs; undefined: not rendered on the server. */
export function pageNeeds(url: URL): PageNeeds | undefined {
  if (url.pathname === '/') return { page: 'catalogue', query: readQuery(url.searchParams) };
  if (url.pathname === '/accessibility') return { page: 'accessibility' };
  const service = /^\/services\/([a-z0-9-]{1,100})$/.exec(url.pathname);
  return service ? { page: 'service', code: service[1]! } : undefined;
}

/** The page's markup and its title (the document's <title>). */
export function render(url: URL, lang: Lang, data: PageData): { html: string; title: string } {
  const html = renderToString(<ServerUrl value={url}><App lang={lang} data={data} /></ServerUrl>);
  const t = texts(lang);
  const service = data.service;
  const heading = url.pathname === '/accessibility' ? t.accessibilityTitle
    : service ? service.title[lang] ?? service.title.en ?? service.code
    : service === null ? t.notFound : t.catalogue;
  return { html, title: `${heading} – ${t.portal}` };
}
