import { describe, expect, it } from 'vitest';
import { directoryEntryFieldsSchema, isWebAddress, needsChecking } from './directory.js';
import { decide, foldEvents, initialMeetingState, sessionStartedEvent } from './meeting.js';
import { DEFAULT_STAGES } from './stages.js';

const entry = {
  name: 'Autism outreach team',
  offer: 'Advice for schools.',
  ageFrom: 4,
  ageTo: 11,
  areasOfNeed: ['communication-and-interaction'],
  eligibility: '',
  access: 'Referral by the SENCO.',
  contact: '0300 123 4567',
  website: 'https://localoffer.example.org/autism',
  lastChecked: '2026-01-31',
};

describe('a directory entry', () => {
  it('is due a check 12 months after it was last checked, to the day', () => {
    expect(needsChecking('2025-11-30', '2026-11-29')).toBe(false);
    expect(needsChecking('2025-11-30', '2026-11-30')).toBe(true);
    expect(needsChecking('2024-02-29', '2025-02-28')).toBe(false);
    expect(needsChecking('2026-06-01', '2026-11-30')).toBe(false);
  });

  it('takes only web addresses as websites', () => {
    expect(isWebAddress('')).toBe(true);
    expect(isWebAddress('https://localoffer.example.org')).toBe(true);
    for (const bad of ['javascript:alert(1)', 'data:text/html,hi', 'localoffer', 'ftp://files.example.org'])
      expect(isWebAddress(bad), bad).toBe(false);
  });

  it('trims its fields and refuses an age range that ends before it starts', () => {
    expect(directoryEntryFieldsSchema.parse({ ...entry, name: '  Autism outreach team \r\n' }).name).toBe(
      'Autism outreach team',
    );
    expect(directoryEntryFieldsSchema.safeParse({ ...entry, ageFrom: 12, ageTo: 5 }).success).toBe(false);
    expect(directoryEntryFieldsSchema.safeParse({ ...entry, access: ' ' }).success).toBe(false);
    expect(directoryEntryFieldsSchema.safeParse({ ...entry, name: 'Outreach \u202e team' }).success).toBe(false);
  });
});

describe('a Resource card linked to a directory entry', () => {
  const live = foldEvents(initialMeetingState, [
    {
      seq: 1,
      at: 1,
      ...sessionStartedEvent([{ id: 'c1', reference: 'J5M', kind: 'child' }], DEFAULT_STAGES),
    },
    { seq: 2, at: 2, type: 'stage.changed', caseIndex: 0, stageIndex: 4, timer: { status: 'stopped', remainingMs: 1 } },
  ]);
  const service = { id: 'e1', name: 'Autism outreach team', access: 'Referral by the SENCO.' };
  const add = (kind: 'resource' | 'strategy', directoryEntryId?: string) =>
    decide(
      live,
      {
        id: 'cmd-1',
        type: 'card.add',
        caseId: 'c1',
        stageId: 'strategies-and-resources',
        kind,
        text: 'Autism outreach team',
        ...(directoryEntryId ? { directoryEntryId } : {}),
      },
      { now: 3, author: 'SENCO A', findService: (id) => (id === 'e1' ? service : undefined) },
    );

  it('carries the entry it links to in its event', () => {
    const decision = add('resource', 'e1');
    expect(decision.ok && decision.event.type === 'card.added' && decision.event.card.service).toEqual(service);
    const plain = add('resource');
    expect(plain.ok && plain.event.type === 'card.added' && plain.event.card.service).toBeUndefined();
  });

  it('is refused for an entry the server did not find, and on any other kind of card', () => {
    expect(add('resource', 'elsewhere')).toMatchObject({ ok: false, code: 'no_such_service' });
    expect(add('strategy', 'e1')).toMatchObject({ ok: false, code: 'no_such_service' });
  });
});
