import type { CaseView } from '@consultboard/domain';
import { type FormEvent, useState } from 'react';
import { ApiError, apiPut } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { TextField } from '../components/Field';
import { todayIso } from '../format';
import { useAction } from '../useAction';
import { consentStatus } from './caseStatus';

/** Parental consent for a child's case: recorded here, the signed form stays at school. */
export function ConsentSection({ found, onChange }: { found: CaseView; onChange: (changed: CaseView) => void }) {
  const [given, setGiven] = useState(found.consent.given);
  const [date, setDate] = useState(found.consent.date ?? todayIso());
  const { busy, error, run } = useAction();
  const [dateError, setDateError] = useState<string | undefined>();
  const [done, setDone] = useState<string | null>(null);
  const path = `/api/cases/${encodeURIComponent(found.id)}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDateError(undefined);
    setDone(null);
    await run(
      async () => {
        const { case: changed } = await apiPut<{ case: CaseView }>(`${path}/consent`, {
          given,
          date: given ? date || null : null,
        });
        onChange(changed);
        setDone(changed.consent.given ? 'Consent recorded.' : 'Consent withdrawn.');
      },
      (caught) => {
        if (caught instanceof ApiError) setDateError(caught.fields.date);
      },
    );
  }

  return (
    <section className="panel stack" aria-labelledby="consent-heading">
      <h2 id="consent-heading">Parental consent</h2>
      <p>
        A child’s case may go on an agenda only once a parent or carer has given consent. Keep the signed form at
        school. Status: <strong>{consentStatus(found)}</strong>
      </p>
      <p>
        <a href={`${path}/consent-form.pdf`} target="_blank" rel="noopener">
          Print consent form
        </a>
      </p>
      <form onSubmit={submit} noValidate className="stack">
        <ErrorAlert message={error} />
        <label className="check">
          <input type="checkbox" name="given" checked={given} onChange={(event) => setGiven(event.target.checked)} />{' '}
          Parent or carer has given consent
        </label>
        <TextField
          label="Date consent given"
          type="date"
          name="date"
          value={date}
          error={dateError}
          disabled={!given}
          onChange={(event) => setDate(event.target.value)}
        />
        <div className="button-row">
          <button type="submit" className="button primary" disabled={busy}>
            Record consent
          </button>
          <span role="status">{done}</span>
        </div>
      </form>
    </section>
  );
}
