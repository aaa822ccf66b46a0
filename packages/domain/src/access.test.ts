import { describe, expect, it } from 'vitest';
import {
  ACCESS,
  ACTIONS,
  type AccessActor,
  type AccessTarget,
  type Action,
  accessActor,
  allowed,
  allowedOnCase,
  reach,
  reachesAnything,
  reachOfAny,
  type Scope,
} from './access.js';
import { ACCOUNT_ROLES, type AccountRole } from './permissions.js';

/** docs/product.md, "Who uses it, and what each may do", written out apart from the code under test. */
const GRANTS: Record<AccountRole, Partial<Record<Action, Scope>>> = {
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
    'case.list': 'ownLocalities',
    'plan.read': 'ownLocalities',
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
    'minutes.read': 'ownSchool',
    'bank.read': 'ownSchoolLocality',
    'directory.read': 'ownSchoolLocality',
    'evidence.export': 'ownSchool',
  },
};

/** Places: locality L1 holds schools S1 and S3; locality L2 holds S2. */
const TARGETS = {
  atLarge: {},
  ownLocality: { localityId: 'L1' },
  otherLocality: { localityId: 'L2' },
  ownSchool: { schoolId: 'S1', localityId: 'L1' },
  neighbourSchool: { schoolId: 'S3', localityId: 'L1' },
  otherSchool: { schoolId: 'S2', localityId: 'L2' },
} satisfies Record<string, AccessTarget>;
type TargetName = keyof typeof TARGETS;

/** Who asks: each role placed in L1 / S1, and each role not placed anywhere yet. */
const ACTORS: Record<string, AccessActor> = {
  admin: accessActor('admin'),
  ep: accessActor('ep', { localityIds: ['L1'] }),
  epUnplaced: accessActor('ep'),
  senco: accessActor('senco', { schoolId: 'S1', schoolLocalityId: 'L1' }),
  sencoUnplaced: accessActor('senco'),
};

/** What each scope reaches, for a placed actor; an unplaced actor reaches nothing scoped. */
const REACH: Record<Scope, Record<TargetName, boolean>> = {
  all: {
    atLarge: true,
    ownLocality: true,
    otherLocality: true,
    ownSchool: true,
    neighbourSchool: true,
    otherSchool: true,
  },
  ownLocalities: {
    atLarge: true,
    ownLocality: true,
    otherLocality: false,
    ownSchool: true,
    neighbourSchool: true,
    otherSchool: false,
  },
  // A school grant asked without a school fails closed.
  ownSchool: {
    atLarge: false,
    ownLocality: false,
    otherLocality: false,
    ownSchool: true,
    neighbourSchool: false,
    otherSchool: false,
  },
  ownSchoolLocality: {
    atLarge: true,
    ownLocality: true,
    otherLocality: false,
    ownSchool: true,
    neighbourSchool: true,
    otherSchool: false,
  },
};

describe('ACCESS', () => {
  it('grants exactly what docs/product.md says, and nothing outside the known actions', () => {
    expect(ACCESS).toEqual(GRANTS);
    for (const role of ACCOUNT_ROLES) for (const action of Object.keys(ACCESS[role])) expect(ACTIONS).toContain(action);
  });

  it('never lets the admin write a case (no impersonation of a SENCO)', () => {
    for (const action of ['case.create', 'case.update', 'case.delete', 'case.consent', 'case.submit'] as const)
      expect(ACCESS.admin[action]).toBeUndefined();
  });
});

describe('ACCESS cannot change at run time', () => {
  it('refuses to widen, add or remove a grant (frozen all the way down, and read-only to the compiler)', () => {
    const senco = ACCESS.senco as Record<string, Scope>;
    expect(() => {
      senco['agenda.edit'] = 'ownSchoolLocality';
    }).toThrow(TypeError);
    expect(() => {
      delete senco['case.read'];
    }).toThrow(TypeError);
    expect(() => {
      (ACCESS as Record<string, unknown>).guest = { 'case.read': 'all' };
    }).toThrow(TypeError);
    expect(() => {
      // @ts-expect-error ACCESS is read-only: this line does not compile.
      ACCESS.ep['person.manage'] = 'all';
    }).toThrow(TypeError);
    expect(ACCESS).toEqual(GRANTS);
    expect(allowed(ACTORS.senco as AccessActor, 'agenda.edit', TARGETS.ownLocality)).toBe(false);
  });
});

describe('a school grant without a school', () => {
  it('is refused, for every action a SENCO holds, rather than let through', () => {
    const senco = ACTORS.senco as AccessActor;
    for (const [action, scope] of Object.entries(ACCESS.senco)) {
      if (scope !== 'ownSchool') continue;
      expect(allowed(senco, action as Action), action).toBe(false);
      expect(allowed(senco, action as Action, { localityId: 'L1' }), action).toBe(false);
      expect(allowed(senco, action as Action, { schoolId: null, localityId: 'L1' }), action).toBe(false);
      expect(allowed(senco, action as Action, { schoolId: 'S1' }), action).toBe(true);
    }
  });
});

describe('allowed: every actor × action × target', () => {
  const cases = Object.entries(ACTORS).flatMap(([who, actor]) =>
    ACTIONS.flatMap((action) =>
      (Object.keys(TARGETS) as TargetName[]).map((target) => {
        const scope = GRANTS[actor.role][action];
        const placed = actor.role === 'admin' || actor.localityIds.length > 0 || actor.schoolId !== null;
        const expected = scope !== undefined && (scope === 'all' || placed) && REACH[scope][target];
        return [who, action, target, expected] as const;
      }),
    ),
  );

  it('covers five actors, thirty-one actions and six targets', () => {
    expect(cases).toHaveLength(5 * 31 * 6);
  });

  it.each(cases)('%s %s on %s: %s', (who, action, target, expected) => {
    expect(allowed(ACTORS[who] as AccessActor, action, TARGETS[target])).toBe(expected);
  });
});

describe('allowedOnCase', () => {
  const draft = { schoolId: 'S1', localityId: 'L1', submitted: false };
  const submitted = { ...draft, submitted: true };

  it('lets an EP read a case of their locality only once it is submitted to a session', () => {
    expect(allowedOnCase(ACTORS.ep as AccessActor, 'case.read', draft)).toBe(false);
    expect(allowedOnCase(ACTORS.ep as AccessActor, 'case.read', submitted)).toBe(true);
    expect(
      allowedOnCase(ACTORS.ep as AccessActor, 'case.read', { ...submitted, schoolId: 'S2', localityId: 'L2' }),
    ).toBe(false);
  });

  it('lets the SENCO act on their own cases, drafts or not, and the admin read them all', () => {
    for (const target of [draft, submitted]) {
      expect(allowedOnCase(ACTORS.senco as AccessActor, 'case.update', target)).toBe(true);
      expect(allowedOnCase(ACTORS.senco as AccessActor, 'case.update', { ...target, schoolId: 'S3' })).toBe(false);
      expect(allowedOnCase(ACTORS.admin as AccessActor, 'case.read', target)).toBe(true);
      expect(allowedOnCase(ACTORS.admin as AccessActor, 'case.update', target)).toBe(false);
    }
  });
});

describe('reach: what a list query may show', () => {
  const placed = Object.values(TARGETS).filter((target) => 'schoolId' in target || 'localityId' in target);

  it('holds exactly the places allowed() says yes to, for every actor and action', () => {
    for (const [who, actor] of Object.entries(ACTORS))
      for (const action of ACTIONS) {
        const where = reach(actor, action);
        for (const target of placed) {
          const inReach =
            where.all ||
            (target.localityId !== undefined && where.localityIds.includes(target.localityId)) ||
            ('schoolId' in target && where.schoolIds.includes(target.schoolId));
          expect(inReach, `${who} ${action} ${JSON.stringify(target)}`).toBe(allowed(actor, action, target));
        }
      }
  });

  it('joins several actions, and says whether an action reaches anything at all', () => {
    const senco = ACTORS.senco as AccessActor;
    expect(reachOfAny(senco, ['school.manage', 'case.read'])).toEqual({
      all: false,
      localityIds: [],
      schoolIds: ['S1'],
    });
    expect(reachOfAny(ACTORS.admin as AccessActor, ['school.manage', 'case.read']).all).toBe(true);
    expect(reachesAnything(senco, 'case.create')).toBe(true);
    expect(reachesAnything(ACTORS.sencoUnplaced as AccessActor, 'case.create')).toBe(false);
    expect(reachesAnything(ACTORS.ep as AccessActor, 'case.list')).toBe(true);
    expect(reachesAnything(ACTORS.admin as AccessActor, 'case.list')).toBe(false);
  });
});
