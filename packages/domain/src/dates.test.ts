import { describe, expect, it } from 'vitest';
import { longDate } from './dates.js';

describe('longDate', () => {
  it('writes a date as people read it in England, whatever the time zone of the machine', () => {
    expect(longDate('2026-11-23')).toBe('23 November 2026');
    expect(longDate('2026-03-01')).toBe('1 March 2026');
  });

  it('leaves nothing as nothing, and text that is not a date as it is', () => {
    expect(longDate('')).toBe('');
    expect(longDate(null)).toBe('');
    expect(longDate('soon')).toBe('soon');
  });
});
