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
  'case.list',
  'case.read',
  'case.update',
  'case.delete',
  'case.consent',
  'case.submit',
  'plan.read',
  'plan.update',
  'plan.updateOutsideMeeting',
  'plan.export',
  'review.record',
  'review.overview',
  // Issue 9 item 8: a locality's stage template.
  'template.edit',
  // Issue 9 item 3: the presenting SENCO in the live meeting, for their school's cases.
  'meeting.present',
  // Issue 10: "This is not personal" / "Not personal" on a privacy finding in a case's text.
  'privacy.dismiss',
  // Issue 12: the locality file (minutes and their search), its retention, and the strategy bank.
  'minutes.read',
  'retention.manage',
  'bank.read',
  // Issue 13: the signposting directory (the local offer), the locality's themes, the school's evidence pack.
  'directory.read',
  'directory.manage',
  'themes.read',
  'evidence.export',
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * How far a grant reaches: everything; the localities an EP facilitates; the SENCO's own school; or the
 * localities of the SENCO's own school (a SENCO reads the sessions of their locality, to submit a case).
 */
export type Scope = 'all' | 'ownLocalities' | 'ownSchool' | 'ownSchoolLocality';

/** The shape of the ACCESS table: read-only all the way down, so no code can widen a grant at run time. */
export type AccessTable = { readonly [R in AccountRole]: { readonly [A in Action]?: Scope } };

/** Freezes the table and each role's grants (the values are strings, so that is all the way down). */
function frozen(table: AccessTable): AccessTable {
  for (const grants of Object.values(table)) Object.freeze(grants);
  return Object.freeze(table);
}

/**
 * Who may do what: the one table every HTTP route and socket event consults. A missing entry is a refusal.
 * The admin reads everything and manages people, but never acts as a SENCO (no case writes): no impersonation.
 */
export const ACCESS: AccessTable = frozen({
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
    'template.edit': 'all',
    'minutes.read': 'all',
    'retention.manage': 'all',
    'bank.read': 'all',
    'directory.read': 'all',
    'directory.manage': 'all',
    'themes.read': 'all',
  },
  ep: {
    'session.create': 'ownLocalities',
    'session.read': 'ownLocalities',
    'session.run': 'ownLocalities',
    'agenda.edit': 'ownLocalities',
    'case.read': 'ownLocalities',
    // The Cases page: a list to work from (the admin reads a case from a link or a review, and keeps no list).
    'case.list': 'ownLocalities',
    'plan.read': 'ownLocalities',
    // While the case's session is live; outside the meeting ('plan.updateOutsideMeeting') the SENCO owns the plan.
    'plan.update': 'ownLocalities',
    'plan.export': 'ownLocalities',
    'review.overview': 'ownLocalities',
    'template.edit': 'ownLocalities',
    'privacy.dismiss': 'ownLocalities',
    'minutes.read': 'ownLocalities',
    'bank.read': 'ownLocalities',
    'directory.read': 'ownLocalities',
    'directory.manage': 'ownLocalities',
    'themes.read': 'ownLocalities',
  },
  senco: {
    'session.read': 'ownSchoolLocality',
    'case.create': 'ownSchool',
    'case.list': 'ownSchool',
    'case.read': 'ownSchool',
    'case.update': 'ownSchool',
    'case.delete': 'ownSchool',
    'case.consent': 'ownSchool',
    'case.submit': 'ownSchool',
    'plan.read': 'ownSchool',
    'plan.update': 'ownSchool',
    'plan.updateOutsideMeeting': 'ownSchool',
    'plan.export': 'ownSchool',
    'review.record': 'ownSchool',
    'meeting.present': 'ownSchool',
    'privacy.dismiss': 'ownSchool',
    // Only their own school's minutes; the bank and the directory of their school's locality (no school in either).
    'minutes.read': 'ownSchool',
    'bank.read': 'ownSchoolLocality',
    'directory.read': 'ownSchoolLocality',
    'evidence.export': 'ownSchool',
  },
});

/** Who is asking: their role and where they belong. */
export interface AccessActor {
  role: AccountRole;
  /** The localities an EP facilitates. */
  localityIds: readonly string[];
  /** A SENCO's school, and that school's locality. */
  schoolId: string | null;
  schoolLocalityId: string | null;
}

/**
 * What is being acted on: the school and/or locality it belongs to. A locality grant may be asked at large
 * (omitted: "in any of my localities"); a school grant never: a target without a school is refused.
 */
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
      // Fails closed: a route that forgets the school id is refused rather than let through.
      return actor.schoolId !== null && target.schoolId != null && target.schoolId === actor.schoolId;
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

/**
 * The places an action reaches for an actor, for a list query to filter by (in SQL, before any page is cut):
 * everything, or what sits in these localities or these schools. Over cases, a locality reaches only the cases
 * submitted to a session (as in `allowedOnCase`).
 */
export interface Reach {
  all: boolean;
  localityIds: readonly string[];
  schoolIds: readonly string[];
}

const NOWHERE: Reach = { all: false, localityIds: [], schoolIds: [] };

/** What an action reaches for an actor, by the ACCESS table (nothing when there is no grant). */
export function reach(actor: AccessActor, action: Action): Reach {
  switch (ACCESS[actor.role][action]) {
    case undefined:
      return NOWHERE;
    case 'all':
      return { ...NOWHERE, all: true };
    case 'ownLocalities':
      return { ...NOWHERE, localityIds: [...actor.localityIds] };
    case 'ownSchool':
      return { ...NOWHERE, schoolIds: actor.schoolId === null ? [] : [actor.schoolId] };
    case 'ownSchoolLocality':
      return { ...NOWHERE, localityIds: actor.schoolLocalityId === null ? [] : [actor.schoolLocalityId] };
  }
}

/** Everything any of these actions reaches (a list of what the actor may manage or read). */
export function reachOfAny(actor: AccessActor, actions: readonly Action[]): Reach {
  const each = actions.map((action) => reach(actor, action));
  return {
    all: each.some((one) => one.all),
    localityIds: [...new Set(each.flatMap((one) => one.localityIds))],
    schoolIds: [...new Set(each.flatMap((one) => one.schoolIds))],
  };
}

/** Whether an action reaches anything at all for this actor: whether a page or a button for it makes sense. */
export function reachesAnything(actor: AccessActor, action: Action): boolean {
  const where = reach(actor, action);
  return where.all || where.localityIds.length > 0 || where.schoolIds.length > 0;
}
