import type { UserView } from '@consultboard/domain';
import type { ReactNode } from 'react';
import { RequireUser } from './RequireUser';
import { SignedInLayout } from './SignedInLayout';
import { useUser } from './UserContext';

type Role = UserView['role'];

/** A signed-in page for some roles only; anyone else is told plainly rather than shown a broken page. */
export function SignedInPage({ roles, children }: { roles?: readonly Role[]; children: ReactNode }) {
  return (
    <RequireUser>
      <RoleGate roles={roles}>{children}</RoleGate>
    </RequireUser>
  );
}

function RoleGate({ roles, children }: { roles?: readonly Role[]; children: ReactNode }) {
  const { user } = useUser();
  if (roles && !roles.includes(user.role)) {
    return (
      <SignedInLayout>
        <h1>Not available</h1>
        <p>Your account cannot open this page.</p>
      </SignedInLayout>
    );
  }
  return <>{children}</>;
}
