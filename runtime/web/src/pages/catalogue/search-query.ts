/** The catalogue's search as the page address holds it (`/?q=…&audience=…`), so a search can be linked, bookmarked and sent without a script. */
export interface CatalogueQuery {
  q?: string;
  audience?: 'citizens' | 'businesses' | 'public-sector';
  provider?: string;
  lifeEvent?: string;
  price?: 'free' | 'paid';
  level?: number;
}

export const FILTERS = ['audience', 'provider', 'lifeEvent', 'price', 'level'] as const;

const AUDIENCES = ['citizens', 'businesses', 'public-sector'];
const CODE = /^[a-z0-9-]{1,100}$/;

/** Only values the API accepts; anything else in the address is left out rather than refused. */
export function readQuery(params: URLSearchParams): CatalogueQuery {
  const query: CatalogueQuery = {};
  const q = params.get('q')?.trim().slice(0, 200);
  if (q) query.q = q;
  const audience = params.get('audience');
  if (audience && AUDIENCES.includes(audience)) query.audience = audience as CatalogueQuery['audience'];
  const provider = params.get('provider');
  if (provider && CODE.test(provider)) query.provider = provider;
  const lifeEvent = params.get('lifeEvent');
  if (lifeEvent && CODE.test(lifeEvent)) query.lifeEvent = lifeEvent;
  const price = params.get('price');
  if (price === 'free' || price === 'paid') query.price = price;
  const level = Number(params.get('level'));
  if (Number.isInteger(level) && level >= 1 && level <= 5) query.level = level;
  return query;
}

/** The query with one filter set to `value` (or removed, for ''). */
export function withFilter(query: CatalogueQuery, name: (typeof FILTERS)[number], value: string): CatalogueQuery {
  const params = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
  if (value) params.set(name, value);
  else params.delete(name);
  return readQuery(params);
}

export function writeQuery(query: CatalogueQuery, lang: string): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
  params.set('lang', lang);
  return `/?${params.toString()}`;
}
