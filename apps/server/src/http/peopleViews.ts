import type { PersonView } from '@consultboard/domain';
import type { Repos } from '../db/repos.js';
import { isInvited, type UserRow } from '../db/users.js';

/** A person as the admin's people page sees them: role, status and where they belong. */
export function toPersonView(repos: Repos, row: UserRow): PersonView {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    status: row.deactivated_at !== null ? 'deactivated' : isInvited(row) ? 'invited' : 'active',
    localityIds: row.role === 'ep' ? repos.users.localitiesOf(row.id) : [],
    schoolId: row.school_id,
  };
}
