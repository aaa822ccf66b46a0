import { reachesAnything, type SessionView } from '@consultboard/domain';
import { useState } from 'react';
import { ErrorAlert } from '../components/ErrorAlert';
import { Link } from '../components/Link';
import { ShowMore } from '../components/ShowMore';
import { SignedInLayout } from '../components/SignedInLayout';
import { useActor } from '../components/UserContext';
import { formatDate, STATUS_LABELS } from '../format';
import { usePagedList } from '../usePagedList';
import { usePageTitle } from '../usePageTitle';
import { NewSessionForm } from './NewSessionForm';

/** Every session this account can see, and (for an EP or admin) a way to schedule another. */
export function SessionsPage() {
  usePageTitle('Sessions');
  const schedules = reachesAnything(useActor(), 'session.create');
  const list = usePagedList<SessionView>('/api/sessions', 'sessions');
  const { items: sessions, error } = list;
  const [creating, setCreating] = useState(false);

  return (
    <SignedInLayout>
      <div className="title-row">
        <h1>Sessions</h1>
        {schedules && (
          <button
            type="button"
            className="button primary"
            aria-expanded={creating}
            aria-controls="new-session"
            onClick={() => setCreating((open) => !open)}
          >
            New session
          </button>
        )}
      </div>
      {schedules && <div id="new-session">{creating && <NewSessionForm onCancel={() => setCreating(false)} />}</div>}
      <ErrorAlert message={error} />
      {sessions === null && !error && <p>Loading sessions…</p>}
      {sessions?.length === 0 && (
        <p>{schedules ? 'No sessions yet. Use New session to schedule one.' : 'No sessions are scheduled yet.'}</p>
      )}
      {sessions && sessions.length > 0 && (
        <ul className="session-list">
          {sessions.map((session) => (
            <li key={session.id}>
              <Link href={`/sessions/${encodeURIComponent(session.id)}`}>
                {session.locality}, {formatDate(session.date)}
              </Link>
              <span className={`status status-${session.status}`}>{STATUS_LABELS[session.status]}</span>
              <span className="muted">
                {session.cases.length} {session.cases.length === 1 ? 'case' : 'cases'}
              </span>
            </li>
          ))}
        </ul>
      )}
      <ShowMore list={list} />
    </SignedInLayout>
  );
}
