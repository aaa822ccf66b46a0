import { allowed, type CaseView, type SessionView } from '@consultboard/domain';
import { useState } from 'react';
import { sessionTargetOf } from '../access';
import { ApiError, apiPost, apiPut } from '../api';
import { addCase, moveCase, removeCase } from '../cases/agendaOrder';
import { ErrorAlert } from '../components/ErrorAlert';
import { Link } from '../components/Link';
import { SignedInLayout } from '../components/SignedInLayout';
import { SignedInPage } from '../components/SignedInPage';
import { useActor } from '../components/UserContext';
import { formatDate, STATUS_LABELS } from '../format';
import { SubmittedCases } from '../sessions/SubmittedCases';
import { useAction } from '../useAction';
import { useApiData } from '../useApiData';
import { usePageTitle } from '../usePageTitle';
import { Agenda } from './Agenda';

/** "/sessions/:id": build the agenda from submitted cases, start the session, then hand out the join code. */
export default function SessionPage({ id }: { id: string }) {
  return (
    <SignedInPage>
      <SessionDetails id={id} />
    </SignedInPage>
  );
}

function SessionDetails({ id }: { id: string }) {
  const actor = useActor();
  const path = `/api/sessions/${encodeURIComponent(id)}`;
  const loaded = useApiData<{ session: SessionView }>(path);
  const session = loaded.data?.session ?? null;
  // The EP and admin run sessions and build agendas; a SENCO only reads their locality's, to submit a case.
  const runs = session !== null && allowed(actor, 'session.run', sessionTargetOf(session));
  const buildsAgenda = session !== null && allowed(actor, 'agenda.edit', sessionTargetOf(session));
  const submitted = useApiData<{ cases: CaseView[] }>(buildsAgenda ? `${path}/submitted` : null);
  const { busy, error, run } = useAction();
  const [refused, setRefused] = useState<string | null>(null);
  usePageTitle(session ? `${session.locality}, ${formatDate(session.date)}` : 'Session');

  async function act(change: () => Promise<{ session: SessionView }>, caseId: string | null = null) {
    setRefused(null);
    await run(
      async () => {
        loaded.setData({ session: (await change()).session });
      },
      (caught) => {
        if (caught instanceof ApiError && caught.code === 'consent_missing') {
          setRefused(caseId);
          // Consent may have changed since the list loaded: show it as it is now.
          submitted.reload();
        }
      },
    );
  }

  if (!session) {
    return (
      <SignedInLayout>
        <h1>Session</h1>
        <ErrorAlert message={loaded.error} />
        {!loaded.error && <p>Loading…</p>}
        <p>
          <Link href="/sessions">Back to sessions</Link>
        </p>
      </SignedInLayout>
    );
  }

  const draft = session.status === 'draft';
  const empty = session.cases.length === 0;
  const caseIds = [...session.cases].sort((a, b) => a.position - b.position).map((item) => item.id);
  const ordered = caseIds.map((caseId) => session.cases.find((item) => item.id === caseId)).filter((x) => !!x);
  const setAgenda = (next: string[], caseId: string | null = null) =>
    act(() => apiPut<{ session: SessionView }>(`${path}/agenda`, { caseIds: next }), caseId);

  return (
    <SignedInLayout>
      <p className="breadcrumb">
        <Link href="/sessions">Sessions</Link>
      </p>
      <h1>
        {session.locality}, {formatDate(session.date)}
      </h1>
      <p>
        Status: <span className={`status status-${session.status}`}>{STATUS_LABELS[session.status]}</span>
      </p>
      <ErrorAlert message={error} />

      {session.status === 'ended' && <p className="notice">This session has ended.</p>}

      {runs && session.status === 'live' && (
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
          cases={ordered}
          editable={buildsAgenda && draft}
          busy={busy}
          onMove={(index, by) => setAgenda(moveCase(caseIds, index, by))}
          onRemove={(caseId) => setAgenda(removeCase(caseIds, caseId))}
        />
      </section>

      {buildsAgenda && (
        <section aria-labelledby="submitted-heading">
          <h2 id="submitted-heading">Submitted cases</h2>
          <ErrorAlert message={submitted.error} />
          {submitted.data ? (
            <SubmittedCases
              cases={submitted.data.cases}
              onAgenda={new Set(caseIds)}
              editable={draft}
              busy={busy}
              refused={refused}
              onAdd={(caseId) => setAgenda(addCase(caseIds, caseId), caseId)}
            />
          ) : (
            !submitted.error && <p>Loading…</p>
          )}
        </section>
      )}

      {runs && draft && (
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
