import { type AccessActor, type AccessTarget, accessActor, type CaseAccessTarget } from '@consultboard/domain';
import type { CaseRow } from '../db/cases.js';
import type { ConsultSessionRow } from '../db/consultSessions.js';
import type { Repos } from '../db/repos.js';
import type { UserRow } from '../db/users.js';

/** Where a signed-in account belongs, for the ACCESS table: an EP's localities, a SENCO's school and its locality. */
export function actorOf(repos: Repos, user: UserRow): AccessActor {
  const school = user.school_id ? repos.localities.school(user.school_id) : undefined;
  return accessActor(user.role, {
    localityIds: user.role === 'ep' ? repos.users.localitiesOf(user.id) : [],
    schoolId: school?.id ?? null,
    schoolLocalityId: school?.localityId ?? null,
  });
}

// A session made before localities existed belongs to no locality: only an 'all' grant reaches it.
const NO_LOCALITY = '';

/** What a session sits in: its locality. */
export function sessionTarget(row: ConsultSessionRow): AccessTarget {
  return { localityId: row.locality_id ?? NO_LOCALITY };
}

/** What a case sits in: its school, that school's locality, and whether it is before the locality yet. */
export function caseTarget(row: CaseRow): CaseAccessTarget {
  return { schoolId: row.school_id, localityId: row.locality_id, submitted: row.submitted_session_id !== null };
}
