import { createSessionRequestSchema, LIMITS, type SessionView } from '@consultboard/domain';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError, apiPost, errorMessage } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { TextField } from '../components/Field';
import { todayIso } from '../format';
import { navigate } from '../router';

type Fields = Partial<Record<'locality' | 'date', string>>;

/** Schedules a session for a locality and date, then opens it to build the agenda. */
export function NewSessionForm({ onCancel }: { onCancel: () => void }) {
  const [locality, setLocality] = useState('');
  const [date, setDate] = useState(todayIso);
  const [fields, setFields] = useState<Fields>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  // The form appears on request: take the keyboard to its first field.
  useEffect(() => {
    form.current?.querySelector('input')?.focus();
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = createSessionRequestSchema.safeParse({ locality, date });
    if (!parsed.success) {
      const found: Fields = {};
      for (const issue of parsed.error.issues) found[issue.path[0] as keyof Fields] ??= issue.message;
      setFields(found);
      setError(null);
      return;
    }
    setBusy(true);
    setFields({});
    setError(null);
    try {
      const { session } = await apiPost<{ session: SessionView }>('/api/sessions', parsed.data);
      navigate(`/sessions/${encodeURIComponent(session.id)}`);
    } catch (caught) {
      if (caught instanceof ApiError) setFields(caught.fields as Fields);
      setError(errorMessage(caught));
      setBusy(false);
    }
  }

  return (
    <form ref={form} onSubmit={submit} noValidate className="panel stack" aria-labelledby="new-session-heading">
      <h2 id="new-session-heading">New session</h2>
      <ErrorAlert message={error} />
      <TextField
        label="Locality"
        name="locality"
        maxLength={LIMITS.locality.max}
        value={locality}
        error={fields.locality}
        onChange={(event) => setLocality(event.target.value)}
        required
      />
      <TextField
        label="Date"
        type="date"
        name="date"
        value={date}
        error={fields.date}
        onChange={(event) => setDate(event.target.value)}
        required
      />
      <div className="button-row">
        <button type="submit" className="button primary" disabled={busy}>
          Create session
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
