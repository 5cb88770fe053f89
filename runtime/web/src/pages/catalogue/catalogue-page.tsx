import { useEffect, useRef, useState } from 'react';
import { api, ok, type CatalogueResult } from '../../api.js';
import { localized, useLang } from '../../i18n.js';
import { Button, ChoiceGroup, navigate, PageHeading, Paragraph, SearchInput, Search, SearchButton, SelectField, type Choice } from '../../ui/index.js';
import type { FILTERS} from './search-query.js';
import { readQuery, withFilter, writeQuery, type CatalogueQuery } from './search-query.js';
import { ServiceList } from './service-list.js';

/** Typing waits this long for the next key before it searches. */
const TYPING_PAUSE_MS = 200;

/**
 * The public catalogue: search as you type and filters, all in the page address. Rendered on the
 * server too (with `initial`), so it works and can be indexed before any script runs; a plain
 * GET form then does the searching.
 */
export function CataloguePage({ url, initial }: { url: URL; initial?: CatalogueResult }) {
  const { lang, t } = useLang();
  const query = readQuery(url.searchParams);
  const key = writeQuery(query, lang);
  const [result, setResult] = useState<{ key: string; data: CatalogueResult } | undefined>(initial && { key, data: initial });
  const [typed, setTyped] = useState(query.q ?? '');
  const typing = useRef<ReturnType<typeof setTimeout>>(undefined);
  // Open on the server's page and on a wide screen; on a phone the results come first, the filters a tap away.
  const filters = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (filters.current && window.matchMedia('(max-width: 48rem)').matches && !Object.keys(query).some((k) => k !== 'q')) filters.current.open = false;
    // Only as the page first appears: afterwards the reader decides.
  }, []);

  useEffect(() => {
    if (result?.key === key) return;
    let live = true;
    void ok(api.GET('/api/services', { params: { query: { ...query, limit: 100 } } })).then((data) => { if (live) setResult({ key, data }); });
    return () => { live = false; };
    // `key` is the query written out: it changes exactly when the search does.
  }, [key]);

  const show = (next: CatalogueQuery) => navigate(writeQuery(next, lang), { replace: true });
  const onType = (value: string) => {
    setTyped(value);
    clearTimeout(typing.current);
    typing.current = setTimeout(() => show({ ...query, q: value.trim() || undefined }), TYPING_PAUSE_MS);
  };
  const setFilter = (name: (typeof FILTERS)[number], value: string) => show(withFilter(query, name, value));

  const facets = result?.data.facets;
  const options = (facet: 'audience' | 'provider' | 'lifeEvent' | 'price' | 'level', label: (value: string, title?: Parameters<typeof localized>[0]) => string): Choice[] => [
    { value: '', label: '—' },
    ...(facets?.[facet] ?? []).map((f) => ({ value: f.value, label: `${label(f.value, f.title)} (${f.count})` })),
  ];

  return (
    <>
      <PageHeading focus={false}>{t.catalogue}</PageHeading>
      <Paragraph className="lead">{t.catalogueLead}</Paragraph>
      <form method="get" action="/" role="search" className="catalogue-search" onSubmit={(event) => { event.preventDefault(); show({ ...query, q: typed.trim() || undefined }); }}>
        <input type="hidden" name="lang" value={lang} />
        <label htmlFor="catalogue-q" className="catalogue-search__label">{t.search}</label>
        <Search>
          <SearchInput id="catalogue-q" name="q" value={typed} onChange={(event) => onType(event.currentTarget.value)} aria-describedby="catalogue-q-hint" autoComplete="off" />
          <SearchButton>{t.searchButton}</SearchButton>
        </Search>
        <p id="catalogue-q-hint" className="muted">{t.searchHint}</p>
        <div className="two-columns">
          <details className="catalogue-filters" ref={filters} open>
            <summary><h2 className="ds-heading" data-size="xs">{t.filters}</h2></summary>
            <SelectField label={t.audience} name="audience" value={query.audience ?? ''} onChange={(e) => setFilter('audience', e.currentTarget.value)}
              choices={options('audience', (v) => t.audiences[v] ?? v)} />
            <SelectField label={t.provider} name="provider" value={query.provider ?? ''} onChange={(e) => setFilter('provider', e.currentTarget.value)}
              choices={options('provider', (v, title) => localized(title, lang) || v)} />
            <SelectField label={t.lifeEvent} name="lifeEvent" value={query.lifeEvent ?? ''} onChange={(e) => setFilter('lifeEvent', e.currentTarget.value)}
              choices={options('lifeEvent', (v, title) => localized(title, lang) || v)} />
            <ChoiceGroup legend={t.price} name="price" type="radio" checked={[query.price ?? '']}
              choices={[{ value: '', label: '—' }, { value: 'free', label: t.prices.free! }, { value: 'paid', label: t.prices.paid! }]}
              onChange={(value, on) => { if (on) setFilter('price', value); }} />
            <SelectField label={t.level} name="level" value={query.level ? String(query.level) : ''} onChange={(e) => setFilter('level', e.currentTarget.value)}
              choices={options('level', (v) => `${v} – ${t.levels[v] ?? ''}`)} />
            <div className="actions">
              {/* Without a script the filters apply with this button; with one they apply as they change. */}
              <Button type="submit" variant="secondary" className="no-script-only">{t.applyFilters}</Button>
              <a href={`/?lang=${lang}`} onClick={(event) => { event.preventDefault(); setTyped(''); show({}); }}>{t.clearFilters}</a>
            </div>
          </details>
          <ServiceList result={result?.data} />
        </div>
      </form>
    </>
  );
}
