import { signInRequestSchema, type UserView } from '@consultboard/domain';
import { type FormEvent, useState } from 'react';
import { apiPost } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { TextField } from '../components/Field';
import { useAction } from '../useAction';
import { usePageTitle } from '../usePageTitle';

/** Sign in with e-mail and password; shown wherever a signed-in page is asked for without a session. */
export function SignInPage({ onSignedIn }: { onSignedIn: (user: UserView) => void }) {
  usePageTitle('Sign in');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, setError, run } = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = signInRequestSchema.safeParse({ email, password });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Check the form.');
      return;
    }
    await run(async () => {
      const { user } = await apiPost<{ user: UserView }>('/api/auth/sign-in', parsed.data);
      onSignedIn(user);
    });
  }

  return (
    <main className="page narrow">
      <p className="brand-line">Consultboard</p>
      <h1>Sign in</h1>
      <form onSubmit={submit} noValidate className="stack">
        <ErrorAlert message={error} />
        <TextField
          label="Email"
          type="email"
          name="email"
          autoComplete="username"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          required
        />
        <TextField
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          required
        />
        <button type="submit" className="button primary" disabled={busy}>
          Sign in
        </button>
      </form>
    </main>
  );
}
