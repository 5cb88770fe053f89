import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, ok, type Answer } from '../model/api.js';
import type { Locale } from '../model/types.js';
import type { CardStrings } from './strings.js';

type Application = Answer<'get', '/api/designer/services/{code}/versions/{version}/application'>;

/** camelCase key as words: dataProviders -> Data providers. */
const words = (key: string) => key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase()).replace(/ ([A-Z])(?=[a-z])/g, (_, c: string) => ` ${c.toLowerCase()}`);

const isTexts = (value: unknown): value is Record<string, string> =>
  !!value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0 &&
  Object.entries(value).every(([key, text]) => /^(lt|lv|en)$/.test(key) && typeof text === 'string');

/** Any JSON the API returns, readably: maps as term lists, lists as lists, {lt, en} texts in the UI language. */
function Value({ value, locale, t }: { value: unknown; locale: Locale; t: CardStrings }) {
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) return <>{t.empty}</>;
  if (typeof value !== 'object') return <>{String(value)}</>;
  if (isTexts(value)) return <>{value[locale] ?? value.en ?? value.lt ?? Object.values(value)[0]}</>;
  if (Array.isArray(value)) {
    if (value.every((item) => item === null || typeof item !== 'object')) return <>{value.map(String).join(', ')}</>;
    return <ol>{value.map((item, index) => <li key={index}><Value value={item} locale={locale} t={t} /></li>)}</ol>;
  }
  return (
    <dl>
      {Object.entries(value).map(([key, item]) => (
        <div key={key}>
          <dt>{words(key)}</dt>
          <dd><Value value={item} locale={locale} t={t} /></dd>
        </div>
      ))}
    </dl>
  );
}

/** The derived e-service application of the saved version (GET .../application), read-only, with its PDF. */
export function ApplicationView({ code, version, locale, t }: { code: string; version: string; locale: Locale; t: CardStrings }) {
  const pdf = `/api/designer/services/${encodeURIComponent(code)}/versions/${encodeURIComponent(version)}/application.pdf`;
  const [state, setState] = useState<{ status: 'loading' } | { status: 'ok'; application: Application } | { status: 'missing'; detail?: string }>({ status: 'loading' });

  const load = useCallback(() => {
    setState({ status: 'loading' });
    ok(api.GET('/api/designer/services/{code}/versions/{version}/application', { params: { path: { code, version } } })).then(
      (application) => setState({ status: 'ok', application }),
      (error: unknown) => setState({ status: 'missing', ...(error instanceof ApiError && error.status !== 404 ? { detail: error.message } : {}) }),
    );
  }, [code, version]);
  useEffect(load, [load]);

  return (
    <section className="card-application" aria-labelledby="card-application-heading">
      <h3 id="card-application-heading">{t.application}</h3>
      <p>{t.applicationIntro}</p>
      <p className="card-application-actions">
        <a href={pdf} download>{t.applicationPdf}</a>{' '}
        <button type="button" onClick={load}>{t.reload}</button>
      </p>
      {state.status === 'loading' && <p role="status">{t.applicationLoading}</p>}
      {state.status === 'missing' && <p role="status">{t.applicationMissing}{state.detail ? ` (${state.detail})` : ''}</p>}
      {state.status === 'ok' && <Value value={state.application} locale={locale} t={t} />}
    </section>
  );
}
