import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RequestHandler } from 'express';
import type { Catalogue } from '../catalogue/catalogue.js';
import { searchCatalogue, serviceCardPage } from '../catalogue/services-router.js';
import { HttpProblem } from '../http/problem.js';
import { pageLanguage } from './page-language.js';
import type { RequestLanguage } from '../http/request-language.js';

/** What the portal's server bundle (web/src/entry-server.tsx) exports. */
interface PortalRenderer {
  pageNeeds(url: URL): { page: 'catalogue'; query: Record<string, unknown> } | { page: 'service'; code: string } | { page: 'accessibility' } | undefined;
  render(url: URL, lang: RequestLanguage, data: Record<string, unknown>): { html: string; title: string };
}

/** `<` written as \u003c, so no text in the data can end the script element it travels in. */
function scriptJson(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/**
 * Renders the portal's public pages on the server: the catalogue (with its search and filters
 * from the address), a service's card page and the accessibility statement, in the reader's
 * language, with their data in the page for the browser to take over. Other pages, or a build
 * without the server bundle, fall through to the plain app.
 */
export function portalPages({ dist, catalogue }: { dist: string; catalogue: Catalogue }): RequestHandler {
  const entry = path.join(dist, 'server', 'entry-server.js');
  let loaded: { at: number; renderer: PortalRenderer; template: string } | undefined;

  /** The renderer and index.html of the build in place; reloaded when a new build replaced them. */
  async function current(): Promise<typeof loaded> {
    const at = await fs.stat(entry).then((s) => s.mtimeMs, () => 0);
    if (!at) return undefined;
    if (loaded?.at !== at) {
      const renderer = (await import(`${pathToFileURL(entry).href}?at=${at}`)) as PortalRenderer;
      loaded = { at, renderer, template: await fs.readFile(path.join(dist, 'index.html'), 'utf8') };
    }
    return loaded;
  }

  return async (req, res, next) => {
    if (req.method !== 'GET' || !req.headers.accept?.includes('text/html')) return next();
    try {
      const build = await current();
      const url = new URL(req.originalUrl, 'http://portal.invalid');
      const needs = build?.renderer.pageNeeds(url);
      if (!build || !needs) return next();
      const lang = pageLanguage(req, res);
      const data: Record<string, unknown> = {};
      let status = 200;
      if (needs.page === 'catalogue') data.catalogue = await searchCatalogue(catalogue, { ...needs.query, limit: 100 });
      if (needs.page === 'service') {
        data.service = await catalogue.find(needs.code, undefined).then((found) => serviceCardPage(catalogue, found), (error: unknown) => {
          if (error instanceof HttpProblem && error.status === 404) return null;
          throw error;
        });
        if (data.service === null) status = 404;
      }
      const { html, title } = build.renderer.render(url, lang, data);
      const page = build.template
        .replace(/<html lang="[a-z]*"/, `<html lang="${lang}"`)
        .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(title)}</title>`)
        .replace('<div id="root"></div>', `<div id="root">${html}</div><script type="application/json" id="page-data">${scriptJson(data)}</script>`);
      res.status(status).setHeader('Cache-Control', 'no-cache');
      res.setHeader('Content-Language', lang);
      res.setHeader('Vary', 'Accept-Language, Cookie');
      res.type('html').send(page);
    } catch (error) {
      next(error);
    }
  };
}
