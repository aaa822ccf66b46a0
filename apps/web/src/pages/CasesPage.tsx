import { CASE_TYPE_LABELS, type CaseView, reachesAnything, type SessionView } from '@consultboard/domain';
import { useMemo, useState } from 'react';
import { consentStatus, preparationStatus } from '../cases/caseStatus';
import { NewCaseForm } from '../cases/NewCaseForm';
import { ErrorAlert } from '../components/ErrorAlert';
import { Link } from '../components/Link';
import { ShowMore } from '../components/ShowMore';
import { SignedInLayout } from '../components/SignedInLayout';
import { SignedInPage } from '../components/SignedInPage';
import { useActor } from '../components/UserContext';
import { formatDate } from '../format';
import { ToCheckBadge } from '../privacy/ToCheckNotice';
import { useAllPages, usePagedList } from '../usePagedList';
import { usePageTitle } from '../usePageTitle';

/** "/cases": a SENCO's school's cases (an EP's: those of their localities), and a new one. */
export default function CasesPage() {
  return (
    <SignedInPage>
      <CasesList />
    </SignedInPage>
  );
}

/** The list itself, also the SENCO's home page. */
export function CasesList() {
  usePageTitle('Cases');
  const creates = reachesAnything(useActor(), 'case.create');
  const cases = usePagedList<CaseView>('/api/cases', 'cases');
  // Every session the account reads, to name the one each case is submitted for.
  const sessions = useAllPages<SessionView>('/api/sessions', 'sessions');
  const [creating, setCreating] = useState(false);
  const sessionNames = useMemo(
    () => new Map((sessions.items ?? []).map((s) => [s.id, `${s.locality}, ${formatDate(s.date)}`])),
    [sessions.items],
  );
  const list = cases.items;

  return (
    <SignedInLayout wide>
      <div className="title-row">
        <h1>Cases</h1>
        {creates && (
          <button
            type="button"
            className="button primary"
            aria-expanded={creating}
            aria-controls="new-case"
            onClick={() => setCreating((open) => !open)}
          >
            New case
          </button>
        )}
      </div>
      <div id="new-case">{creating && <NewCaseForm onCancel={() => setCreating(false)} />}</div>
      <ErrorAlert message={cases.error} />
      {!list && !cases.error && <p>Loading cases…</p>}
      {list?.length === 0 && <p>{creates ? 'No cases yet. Use New case to open one.' : 'No cases to show yet.'}</p>}
      {list && list.length > 0 && (
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">Cases</caption>
            <thead>
              <tr>
                <th scope="col">Reference</th>
                <th scope="col">Type</th>
                <th scope="col">Consent</th>
                <th scope="col">Preparation</th>
                <th scope="col">Submitted for</th>
              </tr>
            </thead>
            <tbody>
              {list.map((found) => (
                <tr key={found.id}>
                  <th scope="row">
                    <Link href={`/cases/${encodeURIComponent(found.id)}`}>{found.reference}</Link>
                    {found.personalDataToCheck && (
                      <>
                        {' '}
                        <ToCheckBadge />
                      </>
                    )}
                  </th>
                  <td>{CASE_TYPE_LABELS[found.type]}</td>
                  <td>{consentStatus(found)}</td>
                  <td>{preparationStatus(found.preparation)}</td>
                  <td>
                    {found.submittedSessionId
                      ? (sessionNames.get(found.submittedSessionId) ?? 'A session')
                      : 'Not submitted'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ShowMore list={cases} />
    </SignedInLayout>
  );
}
