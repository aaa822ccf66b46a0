import type { UserView } from '@consultboard/domain';
import { useEffect, useState } from 'react';
import { apiGet, errorMessage } from '../api';
import { LoadingPage } from '../components/LoadingPage';
import { RequireUser } from '../components/RequireUser';
import { useActor } from '../components/UserContext';
import { homePath } from '../navigation';
import { CasesList } from './CasesPage';
import { SessionsPage } from './SessionsPage';
import { SetupPage } from './SetupPage';

type Gate =
  | { status: 'loading' }
  | { status: 'setup' }
  | { status: 'ready'; user?: UserView }
  | { status: 'error'; message: string };

/** "/": first-run setup while no account exists, otherwise sign in, otherwise the role's home page. */
export default function HomePage() {
  const [gate, setGate] = useState<Gate>({ status: 'loading' });

  useEffect(() => {
    let current = true;
    apiGet<{ needed: boolean }>('/api/setup')
      .then(({ needed }) => current && setGate(needed ? { status: 'setup' } : { status: 'ready' }))
      .catch((error: unknown) => current && setGate({ status: 'error', message: errorMessage(error) }));
    return () => {
      current = false;
    };
  }, []);

  switch (gate.status) {
    case 'loading':
      return <LoadingPage />;
    case 'error':
      return <LoadingPage error={gate.message} />;
    case 'setup':
      return <SetupPage onCreated={(user) => setGate({ status: 'ready', user })} />;
    case 'ready':
      return (
        <RequireUser initialUser={gate.user}>
          <RoleHome />
        </RequireUser>
      );
  }
}

/** Whoever creates cases (a SENCO) starts from them; an EP or admin from sessions. */
function RoleHome() {
  return homePath(useActor()) === '/cases' ? <CasesList /> : <SessionsPage />;
}
