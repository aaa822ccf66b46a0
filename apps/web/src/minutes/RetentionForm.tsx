import { MINUTES_LIMITS, type RetentionView } from '@consultboard/domain';
import { type FormEvent, useEffect, useState } from 'react';
import { apiPut } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { TextField } from '../components/Field';
import { useAction } from '../useAction';
import { useApiData } from '../useApiData';

/** The admin's setting of how long minutes are kept after their session ('retention.manage'). */
export function RetentionForm() {
  const loaded = useApiData<{ retention: RetentionView }>('/api/retention');
  const [years, setYears] = useState('');
  const [saved, setSaved] = useState<number | null>(null);
  const { busy, error, run } = useAction();
  const [fieldError, setFieldError] = useState<string | undefined>();
  useEffect(() => {
    if (loaded.data) setYears(String(loaded.data.retention.years));
  }, [loaded.data]);
  const { min, max } = MINUTES_LIMITS.retentionYears;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = Number(years);
    if (!Number.isInteger(value) || value < min || value > max) {
      setFieldError(`Enter a whole number of years from ${min} to ${max}.`);
      return;
    }
    setFieldError(undefined);
    await run(async () => {
      const answer = await apiPut<{ retention: RetentionView }>('/api/retention', { years: value });
      setSaved(answer.retention.years);
    });
  };
  return (
    <form className="panel stack retention-form" onSubmit={submit} noValidate aria-labelledby="retention-heading">
      <h2 id="retention-heading">How long minutes are kept</h2>
      <p>
        Minutes are deleted, with their search entries, this many years after their session. The deletion runs daily.
      </p>
      <ErrorAlert message={error ?? loaded.error} />
      <TextField
        label="Years to keep minutes"
        type="number"
        inputMode="numeric"
        name="years"
        min={min}
        max={max}
        value={years}
        error={fieldError}
        onChange={(event) => setYears(event.target.value)}
      />
      <div className="button-row">
        <button type="submit" className="button primary" disabled={busy || !loaded.data}>
          Save
        </button>
      </div>
      <p role="status">{saved !== null && `Saved: minutes are kept for ${saved} years.`}</p>
    </form>
  );
}
