import type { UserView } from '@consultboard/domain';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { ApiError, apiGet, errorMessage } from '../api';
import { SignInPage } from '../pages/SignInPage';
import { LoadingPage } from './LoadingPage';
import { UserContext } from './UserContext';

type AuthState =
  | { status: 'loading' }
  | { status: 'signed-out' }
  | { status: 'signed-in'; user: UserView }
  | { status: 'error'; message: string };

/** Shows its children to a signed-in account, and the sign-in form (on the same address) to anyone else. */
export function RequireUser({ children, initialUser }: { children: ReactNode; initialUser?: UserView }) {
  const [auth, setAuth] = useState<AuthState>(
    initialUser ? { status: 'signed-in', user: initialUser } : { status: 'loading' },
  );

  useEffect(() => {
    if (initialUser) return;
    let current = true;
    apiGet<{ user: UserView }>('/api/auth/me')
      .then(({ user }) => current && setAuth({ status: 'signed-in', user }))
      .catch((error: unknown) => {
        if (!current) return;
        if (error instanceof ApiError && error.status === 401) setAuth({ status: 'signed-out' });
        else setAuth({ status: 'error', message: errorMessage(error) });
      });
    return () => {
      current = false;
    };
  }, [initialUser]);

  const user = auth.status === 'signed-in' ? auth.user : null;
  const context = useMemo(() => (user ? { user, signedOut: () => setAuth({ status: 'signed-out' }) } : null), [user]);

  if (auth.status === 'loading') return <LoadingPage />;
  if (auth.status === 'error') return <LoadingPage error={auth.message} />;
  if (!context) return <SignInPage onSignedIn={(signedIn) => setAuth({ status: 'signed-in', user: signedIn })} />;
  return <UserContext.Provider value={context}>{children}</UserContext.Provider>;
}
