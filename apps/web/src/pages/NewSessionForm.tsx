import type { LocalityView, SessionView } from '@consultboard/domain';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError, apiPost } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { SelectField, TextField } from '../components/Field';
import { todayIso } from '../format';
import { navigate } from '../router';
import { useAction } from '../useAction';
import { useAllPages } from '../usePagedList';

type Fields = Partial<Record<'localityId' | 'date', string>>;

/** Schedules a session for one of the EP's localities and a date, then opens it to build the agenda. */
export function NewSessionForm({ onCancel }: { onCancel: () => void }) {
  const localities = useAllPages<LocalityView>('/api/localities', 'localities');
  const list = localities.items ?? [];
  const [localityId, setLocalityId] = useState('');
  const [date, setDate] = useState(todayIso);
  const [fields, setFields] = useState<Fields>({});
  const { busy, error, setError, run } = useAction();
  const form = useRef<HTMLFormElement>(null);
  const chosen = localityId || list[0]?.id || '';

  // The form appears on request: take the keyboard to its first field.
  useEffect(() => {
    form.current?.querySelector('select')?.focus();
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Fields = {};
    if (!chosen) found.localityId = 'Choose a locality.';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) found.date = 'Enter the date of the session.';
    if (found.localityId || found.date) {
      setFields(found);
      setError(null);
      return;
    }
    setFields({});
    await run(
      async () => {
        const { session } = await apiPost<{ session: SessionView }>('/api/sessions', { localityId: chosen, date });
        navigate(`/sessions/${encodeURIComponent(session.id)}`);
      },
      (caught) => {
        if (caught instanceof ApiError) setFields(caught.fields as Fields);
      },
    );
  }

  return (
    <form ref={form} onSubmit={submit} noValidate className="panel stack" aria-labelledby="new-session-heading">
      <h2 id="new-session-heading">New session</h2>
      <ErrorAlert message={error ?? localities.error} />
      <SelectField
        label="Locality"
        name="localityId"
        value={chosen}
        error={fields.localityId}
        hint={
          localities.items && list.length === 0
            ? 'There are no localities yet. An EPS admin adds them on the Localities and schools page.'
            : undefined
        }
        onChange={(event) => setLocalityId(event.target.value)}
        required
      >
        {localities.items && list.length === 0 && <option value="">No localities yet</option>}
        {list.map((locality) => (
          <option key={locality.id} value={locality.id}>
            {locality.name}
          </option>
        ))}
      </SelectField>
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
