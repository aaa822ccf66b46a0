import { describe, expect, it } from 'vitest';
import { rangeProblems, schoolYearStart } from './packRange';

describe('the evidence pack range', () => {
  it('starts on 1 September of the school year the day is in', () => {
    expect(schoolYearStart('2026-11-30')).toBe('2026-09-01');
    expect(schoolYearStart('2027-07-20')).toBe('2026-09-01');
    expect(schoolYearStart('2026-09-01')).toBe('2026-09-01');
    expect(schoolYearStart('2026-08-31')).toBe('2025-09-01');
  });

  it('asks for both days, the first before the last', () => {
    expect(rangeProblems('2026-09-01', '2027-07-31')).toEqual({});
    expect(rangeProblems('', '2027-07-31')).toEqual({ from: 'Enter the first day.' });
    expect(rangeProblems('2027-09-01', '2027-07-31')).toEqual({ to: 'The last day comes after the first.' });
  });
});
