import {
  AREA_OF_NEED_LABELS,
  AREAS_OF_NEED,
  allowed,
  CASE_TYPE_LABELS,
  CASE_TYPES,
  type LocalityView,
  MINUTES_LIMITS,
  type MinutesSearchResult,
  type MinutesSession,
  REVIEW_OUTCOME_LABELS,
  REVIEW_OUTCOMES,
} from '@consultboard/domain';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../components/ErrorAlert';
import { SelectField, TextField } from '../components/Field';
import { Link } from '../components/Link';
import { ShowMore } from '../components/ShowMore';
import { SignedInLayout } from '../components/SignedInLayout';
import { useActor } from '../components/UserContext';
import { formatDate } from '../format';
import { useAllPages, usePagedList } from '../usePagedList';
import { usePageTitle } from '../usePageTitle';
import { RetentionForm } from './RetentionForm';

const EMPTY = { q: '', localityId: '', from: '', to: '', caseType: '', area: '', outcome: '', requestedEp: false };
type Filters = typeof EMPTY;

const minutesHref = (id: string) => `/locality-file/${encodeURIComponent(id)}`;

/** The search's address: only what was chosen, so an empty form lists everything. */
function searchPath(filters: Filters): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (key === 'requestedEp') {
      if (value) query.set(key, '1');
    } else if (typeof value === 'string' && value.trim() !== '') query.set(key, value.trim());
  }
  return `/api/minutes/search?${query.toString()}`;
}

/** "/locality-file": every session with its cases' minutes, newest first, and the Search over them. */
export function LocalityFile() {
  usePageTitle('Locality file');
  const actor = useActor();
  const [searched, setSearched] = useState<string | null>(null);
  return (
    <SignedInLayout>
      <h1>Locality file</h1>
      <p className="muted">Anonymised minutes of each case discussed at a session. Confidential.</p>
      <SearchForm onSearch={setSearched} />
      {searched ? <SearchResults path={searched} /> : <SessionList />}
      {allowed(actor, 'retention.manage') && <RetentionForm />}
    </SignedInLayout>
  );
}

function SearchForm({ onSearch }: { onSearch: (path: string | null) => void }) {
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [error, setError] = useState<string | undefined>();
  const localities = useAllPages<LocalityView>('/api/localities', 'localities');
  const set = (key: keyof Filters) => (event: { target: { value: string } }) =>
    setFilters((now) => ({ ...now, [key]: event.target.value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (filters.q.length > MINUTES_LIMITS.query) {
      setError(`Keep the search to ${MINUTES_LIMITS.query} characters.`);
      return;
    }
    setError(undefined);
    onSearch(searchPath(filters));
  };
  return (
    <form className="panel stack minutes-search" onSubmit={submit} noValidate aria-label="Search the locality file">
      <TextField
        label="Search"
        type="search"
        name="q"
        value={filters.q}
        limit={MINUTES_LIMITS.query}
        error={error}
        hint="Words from the minutes, action plans and reviews."
        onChange={set('q')}
      />
      <details className="minutes-filters">
        <summary>Filters</summary>
        <div className="filter-grid">
          <SelectField label="Locality" name="localityId" value={filters.localityId} onChange={set('localityId')}>
            <option value="">Any locality</option>
            {(localities.items ?? []).map((locality) => (
              <option key={locality.id} value={locality.id}>
                {locality.name}
              </option>
            ))}
          </SelectField>
          <TextField label="From" type="date" name="from" value={filters.from} onChange={set('from')} />
          <TextField label="To" type="date" name="to" value={filters.to} onChange={set('to')} />
          <SelectField label="Case type" name="caseType" value={filters.caseType} onChange={set('caseType')}>
            <option value="">Any type</option>
            {CASE_TYPES.map((type) => (
              <option key={type} value={type}>
                {CASE_TYPE_LABELS[type]}
              </option>
            ))}
          </SelectField>
          <SelectField label="Area of need" name="area" value={filters.area} onChange={set('area')}>
            <option value="">Any area</option>
            {AREAS_OF_NEED.map((area) => (
              <option key={area} value={area}>
                {AREA_OF_NEED_LABELS[area]}
              </option>
            ))}
          </SelectField>
          <SelectField label="Review outcome" name="outcome" value={filters.outcome} onChange={set('outcome')}>
            <option value="">Any outcome</option>
            {REVIEW_OUTCOMES.map((outcome) => (
              <option key={outcome} value={outcome}>
                {REVIEW_OUTCOME_LABELS[outcome]}
              </option>
            ))}
          </SelectField>
          <label className="check">
            <input
              type="checkbox"
              name="requestedEp"
              checked={filters.requestedEp}
              onChange={(event) => setFilters((now) => ({ ...now, requestedEp: event.target.checked }))}
            />{' '}
            Requested EP involvement
          </label>
        </div>
      </details>
      <div className="button-row">
        <button type="submit" className="button primary">
          Search
        </button>
        <button
          type="button"
          className="button secondary"
          onClick={() => {
            setFilters(EMPTY);
            setError(undefined);
            onSearch(null);
          }}
        >
          Clear
        </button>
      </div>
    </form>
  );
}

function SearchResults({ path }: { path: string }) {
  const results = usePagedList<MinutesSearchResult>(path, 'results');
  return (
    <section aria-labelledby="results-heading" aria-live="polite">
      <h2 id="results-heading">Search results</h2>
      <ErrorAlert message={results.error} />
      {results.items === null && !results.error && <p>Searching…</p>}
      {results.items?.length === 0 && <p>No minutes match. Try other words or fewer filters.</p>}
      <ul className="plain-list minutes-results">
        {(results.items ?? []).map((result) => (
          <li key={result.id}>
            <h3>
              <Link href={minutesHref(result.id)}>Case {result.reference}</Link>
            </h3>
            <p className="muted">
              {formatDate(result.sessionDate)}, {result.localityName}. {CASE_TYPE_LABELS[result.caseType]}.
            </p>
            {result.snippet.length > 0 && (
              <p className="snippet">
                {result.snippet.map((part, index) =>
                  // Parts in order; a part's place is its identity.
                  // biome-ignore lint/suspicious/noArrayIndexKey: the parts never move
                  part.hit ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>,
                )}
              </p>
            )}
          </li>
        ))}
      </ul>
      <ShowMore list={results} />
    </section>
  );
}

function SessionList() {
  const sessions = usePagedList<MinutesSession>('/api/minutes', 'sessions');
  return (
    <section aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">Sessions</h2>
      <ErrorAlert message={sessions.error} />
      {sessions.items === null && !sessions.error && <p>Loading…</p>}
      {sessions.items?.length === 0 && <p>No minutes kept yet. They are kept as each case is finished in a session.</p>}
      <ul className="plain-list">
        {(sessions.items ?? []).map((session) => (
          <li key={session.id}>
            <h3>
              {formatDate(session.date)}, {session.localityName}
            </h3>
            <p className="muted">Facilitated by {session.facilitatorName}</p>
            <ul className="minutes-cases">
              {session.cases.map((item) => (
                <li key={item.id}>
                  <Link href={minutesHref(item.id)}>Case {item.reference}</Link>
                  <span className="muted">
                    {' '}
                    {[
                      CASE_TYPE_LABELS[item.caseType],
                      ...item.areasOfNeed.map((area) => AREA_OF_NEED_LABELS[area]),
                    ].join('; ')}
                  </span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      <ShowMore list={sessions} />
    </section>
  );
}
