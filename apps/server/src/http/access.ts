import type { AccessActor, UserView } from '@consultboard/domain';
import type { Context } from 'hono';
import { toUserView, type UserRow } from '../db/users.js';
import type { AppEnv } from './context.js';
import { errors } from './errors.js';

/** The signed-in account and where it belongs, or a 401. */
export function requireActor(c: Context<AppEnv>): { user: UserRow; actor: AccessActor } {
  const user = c.get('user');
  const actor = c.get('actor');
  if (!user || !actor) throw errors.unauthenticated();
  return { user, actor };
}

/**
 * Turns an ACCESS decision into an answer: whoever may not even see the resource is told it does not exist
 * (404, so nothing leaks), whoever sees it but may not do this gets 403.
 */
export function authorise(what: string, check: { sees: boolean; may: boolean }): void {
  if (!check.sees) throw errors.notFound(what);
  if (!check.may) throw errors.forbidden();
}

/** An account as the web sees it: who, and where they belong. */
export function accountView(user: UserRow, actor: AccessActor): UserView {
  return {
    ...toUserView(user),
    localityIds: [...actor.localityIds],
    schoolId: actor.schoolId,
    schoolLocalityId: actor.schoolLocalityId,
  };
}
