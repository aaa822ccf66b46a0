import {
  CASE_TYPE_LABELS,
  CASE_TYPES,
  type CaseType,
  type CaseView,
  type PersonalDataFinding,
} from '@consultboard/domain';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { apiPost } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { TextField } from '../components/Field';
import { ReferenceFindings, referenceFindings } from '../privacy/ReferenceFindings';
import { navigate } from '../router';
import { useAction } from '../useAction';

const CHILD_HINT = 'First initial, year group and gender, for example J5M (J, Year 5, male). Never a name.';
const TOPIC_HINT = 'A short description of the group or issue, for example "Year 3 transition". Never a name.';

/** A SENCO opens a case for their school, then goes to it to record consent and write the preparation form. */
export function NewCaseForm({ onCancel }: { onCancel: () => void }) {
  const [type, setType] = useState<CaseType>('child');
  const [reference, setReference] = useState('');
  const { busy, error, run } = useAction();
  // The words the server flagged in a refused topic, marked in what was sent (issue 10).
  const [findings, setFindings] = useState<{ value: string; found: PersonalDataFinding[] }>({ value: '', found: [] });
  const form = useRef<HTMLFormElement>(null);

  // The form appears on request: take the keyboard to its first choice.
  useEffect(() => {
    form.current?.querySelector<HTMLInputElement>('input:checked')?.focus();
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    // On a refusal the reference stays in the box, so it can be corrected rather than retyped.
    const value = reference;
    await run(
      async () => {
        const { case: created } = await apiPost<{ case: CaseView }>('/api/cases', { type, reference: value });
        navigate(`/cases/${encodeURIComponent(created.id)}`);
      },
      (caught) => setFindings({ value, found: referenceFindings(caught) }),
    );
  }

  return (
    <form ref={form} onSubmit={submit} noValidate className="panel stack" aria-labelledby="new-case-heading">
      <h2 id="new-case-heading">New case</h2>
      <ErrorAlert message={error} />
      <fieldset className="choices">
        <legend>Case type</legend>
        {CASE_TYPES.map((option) => (
          <label key={option}>
            <input type="radio" name="type" value={option} checked={type === option} onChange={() => setType(option)} />{' '}
            {CASE_TYPE_LABELS[option]}
          </label>
        ))}
      </fieldset>
      <TextField
        label="Case reference"
        name="reference"
        hint={type === 'child' ? CHILD_HINT : TOPIC_HINT}
        autoComplete="off"
        limit={200}
        value={reference}
        aria-invalid={error ? true : undefined}
        onChange={(event) => setReference(event.target.value)}
      />
      <ReferenceFindings value={findings.value} findings={findings.found} />
      <div className="button-row">
        <button type="submit" className="button primary" disabled={busy}>
          Create case
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
