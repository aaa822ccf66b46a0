import type { ReactNode } from 'react';
import { apiPost } from '../api';
import { isCurrentNav, navFor } from '../navigation';
import { navigate, usePathname } from '../router';
import { useAction } from '../useAction';
import { ErrorAlert } from './ErrorAlert';
import { Link } from './Link';
import { useActor, useUser } from './UserContext';

/** The header (product, the account's pages, who is signed in, Sign out) and main landmark of every signed-in page. */
export function SignedInLayout({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  const { user, signedOut } = useUser();
  const actor = useActor();
  const pathname = usePathname();
  const { busy, error, run } = useAction();

  async function signOut() {
    await run(async () => {
      await apiPost('/api/auth/sign-out');
      signedOut();
      navigate('/');
    });
  }

  return (
    <>
      <header className="site-header">
        <Link href="/" className="brand">
          Consultboard
        </Link>
        <nav aria-label="Main" className="site-nav">
          <ul>
            {navFor(actor).map((item) => (
              <li key={item.href}>
                <Link href={item.href} aria-current={isCurrentNav(item, pathname, actor) ? 'page' : undefined}>
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
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
