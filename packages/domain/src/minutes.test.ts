import { describe, expect, it } from 'vitest';
import { ftsQuery, minutesSearchSchema, retentionRequestSchema } from './minutes.js';

describe('ftsQuery', () => {
  it('quotes every word, so nothing typed is read as FTS5 syntax', () => {
    expect(ftsQuery('visual timetable')).toBe('"visual" "timetable"');
    expect(ftsQuery('NEAR(assembly OR lunch')).toBe('"NEAR(assembly" "OR" "lunch"');
    expect(ftsQuery('say "hello"')).toBe('"say" """hello"""');
    expect(ftsQuery('AND NOT minutes:plan')).toBe('"AND" "NOT" "minutes:plan"');
  });

  it('drops words with no letter or digit, and keeps at most twelve', () => {
    expect(ftsQuery('" * ( ) -')).toBe('');
    expect(ftsQuery('   ')).toBe('');
    expect(ftsQuery(Array.from({ length: 20 }, (_, i) => `w${i}`).join(' ')).split(' ')).toHaveLength(12);
  });
});

describe('the locality file schemas', () => {
  it('takes an empty search and refuses a search over 200 characters', () => {
    expect(minutesSearchSchema.parse({})).toMatchObject({ q: '', limit: 20 });
    expect(minutesSearchSchema.parse({ area: '', from: '' })).toMatchObject({ area: undefined, from: undefined });
    expect(minutesSearchSchema.safeParse({ q: 'a'.repeat(201) }).success).toBe(false);
    expect(minutesSearchSchema.safeParse({ outcome: 'maybe' }).success).toBe(false);
  });

  it('keeps minutes a whole number of years from 1 to 50', () => {
    expect(retentionRequestSchema.safeParse({ years: 7 }).success).toBe(true);
    for (const years of [0, 51, 2.5, '7']) expect(retentionRequestSchema.safeParse({ years }).success).toBe(false);
  });
});
