import './themes.css';
import type { ThemesView } from '@consultboard/domain';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../components/ErrorAlert';
import { SelectField, TextField } from '../components/Field';
import { SignedInLayout } from '../components/SignedInLayout';
import { SignedInPage } from '../components/SignedInPage';
import { formatDate } from '../format';
import { useApiData } from '../useApiData';
import { usePageTitle } from '../usePageTitle';
import { ThemeSection } from './ThemeSection';

/** "/themes": what comes up across a locality, half term by half term (issue 13, item 3). A chunk of its own. */
export default function ThemesPage() {
  return (
    <SignedInPage action="themes.read">
      <Themes />
    </SignedInPage>
  );
}

interface Filters {
  from: string;
  to: string;
  localityId: string;
}

function queryOf(filters: Filters | null): string {
  if (!filters) return '';
  const query = new URLSearchParams();
  if (filters.from) query.set('from', filters.from);
  if (filters.to) query.set('to', filters.to);
  if (filters.localityId) query.set('localityId', filters.localityId);
  return query.toString();
}

function Themes() {
  usePageTitle('Themes');
  // Null until the person changes the range: the server's default (the school year before this one, to today).
  const [applied, setApplied] = useState<Filters | null>(null);
  const query = queryOf(applied);
  const loaded = useApiData<ThemesView>(`/api/themes${query ? `?${query}` : ''}`);
  const view = loaded.data;
  const [draft, setDraft] = useState<Filters | null>(null);
  const shown = draft ?? (view ? { from: view.from, to: view.to, localityId: view.localityId ?? '' } : null);

  function apply(event: FormEvent) {
    event.preventDefault();
    if (shown) setApplied(shown);
  }

  const csvQuery = (themeId: string) => {
    const params = new URLSearchParams(view ? { from: view.from, to: view.to } : {});
    if (view?.localityId) params.set('localityId', view.localityId);
    params.set('theme', themeId);
    return `/api/themes/csv?${params.toString()}`;
  };

  return (
    <SignedInLayout>
      <h1>Themes</h1>
      <p className="muted">
        Counts only: no case, school or reference. Half terms are taken by month (Autumn 1 is September and October).
      </p>
      {shown && (
        <form className="panel themes-filters" onSubmit={apply} aria-label="Choose what to count">
          <TextField
            label="From"
            type="date"
            value={shown.from}
            required
            onChange={(event) => setDraft({ ...shown, from: event.target.value })}
          />
          <TextField
            label="To"
            type="date"
            value={shown.to}
            required
            onChange={(event) => setDraft({ ...shown, to: event.target.value })}
          />
          {view && view.localities.length > 1 && (
            <SelectField
              label="Locality"
              value={shown.localityId}
              onChange={(event) => setDraft({ ...shown, localityId: event.target.value })}
            >
              <option value="">All my localities</option>
              {view.localities.map((locality) => (
                <option key={locality.id} value={locality.id}>
                  {locality.name}
                </option>
              ))}
            </SelectField>
          )}
          <button type="submit" className="button primary">
            Show
          </button>
        </form>
      )}
      <ErrorAlert message={loaded.error} />
      {!view && !loaded.error && <p>Loading…</p>}
      {view && (
        <>
          <p aria-live="polite">
            {formatDate(view.from)} to {formatDate(view.to)},{' '}
            {view.localityId
              ? (view.localities.find((locality) => locality.id === view.localityId)?.name ?? 'one locality')
              : view.localities.length === 1
                ? view.localities[0]?.name
                : 'all your localities'}
            .
          </p>
          {view.themes.map((theme) => (
            <ThemeSection key={theme.id} theme={theme} csvHref={csvQuery(theme.id)} />
          ))}
        </>
      )}
    </SignedInLayout>
  );
}
