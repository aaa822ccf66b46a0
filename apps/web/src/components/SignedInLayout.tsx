import { type ReactNode, useState } from 'react';
import { apiPost, errorMessage } from '../api';
import { navigate } from '../router';
import { ErrorAlert } from './ErrorAlert';
import { Link } from './Link';
import { useUser } from './UserContext';

/** The header (product, who is signed in, Sign out) and main landmark of every signed-in page. */
export function SignedInLayout({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  const { user, signedOut } = useUser();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function signOut() {
    setBusy(true);
    setError(null);
    try {
      await apiPost('/api/auth/sign-out');
      signedOut();
      navigate('/');
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
  }

  return (
    <>
      <header className="site-header">
        <Link href="/" className="brand">
          Consultboard
        </Link>
        <div className="account">
          <span>
            Signed in as <strong>{user.name}</strong>
          </span>
          <button type="button" className="button secondary" onClick={signOut} disabled={busy}>
            Sign out
          </button>
        </div>
      </header>
      <main className={wide ? 'page wide' : 'page'}>
        <ErrorAlert message={error} />
        {children}
      </main>
    </>
  );
}
