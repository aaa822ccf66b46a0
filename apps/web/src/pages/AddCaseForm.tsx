import { parseCaseReference, type SessionView } from '@consultboard/domain';
import { type FormEvent, useState } from 'react';
import { apiPost, errorMessage } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { TextField } from '../components/Field';

const HINT = 'A child: initial, year group, gender, e.g. J5M. Or a short topic.';

/** Adds a case to the agenda, refusing anything that looks like it names a child. */
export function AddCaseForm({ path, onAdded }: { path: string; onAdded: (session: SessionView) => void }) {
  const [reference, setReference] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    // The same rule the server applies, checked here first so the answer is instant.
    const parsed = parseCaseReference(reference);
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { session } = await apiPost<{ session: SessionView }>(`${path}/cases`, { reference: parsed.value });
      onAdded(session);
      setReference('');
    } catch (caught) {
      // The text stays in the box so it can be corrected rather than retyped.
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="stack add-case">
      <ErrorAlert message={error} />
      <TextField
        label="Case reference"
        name="reference"
        hint={HINT}
        autoComplete="off"
        maxLength={200}
        value={reference}
        error={undefined}
        aria-invalid={error ? true : undefined}
        onChange={(event) => setReference(event.target.value)}
      />
      <button type="submit" className="button primary" disabled={busy}>
        Add case
      </button>
    </form>
  );
}
