import type { CaseView, PersonalDataFinding } from '@consultboard/domain';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { apiPut } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { TextField } from '../components/Field';
import { ReferenceFindings, referenceFindings } from '../privacy/ReferenceFindings';
import { useAction } from '../useAction';

const CHILD_HINT = 'First initial, year group and gender, for example J5M (J, Year 5, male). Never a name.';
const TOPIC_HINT = 'A short description of the group or issue, for example "Year 3 transition". Never a name.';

/**
 * **Edit** beside a case's reference (issue 10): the SENCO puts a reference or topic right, under the same checks
 * as a new case. The server refuses while the case is in a live session.
 */
export function EditReference({ found, onChange }: { found: CaseView; onChange: (changed: CaseView) => void }) {
  const [open, setOpen] = useState(false);
  const [reference, setReference] = useState(found.reference);
  const [findings, setFindings] = useState<{ value: string; found: PersonalDataFinding[] }>({ value: '', found: [] });
  const { busy, error, setError, run } = useAction();
  const editButton = useRef<HTMLButtonElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const wasOpen = useRef(false);

  useEffect(() => {
    if (open) box.current?.querySelector('input')?.focus();
    else if (wasOpen.current) editButton.current?.focus();
    wasOpen.current = open;
  }, [open]);

  function close() {
    setOpen(false);
    setReference(found.reference);
    setFindings({ value: '', found: [] });
    setError(null);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const value = reference;
    await run(
      async () => {
        const { case: changed } = await apiPut<{ case: CaseView }>(
          `/api/cases/${encodeURIComponent(found.id)}/reference`,
          { reference: value },
        );
        setFindings({ value: '', found: [] });
        setOpen(false);
        onChange(changed);
      },
      (caught) => setFindings({ value, found: referenceFindings(caught) }),
    );
  }

  if (!open) {
    return (
      <button
        ref={editButton}
        type="button"
        className="button secondary small"
        aria-describedby="case-heading"
        onClick={() => {
          setReference(found.reference);
          setOpen(true);
        }}
      >
        Edit
      </button>
    );
  }
  return (
    <form onSubmit={submit} noValidate className="panel reference-edit" aria-labelledby="reference-edit-heading">
      <h2 id="reference-edit-heading">Change the case reference</h2>
      <ErrorAlert message={error} />
      <div ref={box}>
        <TextField
          label="Case reference"
          name="reference"
          hint={found.type === 'child' ? CHILD_HINT : TOPIC_HINT}
          autoComplete="off"
          limit={200}
          value={reference}
          aria-invalid={error ? true : undefined}
          onChange={(event) => setReference(event.target.value)}
        />
      </div>
      <ReferenceFindings value={findings.value} findings={findings.found} />
      <div className="button-row">
        <button type="submit" className="button primary" disabled={busy}>
          Save changes
        </button>
        <button type="button" className="button secondary" onClick={close}>
          Cancel
        </button>
      </div>
    </form>
  );
}
