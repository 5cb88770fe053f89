import { labelOf } from '@konstruktor/forms/browser';
import type { DocumentRef } from '../api.js';
import { useLang } from '../i18n.js';
import { formatDay, type Lang } from '../ui/index.js';
import { formatSize } from './file-field.js';
import { getIn, type Component } from './components.js';
import type { FormPage } from './order-form.js';

type Data = Record<string, unknown>;

function display(component: Component, value: unknown, documents: Record<string, DocumentRef>, lang: Lang): string {
  if (value === undefined || value === null || value === '') return '';
  // A date as his language writes it, as the form showed it to him.
  if (component.type === 'datetime' && component.subtype === 'date' && typeof value === 'string') return formatDay(value, lang);
  if (component.type === 'filepicker') {
    const name = (id: unknown) => {
      const document = typeof id === 'string' ? documents[id] : undefined;
      return document ? `${document.filename} (${formatSize(document.size)})` : String(id);
    };
    return Array.isArray(value) ? value.map(name).join(', ') : name(value);
  }
  const option = (v: unknown) => component.values?.find((o) => o.value === v)?.label ?? String(v);
  if (Array.isArray(value)) return value.map(option).join(', ');
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  return option(value);
}

/** Every answer a list of components holds, repeating groups item by item. */
function Answers({ components, data, documents }: { components: Component[]; data: Data; documents: Record<string, DocumentRef> }) {
  const { lang, t } = useLang();
  return components.map((c, i) => {
    if (c.type === 'dynamiclist' && c.path) {
      const value = getIn(data, c.path.split('.'));
      const items = Array.isArray(value) ? (value as Data[]) : [];
      return (
        <div key={c.id ?? i} className="answer-group">
          <dt>{c.label}</dt>
          <dd>
            {items.map((item, n) => (
              <div key={n} className="answer-item">
                <p className="item-title">{c.label} {n + 1}</p>
                <dl><Answers components={c.components ?? []} data={item} documents={documents} /></dl>
              </div>
            ))}
          </dd>
        </div>
      );
    }
    if (c.components) return <Answers key={c.id ?? i} components={c.components} data={c.path ? ((getIn(data, c.path.split('.')) ?? {}) as Data) : data} documents={documents} />;
    if (!c.key) return null;
    return (
      <div key={c.id ?? c.key} className="answer">
        <dt>{labelOf(c) ?? c.key}</dt>
        <dd>{display(c, getIn(data, c.key.split('.')), documents, lang) || t.noAnswer}</dd>
      </div>
    );
  });
}

/** "Check your answers": each page's answers with a link back to change them. */
export function CheckAnswers({ pages, data, documents, onChange }: { pages: FormPage[]; data: Data; documents: Record<string, DocumentRef>; onChange: (page: number) => void }) {
  const { t } = useLang();
  return pages.map((page, index) => (
    <section key={index} className="answers" aria-labelledby={`answers-${index}`}>
      <div className="answers-head">
        <h2 id={`answers-${index}`}>{page.title}</h2>
        <a href={`#page-${index + 1}`} onClick={(e) => { e.preventDefault(); onChange(index); }}>
          {t.change}<span className="visually-hidden">: {page.title}</span>
        </a>
      </div>
      <dl><Answers components={page.answers} data={data} documents={documents} /></dl>
    </section>
  ));
}
