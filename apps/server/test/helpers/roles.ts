import { type AccessActor, accessActor } from '@consultboard/domain';
import { Browser } from './http.js';
import type { World } from './world.js';

/** Who calls: signed out, a phone in the room (no account), and five accounts placed relative to the north area. */
export const ROLES = ['signedOut', 'phone', 'sencoHere', 'sencoOther', 'epHere', 'epOther', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Each role's browser (signed out and the phone have no cookie). */
export function roleBrowsers(world: World): Record<Role, Browser> {
  return {
    signedOut: new Browser(world.baseUrl),
    phone: new Browser(world.baseUrl),
    sencoHere: world.north.senco,
    sencoOther: world.south.senco,
    epHere: world.north.ep,
    epOther: world.south.ep,
    admin: world.admin,
  };
}

/** Where each role belongs, as the ACCESS table sees it (null: no account). */
export function roleActors(world: World): Record<Role, AccessActor | null> {
  const n = world.north;
  const s = world.south;
  return {
    signedOut: null,
    phone: null,
    sencoHere: accessActor('senco', { schoolId: n.school.id, schoolLocalityId: n.locality.id }),
    sencoOther: accessActor('senco', { schoolId: s.school.id, schoolLocalityId: s.locality.id }),
    epHere: accessActor('ep', { localityIds: [n.locality.id] }),
    epOther: accessActor('ep', { localityIds: [s.locality.id] }),
    admin: accessActor('admin'),
  };
}
