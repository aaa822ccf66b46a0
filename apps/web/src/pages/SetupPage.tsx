import { LIMITS, setupRequestSchema, type UserView } from '@consultboard/domain';
import { type FormEvent, useState } from 'react';
import { ApiError, apiPost } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { TextField } from '../components/Field';
import { useAction } from '../useAction';
import { usePageTitle } from '../usePageTitle';

type Fields = Partial<Record<'name' | 'email' | 'password', string>>;

/** The first run: creates the first account (an EPS admin). */
export function SetupPage({ onCreated }: { onCreated: (user: UserView) => void }) {
  usePageTitle('Set up Consultboard');
  const [form, setForm] = useState({ name: '', email: '', password: '' });
  const [fields, setFields] = useState<Fields>({});
  const { busy, error, setError, run } = useAction();

  function change(field: keyof typeof form, value: string) {
    setForm((current) => ({ ...current, [field]: value }));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = setupRequestSchema.safeParse(form);
    if (!parsed.success) {
      const found: Fields = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as keyof Fields;
        found[field] ??= issue.message;
      }
      setFields(found);
      setError('Check the form: some answers need changing.');
      return;
    }
    setFields({});
    await run(
      async () => {
        const { user } = await apiPost<{ user: UserView }>('/api/setup', parsed.data);
        onCreated(user);
      },
      (caught) => {
        if (caught instanceof ApiError) setFields(caught.fields as Fields);
      },
    );
  }

  return (
    <main className="page narrow">
      <h1>Set up Consultboard</h1>
      <p>Create the first account. It can run sessions and manage the service.</p>
      <form onSubmit={submit} noValidate className="stack">
        <ErrorAlert message={error} />
        <TextField
          label="Your name"
          name="name"
          autoComplete="name"
          value={form.name}
          error={fields.name}
          onChange={(event) => change('name', event.target.value)}
          required
        />
        <TextField
          label="Email"
          type="email"
          name="email"
          autoComplete="username"
          value={form.email}
          error={fields.email}
          onChange={(event) => change('email', event.target.value)}
          required
        />
        <TextField
          label="Password"
          type="password"
          name="password"
          autoComplete="new-password"
          hint={`At least ${LIMITS.password.min} characters.`}
          value={form.password}
          error={fields.password}
          onChange={(event) => change('password', event.target.value)}
          required
        />
        <button type="submit" className="button primary" disabled={busy}>
          Create account
        </button>
      </form>
    </main>
  );
}
