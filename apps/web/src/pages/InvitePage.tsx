import { LIMITS, type UserView } from '@consultboard/domain';
import { type FormEvent, useState } from 'react';
import { ApiError, apiPost } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { TextField } from '../components/Field';
import { LoadingPage } from '../components/LoadingPage';
import { navigate } from '../router';
import { useAction } from '../useAction';
import { useApiData } from '../useApiData';
import { usePageTitle } from '../usePageTitle';

interface Invitation {
  name: string;
  email: string;
  role: UserView['role'];
}

/** "/invite/:token": an invited EP or SENCO sets their password, which signs them in. */
export default function InvitePage({ token }: { token: string }) {
  usePageTitle('Accept your invitation');
  const invitation = useApiData<Invitation>(`/api/invitations/${encodeURIComponent(token)}`);
  const [password, setPassword] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const { busy, error, setError, run } = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (password.length < LIMITS.password.min) {
      setFieldError(`Use at least ${LIMITS.password.min} characters.`);
      setError(null);
      return;
    }
    setFieldError(undefined);
    await run(
      async () => {
        await apiPost(`/api/invitations/${encodeURIComponent(token)}/accept`, { password });
        navigate('/');
      },
      (caught) => {
        if (caught instanceof ApiError) setFieldError(caught.fields.password);
      },
    );
  }

  if (invitation.error) {
    return (
      <main className="page narrow">
        <p className="brand-line">Consultboard</p>
        <h1>Accept your invitation</h1>
        <ErrorAlert message={invitation.error} />
        <p>Invitation links work once and expire. Ask your EPS admin for a new one.</p>
      </main>
    );
  }
  if (!invitation.data) return <LoadingPage />;
  return (
    <main className="page narrow">
      <p className="brand-line">Consultboard</p>
      <h1>Accept your invitation</h1>
      <dl className="facts">
        <div>
          <dt>Name</dt>
          <dd>{invitation.data.name}</dd>
        </div>
        <div>
          <dt>Email</dt>
          <dd>{invitation.data.email}</dd>
        </div>
      </dl>
      <form onSubmit={submit} noValidate className="stack">
        <ErrorAlert message={error} />
        <input type="hidden" name="username" autoComplete="username" value={invitation.data.email} />
        <TextField
          label="Password"
          type="password"
          name="password"
          autoComplete="new-password"
          hint={`At least ${LIMITS.password.min} characters. You sign in with your email and this password.`}
          value={password}
          error={fieldError}
          onChange={(event) => setPassword(event.target.value)}
          required
        />
        <button type="submit" className="button primary" disabled={busy}>
          Set password
        </button>
      </form>
    </main>
  );
}
