import { type Action, reachesAnything } from '@consultboard/domain';
import type { ReactNode } from 'react';
import { RequireUser } from './RequireUser';
import { SignedInLayout } from './SignedInLayout';
import { useActor } from './UserContext';

/**
 * A signed-in page, for the accounts its ACCESS action reaches (when it names one); anyone else is told plainly
 * rather than shown a broken page.
 */
export function SignedInPage({ action, children }: { action?: Action; children: ReactNode }) {
  return (
    <RequireUser>
      <ActionGate action={action}>{children}</ActionGate>
    </RequireUser>
  );
}

function ActionGate({ action, children }: { action?: Action; children: ReactNode }) {
  const actor = useActor();
  if (action && !reachesAnything(actor, action)) {
    return (
      <SignedInLayout>
        <h1>Not available</h1>
        <p>Your account cannot open this page.</p>
      </SignedInLayout>
    );
  }
  return <>{children}</>;
}
