import type { AccountRole } from './permissions.js';

/** Everything a signed-in account can try to do, over HTTP or a socket. */
export const ACTIONS = [
  'locality.manage',
  'school.manage',
  'person.manage',
  'audit.read',
  'session.create',
  'session.read',
  'session.run',
  'agenda.edit',
  'case.create',
  'case.read',
  'case.update',
  'case.delete',
  'case.consent',
  'case.submit',
  'plan.read',
  'plan.update',
  'plan.export',
  'review.record',
  'review.overview',
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * How far a grant reaches: everything; the localities an EP facilitates; the SENCO's own school; or the
 * localities of the SENCO's own school (a SENCO reads the sessions of their locality, to submit a case).
 */
export type Scope = 'all' | 'ownLocalities' | 'ownSchool' | 'ownSchoolLocality';

/**
 * Who may do what: the one table every HTTP route and socket event consults. A missing entry is a refusal.
 * The admin reads everything and manages people, but never acts as a SENCO (no case writes): no impersonation.
 */
export const ACCESS: Record<AccountRole, Partial<Record<Action, Scope>>> = {
  admin: {
    'locality.manage': 'all',
    'school.manage': 'all',
    'person.manage': 'all',
    'audit.read': 'all',
    'session.create': 'all',
    'session.read': 'all',
    'session.run': 'all',
    'agenda.edit': 'all',
    'case.read': 'all',
    'plan.read': 'all',
    'review.overview': 'all',
  },
  ep: {
    'session.create': 'ownLocalities',
    'session.read': 'ownLocalities',
    'session.run': 'ownLocalities',
    'agenda.edit': 'ownLocalities',
    'case.read': 'ownLocalities',
    'plan.read': 'ownLocalities',
    // Only while the case's session is live: the route checks that; afterwards the SENCO owns the plan.
    'plan.update': 'ownLocalities',
    'plan.export': 'ownLocalities',
    'review.overview': 'ownLocalities',
  },
  senco: {
    'session.read': 'ownSchoolLocality',
    'case.create': 'ownSchool',
    'case.read': 'ownSchool',
    'case.update': 'ownSchool',
    'case.delete': 'ownSchool',
    'case.consent': 'ownSchool',
    'case.submit': 'ownSchool',
    'plan.read': 'ownSchool',
    'plan.update': 'ownSchool',
    'plan.export': 'ownSchool',
    'review.record': 'ownSchool',
  },
};

/** Who is asking: their role and where they belong. */
export interface AccessActor {
  role: AccountRole;
  /** The localities an EP facilitates. */
  localityIds: readonly string[];
  /** A SENCO's school, and that school's locality. */
  schoolId: string | null;
  schoolLocalityId: string | null;
}

/** What is being acted on: the school and/or locality it belongs to (omitted when creating at large). */
export interface AccessTarget {
  schoolId?: string | null;
  localityId?: string | null;
}

/** Whether an actor may take an action on a target, by the ACCESS table. */
export function allowed(actor: AccessActor, action: Action, target: AccessTarget = {}): boolean {
  const scope = ACCESS[actor.role][action];
  switch (scope) {
    case undefined:
      return false;
    case 'all':
      return true;
    case 'ownLocalities':
      return target.localityId == null ? actor.localityIds.length > 0 : actor.localityIds.includes(target.localityId);
    case 'ownSchool':
      return actor.schoolId !== null && (target.schoolId == null || target.schoolId === actor.schoolId);
    case 'ownSchoolLocality':
      return (
        actor.schoolLocalityId !== null && (target.localityId == null || target.localityId === actor.schoolLocalityId)
      );
  }
}

/** What a case sits in: its school, that school's locality, and whether it has been submitted to a session. */
export interface CaseAccessTarget {
  schoolId: string;
  localityId: string;
  submitted: boolean;
}

/**
 * Whether an actor may take an action on a case. A locality-wide grant (the EP's) reaches only the cases a
 * school has put before the locality by submitting them to a session: until then a case is the school's draft.
 */
export function allowedOnCase(actor: AccessActor, action: Action, target: CaseAccessTarget): boolean {
  if (!allowed(actor, action, { schoolId: target.schoolId, localityId: target.localityId })) return false;
  return ACCESS[actor.role][action] !== 'ownLocalities' || target.submitted;
}

/** An actor that belongs nowhere and may do nothing scoped (a signed-in account not yet placed). */
export function accessActor(role: AccountRole, place: Partial<Omit<AccessActor, 'role'>> = {}): AccessActor {
  return {
    role,
    localityIds: place.localityIds ?? [],
    schoolId: place.schoolId ?? null,
    schoolLocalityId: place.schoolLocalityId ?? null,
  };
}
