import type { SessionView } from '@consultboard/domain';
import { describe, expect, it } from 'vitest';
import { submitChoices } from './submitChoices';

function buildSession(overrides: Partial<SessionView>): SessionView {
  return {
    id: 's',
    locality: 'North',
    date: '2026-11-23',
    status: 'draft',
    facilitatorId: 'ep',
    facilitatorName: 'EP North',
    cases: [],
    joinCode: null,
    joinUrl: null,
    createdAt: 0,
    ...overrides,
  };
}

describe('submitChoices', () => {
  it('offers only draft sessions, soonest first', () => {
    const choices = submitChoices([
      buildSession({ id: 'late', date: '2027-01-10' }),
      buildSession({ id: 'live', date: '2026-11-01', status: 'live' }),
      buildSession({ id: 'soon', date: '2026-11-23' }),
      buildSession({ id: 'ended', date: '2026-10-01', status: 'ended' }),
    ]);
    expect(choices.map((session) => session.id)).toEqual(['soon', 'late']);
  });
});
