import { checkDisplayName, type JoinResponse, LIMITS, readJoinCode } from '@consultboard/domain';
import { type FormEvent, useState } from 'react';
import { ApiError, apiPost } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { TextField } from '../components/Field';
import type { StoredJoin } from '../meeting/phoneStore';
import { useAction } from '../useAction';
import { usePageTitle } from '../usePageTitle';

/** The phone's first screen: the code from the board and the name to show with your cards. */
export function JoinForm({
  initialCode,
  notice,
  onJoined,
}: {
  initialCode: string;
  notice: string | null;
  /** `meeting`: the meeting as the join answered it (unchecked here: the live meeting's chunk checks it). */
  onJoined: (join: StoredJoin, meeting: unknown) => void;
}) {
  usePageTitle('Join a session');
  const [code, setCode] = useState(initialCode);
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<{ code?: string; name?: string }>({});
  const { busy, error, setError, run } = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    // Item 6 of issue 9: says which characters codes never use, and reads unambiguous look-alikes.
    const reading = readJoinCode(code);
    const normalised = reading.ok ? reading.code : null;
    const checkedName = checkDisplayName(name);
    const found = {
      code: reading.ok ? undefined : reading.message,
      name: checkedName.ok ? undefined : checkedName.message,
    };
    setErrors(found);
    if (!normalised || !checkedName.ok) {
      setError(found.code ?? found.name ?? null);
      return;
    }
    await run(
      async () => {
        const joined = await apiPost<JoinResponse>('/api/join', { code: normalised, name: checkedName.value });
        onJoined(
          { token: joined.token, sessionId: joined.sessionId, name: joined.name, code: normalised },
          joined.meeting,
        );
      },
      (caught) => {
        if (caught instanceof ApiError && (caught.code === 'unknown_code' || caught.code === 'invalid_join_code'))
          setErrors({ code: caught.message });
      },
    );
  }

  return (
    <main className="phone">
      <p className="brand-line">Consultboard</p>
      <h1>Join a session</h1>
      {notice && <p className="notice">{notice}</p>}
      <form onSubmit={submit} noValidate className="stack">
        <ErrorAlert message={error} />
        <TextField
          label="Join code"
          name="code"
          className="code-field"
          autoComplete="off"
          autoCapitalize="characters"
          autoCorrect="off"
          spellCheck={false}
          value={code}
          error={errors.code}
          onChange={(event) => setCode(event.target.value)}
          required
        />
        <TextField
          label="Your name"
          name="name"
          hint="Shown with your cards during the meeting only."
          autoComplete="nickname"
          limit={LIMITS.displayName.max}
          value={name}
          error={errors.name}
          onChange={(event) => setName(event.target.value)}
          required
        />
        <button type="submit" className="button primary big" disabled={busy}>
          Join
        </button>
      </form>
    </main>
  );
}
