import { useEffect, useMemo, useRef, useState } from 'react';
import { useReportProblems } from '../data/use-problems.js';
import type { EditorProps } from '../model/types.js';
import { fileText } from '../model/types.js';
import { ApplicationView } from './ApplicationView.js';
import { cardProblems } from './card-problems.js';
import { AUDIENCES, CARD_LOCALES, readCard, RETENTION_KEYS, setCardValue } from './card-yaml.js';
import type { CardTexts } from './card-yaml.js';
import { cardStrings } from './strings.js';
import './card.css';

const FILE = 'service.yaml';
const splitList = (text: string) => text.split(',').map((item) => item.trim()).filter(Boolean);

/** A comma-separated list typed freely: the text is kept while typing, the list is written. */
function ListInput({ id, list, onList, readOnly, invalid }: { id: string; list: string[]; onList(list: string[]): void; readOnly: boolean; invalid?: boolean }) {
  const [draft, setDraft] = useState(list.join(', '));
  if (splitList(draft).join(',') !== list.join(',')) setDraft(list.join(', '));
  return <input id={id} value={draft} readOnly={readOnly} aria-invalid={invalid} onChange={(e) => { setDraft(e.target.value); onList(splitList(e.target.value)); }} />;
}

/** service.yaml as a form, and the e-service application the runtime derives from the package. */
export function CardTab({ pkg, onChange, onProblems, readOnly, locale, focus }: EditorProps) {
  const t = cardStrings(locale);
  const text = fileText(pkg, FILE);
  const card = useMemo(() => readCard(text), [text]);
  useReportProblems('card', cardProblems(card, t), onProblems);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (focus?.source !== 'card' || !focus.field) return;
    root.current?.querySelector<HTMLElement>(`[id="card-${CSS.escape(focus.field)}"]`)?.focus();
  }, [focus]);

  const set = (path: string[], value: unknown) => {
    if (!readOnly) onChange(FILE, setCardValue(text, path, value));
  };

  if (!card.ok) {
    return (
      <div className="card-tab" ref={root}>
        <p role="alert" className="card-error">{t.badYaml(card.error)}</p>
        <label htmlFor="card-yaml">service.yaml</label>
        <textarea id="card-yaml" className="card-yaml" value={text} readOnly={readOnly} onChange={(e) => onChange(FILE, e.target.value)} />
      </div>
    );
  }
  const { values } = card;
  const problemFields = new Set(cardProblems(card, t).map((problem) => problem.field));
  const invalid = (field: string) => (problemFields.has(field) ? true : undefined);
  const documents = values.requiredDocuments;
  // A document is written whole with only its filled languages; one emptied stays as {} and is reported.
  const setDocument = (index: number, document: CardTexts) =>
    set(['requiredDocuments', String(index)], Object.fromEntries(CARD_LOCALES.filter((language) => document[language]).map((language) => [language, document[language]])));
  const addDocument = () => (documents.length ? set(['requiredDocuments', String(documents.length)], {}) : set(['requiredDocuments'], [{}]));

  return (
    <div className="card-tab" ref={root}>
      <form className="card-form" onSubmit={(e) => e.preventDefault()} aria-labelledby="card-heading">
        <h2 id="card-heading">{t.heading}</h2>
        <div className="card-row">
          <label>{t.code}<input id="card-code" value={values.code} readOnly /></label>
          <label>{t.version}<input id="card-version" value={values.version} readOnly /></label>
          <label>{t.provider}<input id="card-provider" value={values.provider} readOnly /></label>
        </div>
        {(['title', 'summary'] as const).map((field) => (
          <fieldset key={field}>
            <legend>{t[field]}</legend>
            {CARD_LOCALES.map((language) => (
              <div key={language} className="card-text">
                <label htmlFor={`card-${field}.${language}`}>{t.language[language]} ({language.toUpperCase()})</label>
                {field === 'title' ? (
                  <input id={`card-${field}.${language}`} lang={language} value={values[field][language]} readOnly={readOnly} aria-invalid={invalid(`${field}.${language}`)} onChange={(e) => set([field, language], e.target.value)} />
                ) : (
                  <textarea id={`card-${field}.${language}`} lang={language} rows={2} value={values[field][language]} readOnly={readOnly} onChange={(e) => set([field, language], e.target.value)} />
                )}
              </div>
            ))}
          </fieldset>
        ))}
        <label htmlFor="card-legalBasis">{t.legalBasis}</label>
        <textarea id="card-legalBasis" rows={2} value={values.legalBasis} readOnly={readOnly} onChange={(e) => set(['legalBasis'], e.target.value)} />
        <fieldset id="card-audience" tabIndex={-1} aria-invalid={invalid('audience')}>
          <legend>{t.audience}</legend>
          {AUDIENCES.map((audience) => (
            <label key={audience} className="inline">
              <input
                type="checkbox"
                checked={values.audience.includes(audience)}
                disabled={readOnly}
                onChange={(e) => set(['audience'], e.target.checked ? AUDIENCES.filter((a) => a === audience || values.audience.includes(a)) : values.audience.filter((a) => a !== audience))}
              />{' '}
              {t.audiences[audience]}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t.price}</legend>
          <label className="inline">
            <input type="radio" name="card-price" checked={values.price === 'free'} disabled={readOnly} onChange={() => set(['price'], 'free')} /> {t.free}
          </label>
          <label className="inline">
            <input type="radio" name="card-price" checked={values.price !== 'free'} disabled={readOnly} onChange={() => set(['price'], { amount: '0.00', currency: 'EUR' })} /> {t.paid}
          </label>
          {values.price !== 'free' && (
            <span className="card-row">
              <label>
                {t.amount}
                <input id="card-price.amount" inputMode="decimal" value={values.price.amount} readOnly={readOnly} aria-invalid={invalid('price.amount')} onChange={(e) => set(['price'], { amount: e.target.value, currency: 'EUR' })} />
              </label>
              <label>{t.currency}<input value="EUR" readOnly /></label>
            </span>
          )}
        </fieldset>
        <div className="card-row">
          <label>
            {t.interactivity}
            <select id="card-interactivityLevel" value={values.interactivityLevel ?? ''} disabled={readOnly} onChange={(e) => set(['interactivityLevel'], Number(e.target.value))}>
              {values.interactivityLevel === undefined && <option value="">{t.empty}</option>}
              {t.levels.map((level, index) => <option key={index} value={index + 1}>{level}</option>)}
            </select>
          </label>
          <label className="inline">
            <input id="card-onlineOrder" type="checkbox" checked={values.onlineOrder} disabled={readOnly} onChange={(e) => set(['onlineOrder'], e.target.checked)} /> {t.onlineOrder}
          </label>
        </div>
        {(!values.onlineOrder || values.serviceUrl) && (
          <>
            <label htmlFor="card-serviceUrl">{t.serviceUrl}</label>
            <input id="card-serviceUrl" inputMode="url" placeholder="https://" value={values.serviceUrl} readOnly={readOnly} aria-invalid={invalid('serviceUrl')} aria-describedby="card-serviceUrl-hint" onChange={(e) => set(['serviceUrl'], e.target.value.trim())} />
            <p id="card-serviceUrl-hint" className="card-hint">{t.serviceUrlHint}</p>
          </>
        )}
        <label htmlFor="card-duration">{t.duration}</label>
        <input id="card-duration" value={values.duration} placeholder="P5D" readOnly={readOnly} aria-invalid={invalid('duration')} onChange={(e) => set(['duration'], e.target.value.trim())} />
        <fieldset id="card-requiredDocuments" tabIndex={-1}>
          <legend>{t.requiredDocuments}</legend>
          {documents.map((document, index) => (
            <fieldset key={index} className="card-document">
              <legend>{t.document(index + 1)}</legend>
              {CARD_LOCALES.map((language) => (
                <div key={language} className="card-text">
                  <label htmlFor={`card-requiredDocuments.${index}.${language}`}>{t.language[language]} ({language.toUpperCase()})</label>
                  <input id={`card-requiredDocuments.${index}.${language}`} lang={language} value={document[language]} readOnly={readOnly} aria-invalid={invalid(`requiredDocuments.${index}.lt`)} onChange={(e) => setDocument(index, { ...document, [language]: e.target.value })} />
                </div>
              ))}
              {!readOnly && <button type="button" onClick={() => set(['requiredDocuments', String(index)], undefined)}>{t.removeDocument(index + 1)}</button>}
            </fieldset>
          ))}
          {!readOnly && <button type="button" onClick={addDocument}>{t.addDocument}</button>}
        </fieldset>
        <label htmlFor="card-languages">{t.languages}</label>
        <ListInput id="card-languages" list={values.languages} readOnly={readOnly} invalid={invalid('languages')} onList={(list) => set(['languages'], list.length ? list : undefined)} />
        <label htmlFor="card-lifeEvents">{t.lifeEvents}</label>
        <ListInput id="card-lifeEvents" list={values.lifeEvents} readOnly={readOnly} onList={(list) => set(['lifeEvents'], list.length ? list : undefined)} />
        <fieldset>
          <legend>{t.retention}</legend>
          <div className="card-row">
            {RETENTION_KEYS.map((key) => (
              <label key={key}>
                {t.retentionOf[key]}
                <input id={`card-retention.${key}`} value={values.retention[key]} placeholder="P5Y" readOnly={readOnly} aria-invalid={invalid(`retention.${key}`)} onChange={(e) => set(['retention', key], e.target.value.trim())} />
              </label>
            ))}
          </div>
        </fieldset>
      </form>
      <ApplicationView code={pkg.code} version={pkg.version} locale={locale} t={t} />
    </div>
  );
}
