import { reachesAnything, type SessionView } from '@consultboard/domain';
import { useEffect, useState } from 'react';
import { apiGet, errorMessage } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { Link } from '../components/Link';
import { SignedInLayout } from '../components/SignedInLayout';
import { useActor } from '../components/UserContext';
import { formatDate, STATUS_LABELS } from '../format';
import { usePageTitle } from '../usePageTitle';
import { NewSessionForm } from './NewSessionForm';

/** Every session this account can see, and (for an EP or admin) a way to schedule another. */
export function SessionsPage() {
  usePageTitle('Sessions');
  const schedules = reachesAnything(useActor(), 'session.create');
  const [sessions, setSessions] = useState<SessionView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    let current = true;
    apiGet<{ sessions: SessionView[] }>('/api/sessions')
      .then((body) => current && setSessions(body.sessions))
      .catch((caught: unknown) => current && setError(errorMessage(caught)));
    return () => {
      current = false;
    };
  }, []);

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
    </SignedInLayout>
  );
}
