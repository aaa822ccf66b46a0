import { describe, expect, it } from 'vitest';
import { bankSearchWords, halfTermLabel, halfTermOf, normaliseBankText } from './bankRules.js';

describe('the strategy bank rules', () => {
  it('keys the same strategy typed differently as one entry', () => {
    expect(normaliseBankText('  Visual   timetable for the day. ')).toBe('visual timetable for the day');
    expect(normaliseBankText('VISUAL timetable for the day')).toBe('visual timetable for the day');
    expect(normaliseBankText('Now and next board!')).not.toBe(normaliseBankText('Now and next'));
  });

  it('splits a search into at most eight distinct normalised words', () => {
    expect(bankSearchWords('  Visual  VISUAL timetable. ')).toEqual(['visual', 'timetable']);
    expect(bankSearchWords('a b c d e f g h i j')).toHaveLength(8);
    expect(bankSearchWords('   ')).toEqual([]);
  });

  it('names the half term of a date and nothing finer', () => {
    expect(halfTermOf('2026-09-14')).toBe(20261);
    expect(halfTermLabel(20261)).toBe('Autumn 1 2026-27');
    expect(halfTermLabel(halfTermOf('2026-11-30') as number)).toBe('Autumn 2 2026-27');
    expect(halfTermLabel(halfTermOf('2027-01-10') as number)).toBe('Spring 1 2026-27');
    expect(halfTermLabel(halfTermOf('2027-03-01') as number)).toBe('Spring 2 2026-27');
    expect(halfTermLabel(halfTermOf('2027-05-10') as number)).toBe('Summer 1 2026-27');
    expect(halfTermLabel(halfTermOf('2027-07-20') as number)).toBe('Summer 2 2026-27');
    expect(halfTermLabel(halfTermOf('2099-12-31') as number)).toBe('Autumn 2 2099-00');
    expect(halfTermOf('not a date')).toBeNull();
    expect(halfTermOf('2026-13-01')).toBeNull();
  });
});
