import {
  AREA_OF_NEED_LABELS,
  AREAS_OF_NEED,
  type AreaOfNeed,
  BANK_LIMITS,
  type BankEntryView,
  CARD_KIND_LABELS,
  CASE_TYPE_LABELS,
  CASE_TYPES,
  type CaseType,
} from '@consultboard/domain';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../components/ErrorAlert';
import { SelectField, TextField } from '../components/Field';
import { ShowMore } from '../components/ShowMore';
import { SignedInLayout } from '../components/SignedInLayout';
import { SignedInPage } from '../components/SignedInPage';
import { usePagedList } from '../usePagedList';
import { usePageTitle } from '../usePageTitle';
import { BankCounts } from './BankCounts';
import './bank.css';

/** "/bank": the strategy bank (issue 12, item 4), for whoever may read it (ACCESS 'bank.read'). */
export default function StrategyBankPage() {
  return (
    <SignedInPage action="bank.read">
      <StrategyBank />
    </SignedInPage>
  );
}

interface Filters {
  q: string;
  area: AreaOfNeed | '';
  caseType: CaseType | '';
}

const NO_FILTERS: Filters = { q: '', area: '', caseType: '' };

/** The API's address for a search: only what was chosen goes in the query. */
export function bankPath(filters: Filters): string {
  const query = new URLSearchParams();
  if (filters.q.trim() !== '') query.set('q', filters.q.trim());
  if (filters.area !== '') query.set('area', filters.area);
  if (filters.caseType !== '') query.set('caseType', filters.caseType);
  const suffix = query.toString();
  return suffix === '' ? '/api/bank' : `/api/bank?${suffix}`;
}

function StrategyBank() {
  usePageTitle('Strategy bank');
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [applied, setApplied] = useState<Filters>(NO_FILTERS);
  const list = usePagedList<BankEntryView>(bankPath(applied), 'entries');
  const tooLong = draft.q.length > BANK_LIMITS.query;

  function search(event: FormEvent) {
    event.preventDefault();
    if (!tooLong) setApplied(draft);
  }

  return (
    <SignedInLayout>
      <h1>Strategy bank</h1>
      <p>
        Strategies and resources the presenting SENCOs found helpful, and how the actions that came from them worked out
        at review. It names no school and no case, and no date finer than the half term.
      </p>
      <form className="bank-filters" onSubmit={search}>
        <TextField
          label="Search"
          type="search"
          value={draft.q}
          limit={BANK_LIMITS.query}
          onChange={(event) => setDraft({ ...draft, q: event.target.value })}
        />
        <SelectField
          label="Area of need"
          value={draft.area}
          onChange={(event) => setDraft({ ...draft, area: event.target.value as Filters['area'] })}
        >
          <option value="">All areas of need</option>
          {AREAS_OF_NEED.map((area) => (
            <option key={area} value={area}>
              {AREA_OF_NEED_LABELS[area]}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Case type"
          value={draft.caseType}
          onChange={(event) => setDraft({ ...draft, caseType: event.target.value as Filters['caseType'] })}
        >
          <option value="">All case types</option>
          {CASE_TYPES.map((type) => (
            <option key={type} value={type}>
              {CASE_TYPE_LABELS[type]}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button primary">
          Search
        </button>
      </form>
      <ErrorAlert message={list.error} />
      <p className="visually-hidden" aria-live="polite">
        {list.items === null ? '' : `${list.items.length}${list.hasMore ? ' or more' : ''} found`}
      </p>
      {list.items === null && !list.error && <p>Loading…</p>}
      {list.items?.length === 0 && (
        <p>{applied === NO_FILTERS ? 'Nothing is in the bank yet.' : 'Nothing in the bank matches that.'}</p>
      )}
      <ul className="bank-list" aria-label="Strategies and resources">
        {list.items?.map((entry) => (
          <li key={entry.id} className={`card kind-${entry.kind}`}>
            <span className={`card-kind kind-${entry.kind}`}>{CARD_KIND_LABELS[entry.kind]}</span>
            <p className="card-text">{entry.text}</p>
            <BankCounts entry={entry} showAreas />
          </li>
        ))}
      </ul>
      <ShowMore list={list} />
    </SignedInLayout>
  );
}
