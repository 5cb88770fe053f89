import { useState, type FormEvent } from 'react';
import { Button, localized, SelectField, TextField } from '../../ui/index.js';
import type { Colleague, ServiceChoice } from '../api-types.js';
import { useTexts } from '../i18n.js';
import { SORTS, STATES, type InboxQuery } from './inbox-query.js';

/**
 * Service, text, sort and status. A choice in a list applies at once (the list below changes,
 * the page stays); the text applies when sent (Enter or the button).
 */
export function InboxFilters({ query, services, colleagues, onChange }: {
  query: InboxQuery;
  services: ServiceChoice[];
  /** A supervisor's colleagues, to see one's tasks; none for an official. */
  colleagues: Colleague[];
  onChange: (next: Partial<InboxQuery>) => void;
}) {
  const { lang, t } = useTexts();
  const [text, setText] = useState(query.q);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange({ q: text.trim() });
  };
  const filtered = query.service || query.q || query.sort !== 'due' || query.state !== 'open' || query.assignee;
  return (
    <form className="inbox-filters" role="search" onSubmit={submit}>
      <div className="inbox-filters__search">
        <TextField label={t.search} description={t.searchHint} type="search" name="q" value={text} onChange={(event) => setText(event.currentTarget.value)} data-testid="inbox-search" />
        <Button type="submit" variant="secondary">{t.searchButton}</Button>
      </div>
      <SelectField label={t.service} name="service" value={query.service} onChange={(event) => onChange({ service: event.currentTarget.value })}
        choices={[{ value: '', label: t.anyService }, ...services.map((s) => ({ value: s.code, label: localized(s.title, lang) || s.code }))]} />
      <SelectField label={t.sort} name="sort" value={query.sort} onChange={(event) => onChange({ sort: event.currentTarget.value as InboxQuery['sort'] })}
        choices={SORTS.map((sort) => ({ value: sort, label: t.sorts[sort]! }))} />
      <SelectField label={t.state} name="state" value={query.state} onChange={(event) => onChange({ state: event.currentTarget.value as InboxQuery['state'] })}
        choices={STATES.map((state) => ({ value: state, label: t.states[state]! }))} />
      {colleagues.length > 0 && (
        <SelectField label={t.assignee} name="assignee" value={query.assignee} onChange={(event) => onChange({ assignee: event.currentTarget.value })}
          choices={[{ value: '', label: t.anyAssignee }, ...colleagues.map((c) => ({ value: c.id, label: c.displayName }))]} />
      )}
      {filtered && (
        <div className="inbox-filters__clear">
          <Button type="button" variant="tertiary" onClick={() => { setText(''); onChange({ service: '', q: '', sort: 'due', state: 'open', assignee: '' }); }}>{t.clear}</Button>
        </div>
      )}
    </form>
  );
}
