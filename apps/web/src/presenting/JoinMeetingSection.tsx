import type { CaseView } from '@consultboard/domain';
import { apiPost } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { useSessionView } from '../components/useSessionView';
import { forgetSession, loadJoin, type StoredJoin, saveJoin } from '../meeting/phoneStore';
import { browserStore } from '../meeting/storage';
import { useAction } from '../useAction';

/**
 * Issue 9 item 3, on the SENCO's case page: while the session this case is on is live, **Join the meeting** opens
 * it on this device as the presenting SENCO. The server gives a phone's token bound to the account; the phone page
 * then runs as on any phone, and shows Helpful on this case's cards in Feedback.
 */
export function JoinMeetingSection({ found }: { found: CaseView }) {
  const sessionId = found.submittedSessionId as string;
  const { session } = useSessionView(sessionId);
  const { busy, error, run } = useAction();
  const live = session?.status === 'live' && session.cases.some((agendaCase) => agendaCase.id === found.id);
  if (!live) return null;

  function join() {
    return run(async () => {
      const joined = await apiPost<StoredJoin>(`/api/cases/${encodeURIComponent(found.id)}/present`);
      const store = browserStore();
      // As when joining with a code: nothing of another session stays on this device.
      const earlier = loadJoin(store);
      if (earlier && earlier.sessionId !== joined.sessionId) forgetSession(store, earlier.sessionId);
      saveJoin(store, { token: joined.token, sessionId: joined.sessionId, name: joined.name, code: joined.code });
      window.location.assign(`/join/${encodeURIComponent(joined.code)}`);
    });
  }

  return (
    <section className="panel stack" aria-labelledby="join-meeting-heading">
      <h2 id="join-meeting-heading">The meeting is live</h2>
      <p>Join from this device as the presenting SENCO: in Feedback you mark the cards you found helpful.</p>
      <ErrorAlert message={error} />
      <p>
        <button type="button" className="button primary" disabled={busy} onClick={join}>
          Join the meeting
        </button>
      </p>
    </section>
  );
}
