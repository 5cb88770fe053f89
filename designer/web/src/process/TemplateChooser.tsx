import { useEffect, useRef, useState } from 'react';
import type { ElementTemplate } from './modeler.js';

export interface ChooserTexts { title: string; search: string; apply: string; cancel: string; none: string }

/**
 * The element template chooser (the properties panel's Template "Select" button opens it): a
 * modal dialog listing the connector templates that apply to the element, filterable by name.
 */
export function TemplateChooser({ templates, onApply, onClose, t }: {
  templates: ElementTemplate[]; onApply(template: ElementTemplate): void; onClose(): void; t: ChooserTexts;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [query, setQuery] = useState('');
  useEffect(() => {
    const d = dialog.current!;
    d.showModal();
    return () => d.close();
  }, []);
  const q = query.trim().toLowerCase();
  const shown = templates.filter((tpl) => !q || `${tpl.name} ${tpl.description ?? ''} ${tpl.category?.name ?? ''}`.toLowerCase().includes(q));
  return (
    <dialog ref={dialog} className="template-chooser" aria-labelledby="template-chooser-title" onCancel={(e) => { e.preventDefault(); onClose(); }}>
      <h2 id="template-chooser-title">{t.title}</h2>
      <label htmlFor="template-search">{t.search}</label>
      <input id="template-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoFocus />
      {shown.length === 0 ? <p>{t.none}</p> : (
        <ul>
          {shown.map((tpl) => (
            <li key={`${tpl.id}@${tpl.version ?? ''}`}>
              <button type="button" onClick={() => onApply(tpl)}>
                <strong>{tpl.name}</strong>{tpl.category && <span className="template-category"> · {tpl.category.name}</span>}
                {tpl.description && <span className="template-description">{tpl.description}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" onClick={onClose}>{t.cancel}</button>
    </dialog>
  );
}
