import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { ApiError } from '../../api.js';
import { AppLink, Button, Details, DetailsContent, DetailsSummary, TextField } from '../../ui/index.js';
import { workspaceApi, type SavedFilter } from '../api-types.js';
import { useTexts } from '../i18n.js';
import { inboxHref } from '../paths.js';

/** The official's saved filters: each a link to its view, deletable; the current filter saved under a name. */
export function SavedFilters({ current }: { current: string }) {
  const { lang, t } = useTexts();
  const [filters, setFilters] = useState<SavedFilter[]>([]);
  const [name, setName] = useState('');
  const [said, setSaid] = useState('');
  const [error, setError] = useState<string>();
  const load = useCallback(() => { workspaceApi.filters().then(setFilters, () => setFilters([])); }, []);
  useEffect(load, [load]);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const saved = await workspaceApi.saveFilter(name.trim(), current);
      setName('');
      setError(undefined);
      setSaid(t.filterSaved(saved.name));
      load();
    } catch (e) {
      setError(e instanceof ApiError ? e.errors[0]?.message ?? e.message : t.failed);
    }
  };
  const remove = async (filter: SavedFilter) => {
    await workspaceApi.deleteFilter(filter.id);
    setSaid(t.filterDeleted(filter.name));
    load();
  };
  return (
    <Details className="saved-filters" data-testid="saved-filters">
      <DetailsSummary>{t.savedFilters} ({filters.length})</DetailsSummary>
      <DetailsContent>
        {filters.length === 0 ? <p className="muted">{t.noSavedFilters}</p> : (
          <ul className="saved-filters__list">
            {filters.map((filter) => (
              <li key={filter.id}>
                <AppLink href={inboxHref(lang, filter.query)} aria-current={filter.query === current ? 'true' : undefined}>{filter.name}</AppLink>
                <Button type="button" variant="tertiary" data-size="sm" data-color="danger" onClick={() => void remove(filter)} aria-label={t.deleteFilter(filter.name)}>✕</Button>
              </li>
            ))}
          </ul>
        )}
        <form className="saved-filters__save" onSubmit={save}>
          <TextField label={t.filterName} name="filter-name" value={name} required maxLength={100} error={error}
            onChange={(event) => setName(event.currentTarget.value)} />
          <Button type="submit" variant="secondary">{t.saveFilter}</Button>
        </form>
        <p role="status" className="visually-hidden">{said}</p>
      </DetailsContent>
    </Details>
  );
}
