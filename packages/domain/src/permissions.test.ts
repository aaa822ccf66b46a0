import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES, type CommandType } from './commands.js';
import {
  ACCOUNT_ROLES,
  type Actor,
  MEETING_PERMISSIONS,
  MEETING_ROLES,
  type MeetingRole,
  mayCommand,
  mayCreateSession,
  mayFacilitate,
} from './permissions.js';

/** PRODUCT.md: the facilitator runs everything, a participant adds cards, the projector only shows. */
const EXPECTED: Record<MeetingRole, (type: CommandType) => boolean> = {
  facilitator: () => true,
  participant: (type) => type === 'card.add',
  projector: () => false,
};

describe('mayCommand', () => {
  it('knows the three meeting roles', () => {
    expect([...MEETING_ROLES]).toEqual(['facilitator', 'participant', 'projector']);
  });

  const pairs = MEETING_ROLES.flatMap((role) =>
    COMMAND_TYPES.map((type) => [role, type, EXPECTED[role](type)] as const),
  );

  it('covers all fourteen command types for each role', () => {
    expect(pairs).toHaveLength(3 * 14);
  });

  it.each(pairs)('%s sending %s: %s', (role, type, allowed) => {
    expect(mayCommand(role, type)).toBe(allowed);
  });

  it('grants nothing outside the known command types', () => {
    for (const role of MEETING_ROLES) {
      for (const type of MEETING_PERMISSIONS[role]) expect(COMMAND_TYPES).toContain(type);
    }
  });
});

describe('mayFacilitate', () => {
  const session = { facilitatorId: 'user-ep-a' };
  const actor = (role: Actor['role'], userId: string): Actor => ({ role, userId });

  it('lets an EPS admin run any session', () => {
    expect(mayFacilitate(actor('admin', 'user-admin'), session)).toBe(true);
  });

  it('lets the EP who facilitates the session run it', () => {
    expect(mayFacilitate(actor('ep', 'user-ep-a'), session)).toBe(true);
  });

  it('refuses another EP', () => {
    expect(mayFacilitate(actor('ep', 'user-ep-b'), session)).toBe(false);
  });

  it('refuses a SENCO, even one whose id matches', () => {
    expect(mayFacilitate(actor('senco', 'user-senco-a'), session)).toBe(false);
    expect(mayFacilitate(actor('senco', 'user-ep-a'), session)).toBe(false);
  });
});

describe('mayCreateSession', () => {
  it('knows the three account roles', () => {
    expect([...ACCOUNT_ROLES]).toEqual(['admin', 'ep', 'senco']);
  });

  it.each([
    ['admin', true],
    ['ep', true],
    ['senco', false],
  ] as const)('%s: %s', (role, allowed) => {
    expect(mayCreateSession({ role, userId: `user-${role}` })).toBe(allowed);
  });
});
