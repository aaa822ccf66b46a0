import { DIRECTORY_CSV_COLUMNS, DIRECTORY_LIMITS, type LocalityView } from '@consultboard/domain';
import { type FormEvent, useId, useRef, useState } from 'react';
import { ApiError, apiPost } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { SelectField } from '../components/Field';
import { useAction } from '../useAction';
import { ALL } from './EntryForm';

interface Problem {
  line: number;
  reason: string;
}

/**
 * Import CSV (under its own summary above the list, so a long directory never hides it): a local offer list as a spreadsheet saved as CSV, added whole or refused whole. A refusal lists each
 * bad line and why, so the file can be put right and tried again.
 */
export function ImportForm({
  localities,
  mayAddForAll,
  defaultLocalityId,
  onImported,
}: {
  localities: LocalityView[];
  mayAddForAll: boolean;
  defaultLocalityId: string;
  onImported: (count: number) => void;
}) {
  const [localityId, setLocalityId] = useState(defaultLocalityId);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const file = useRef<HTMLInputElement>(null);
  const { busy, error, setError, run } = useAction();
  const fileId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblems([]);
    setDone(null);
    const chosen = file.current?.files?.[0];
    if (!chosen) {
      setError('Choose a CSV file.');
      return;
    }
    if (chosen.size > DIRECTORY_LIMITS.importChars * 3) {
      setError(`A CSV file is at most ${DIRECTORY_LIMITS.importChars} characters.`);
      return;
    }
    await run(
      async () => {
        const csv = await chosen.text();
        const answer = (await apiPost('/api/directory/import', {
          localityId: localityId === ALL ? null : localityId,
          csv,
        })) as { imported: number };
        setDone(`${answer.imported} ${answer.imported === 1 ? 'service' : 'services'} imported.`);
        if (file.current) file.current.value = '';
        onImported(answer.imported);
      },
      (caught) => {
        const body = caught instanceof ApiError ? (caught.body as { problems?: Problem[] } | undefined) : undefined;
        setProblems(body?.problems ?? []);
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate className="stack" aria-label="Import CSV">
      <p className="hint">
        The first line names the columns: {DIRECTORY_CSV_COLUMNS.join(', ')}. A file with a wrong line is not imported
        at all.
      </p>
      <ErrorAlert message={error} />
      {problems.length > 1 && (
        <ul className="directory-problems">
          {problems.map((problem) => (
            <li key={problem.line}>
              Line {problem.line}: {problem.reason}
            </li>
          ))}
        </ul>
      )}
      {done && (
        <p className="notice" role="status">
          {done}
        </p>
      )}
      <SelectField
        label="For"
        name="localityId"
        value={localityId}
        onChange={(event) => setLocalityId(event.target.value)}
      >
        {mayAddForAll && <option value={ALL}>All localities</option>}
        {localities.map((locality) => (
          <option key={locality.id} value={locality.id}>
            {locality.name}
          </option>
        ))}
      </SelectField>
      <div className="field">
        <label htmlFor={fileId}>CSV file</label>
        <input id={fileId} ref={file} type="file" name="csv" accept=".csv,text/csv" />
      </div>
      <div className="button-row">
        <button type="submit" className="button primary" disabled={busy}>
          Import CSV
        </button>
      </div>
    </form>
  );
}
