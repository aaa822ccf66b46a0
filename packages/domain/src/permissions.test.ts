import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES, type CommandType } from './commands.js';
import { ACCOUNT_ROLES, MEETING_PERMISSIONS, MEETING_ROLES, type MeetingRole, mayCommand } from './permissions.js';

/** docs/product.md: the facilitator runs everything, a participant adds cards, the projector only shows. */
const EXPECTED: Record<MeetingRole, (type: CommandType) => boolean> = {
  facilitator: () => true,
  // Item 2 of issue 9: a phone edits and withdraws its own cards (decide checks whose).
  participant: (type) => type === 'card.add' || type === 'card.edit' || type === 'card.withdraw',
  projector: () => false,
};

describe('mayCommand', () => {
  it('knows the three meeting roles', () => {
    expect([...MEETING_ROLES]).toEqual(['facilitator', 'participant', 'projector']);
  });

  const pairs = MEETING_ROLES.flatMap((role) =>
    COMMAND_TYPES.map((type) => [role, type, EXPECTED[role](type)] as const),
  );

  it('covers every command type for each role', () => {
    // Sixteen, and five of issue 9, item 4 (case.previous, case.goTo, card.merge, card.unmerge, join.show), and two
    // of issue 10 (card.release, card.remove: the console's alone, so a phone cannot show its own held card).
    expect(pairs).toHaveLength(3 * (16 + 5 + 2));
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

describe('account roles', () => {
  it('knows the three account roles', () => {
    expect([...ACCOUNT_ROLES]).toEqual(['admin', 'ep', 'senco']);
  });
});
