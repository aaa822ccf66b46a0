import type { AccessActor, UserView } from '@consultboard/domain';
import { createContext, useContext, useMemo } from 'react';
import { actorOf } from '../access';

export interface SignedIn {
  user: UserView;
  /** Forget the signed-in account on this page (after signing out). */
  signedOut: () => void;
}

export const UserContext = createContext<SignedIn | null>(null);

/** The signed-in account; only for pages rendered inside RequireUser. */
export function useUser(): SignedIn {
  const signedIn = useContext(UserContext);
  if (!signedIn) throw new Error('useUser needs a RequireUser above it.');
  return signedIn;
}

/** The signed-in account as the ACCESS table sees it, to ask `allowed()` what to offer. */
export function useActor(): AccessActor {
  const { user } = useUser();
  return useMemo(() => actorOf(user), [user]);
}
