import type { SessionView } from '@consultboard/domain';
import { useCallback, useEffect, useState } from 'react';
import { apiDelete, apiGet, apiPost, errorMessage } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { Link } from '../components/Link';
import { RequireUser } from '../components/RequireUser';
import { SignedInLayout } from '../components/SignedInLayout';
import { formatDate, STATUS_LABELS } from '../format';
import { usePageTitle } from '../usePageTitle';
import { AddCaseForm } from './AddCaseForm';
import { Agenda } from './Agenda';

/** "/sessions/:id": build the agenda, start the session, then hand out the join code. */
export default function SessionPage({ id }: { id: string }) {
  return (
    <RequireUser>
      <SessionDetails id={id} />
    </RequireUser>
  );
}

function SessionDetails({ id }: { id: string }) {
  const [session, setSession] = useState<SessionView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const path = `/api/sessions/${encodeURIComponent(id)}`;
  usePageTitle(session ? `${session.locality}, ${formatDate(session.date)}` : 'Session');

  useEffect(() => {
    let current = true;
    apiGet<{ session: SessionView }>(path)
      .then((body) => current && setSession(body.session))
      .catch((caught: unknown) => current && setLoadError(errorMessage(caught)));
    return () => {
      current = false;
    };
  }, [path]);

  const act = useCallback(async (run: () => Promise<{ session: SessionView }>) => {
    setBusy(true);
    setError(null);
    try {
      setSession((await run()).session);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }, []);

  if (!session) {
    return (
      <SignedInLayout>
        <h1>Session</h1>
        <ErrorAlert message={loadError} />
        {!loadError && <p>Loading…</p>}
        <p>
          <Link href="/">Back to sessions</Link>
        </p>
      </SignedInLayout>
    );
  }

  const draft = session.status === 'draft';
  const empty = session.cases.length === 0;
  return (
    <SignedInLayout>
      <p className="breadcrumb">
        <Link href="/">Sessions</Link>
      </p>
      <h1>
        {session.locality}, {formatDate(session.date)}
      </h1>
      <p>
        Status: <span className={`status status-${session.status}`}>{STATUS_LABELS[session.status]}</span>
      </p>
      <ErrorAlert message={error} />

      {session.status === 'ended' && <p className="notice">This session has ended.</p>}

      {session.status === 'live' && (
        <section className="panel join-panel" aria-labelledby="join-heading">
          <h2 id="join-heading">Join</h2>
          <dl className="join-details">
            <div>
              <dt>Join code</dt>
              <dd className="join-code" data-testid="join-code">
                {session.joinCode}
              </dd>
            </div>
            {session.joinUrl && (
              <div>
                <dt>Join address</dt>
                <dd className="join-url">{session.joinUrl}</dd>
              </div>
            )}
          </dl>
          <div className="button-row">
            <Link className="button primary" href={`/facilitate/${encodeURIComponent(session.id)}`}>
              Open facilitator view
            </Link>
            <Link className="button secondary" href={`/board/${encodeURIComponent(session.id)}`}>
              Open board
            </Link>
          </div>
        </section>
      )}

      <section aria-labelledby="agenda-heading">
        <h2 id="agenda-heading">Agenda</h2>
        <Agenda
          cases={session.cases}
          editable={draft}
          busy={busy}
          onRemove={(caseId) => act(() => apiDelete(`${path}/cases/${encodeURIComponent(caseId)}`))}
        />
        {draft && <AddCaseForm path={path} onAdded={setSession} />}
      </section>

      {draft && (
        <section className="panel" aria-labelledby="start-heading">
          <h2 id="start-heading">Start</h2>
          <p id="start-reason">
            {empty
              ? 'Add at least one case to the agenda before starting.'
              : 'Starting gives the room a join code. The agenda cannot change after that.'}
          </p>
          <button
            type="button"
            className="button primary"
            disabled={empty || busy}
            aria-describedby="start-reason"
            onClick={() => act(() => apiPost(`${path}/start`))}
          >
            Start session
          </button>
        </section>
      )}
    </SignedInLayout>
  );
}
