import type { CaseView, SessionView } from '@consultboard/domain';
import { type FormEvent, useState } from 'react';
import { apiPost } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { SelectField } from '../components/Field';
import { formatDate } from '../format';
import { useAction } from '../useAction';
import { useAllPages } from '../usePagedList';
import { submitChoices } from './submitChoices';

/** The SENCO offers the case to one of their locality's coming sessions; the EP builds the agenda from these. */
export function SubmitSection({ found, onChange }: { found: CaseView; onChange: (changed: CaseView) => void }) {
  // Every session of the locality: the coming ones to choose from, and the one the case is submitted for.
  const sessions = useAllPages<SessionView>('/api/sessions', 'sessions');
  const all = sessions.items ?? [];
  const choices = submitChoices(all);
  const [sessionId, setSessionId] = useState('');
  const { busy, error, run } = useAction();
  const chosen = sessionId || choices[0]?.id || '';
  const submittedTo = all.find((session) => session.id === found.submittedSessionId);
  const label = (session: SessionView) => `${session.locality}, ${formatDate(session.date)}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(async () => {
      const { case: changed } = await apiPost<{ case: CaseView }>(`/api/cases/${encodeURIComponent(found.id)}/submit`, {
        sessionId: chosen,
      });
      onChange(changed);
    });
  }

  return (
    <section className="panel stack" aria-labelledby="submit-heading">
      <h2 id="submit-heading">Submit for a session</h2>
      <p role="status">
        {found.submittedSessionId
          ? `Submitted for ${submittedTo ? label(submittedTo) : 'a session'}.`
          : 'Not submitted yet.'}
      </p>
      <ErrorAlert message={error ?? sessions.error} />
      {sessions.items && choices.length === 0 ? (
        <p>No sessions are scheduled for your locality yet. Your EP schedules them.</p>
      ) : (
        <form onSubmit={submit} noValidate className="stack">
          <SelectField
            label="Session"
            name="sessionId"
            value={chosen}
            onChange={(event) => setSessionId(event.target.value)}
          >
            {choices.map((session) => (
              <option key={session.id} value={session.id}>
                {label(session)}
              </option>
            ))}
          </SelectField>
          <button type="submit" className="button primary" disabled={busy || !chosen}>
            Submit
          </button>
        </form>
      )}
    </section>
  );
}
