import {
  type AccessActor,
  accessActor,
  type CaseAccessTarget,
  type CaseView,
  type SessionView,
  type UserView,
} from '@consultboard/domain';

/**
 * The signed-in account as the ACCESS table sees it, from what /api/auth/me says about it: the web asks the
 * same `allowed()` the server enforces, only to decide what to offer (the server still decides what happens).
 */
export function actorOf(user: UserView): AccessActor {
  return accessActor(user.role, {
    localityIds: user.localityIds ?? [],
    schoolId: user.schoolId ?? null,
    schoolLocalityId: user.schoolLocalityId ?? null,
  });
}

/** What a case sits in, from its view: its school, that school's locality, and whether it has been submitted. */
export function caseTargetOf(
  found: Pick<CaseView, 'schoolId' | 'localityId' | 'submittedSessionId'>,
): CaseAccessTarget {
  return { schoolId: found.schoolId, localityId: found.localityId, submitted: found.submittedSessionId !== null };
}

/** What a session sits in: its locality (a session from before localities belongs to none, as on the server). */
export function sessionTargetOf(session: Pick<SessionView, 'localityId'>): { localityId: string } {
  return { localityId: session.localityId ?? '' };
}
