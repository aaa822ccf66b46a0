import { describe, expect, it } from 'vitest';
import { formatDate, todayIso } from './format';

describe('formatDate', () => {
  it('writes the date the British way', () => {
    expect(formatDate('2026-03-14')).toBe('14 March 2026');
    expect(formatDate('2025-12-01')).toBe('1 December 2025');
  });

  it('leaves anything else as it came', () => {
    expect(formatDate('soon')).toBe('soon');
  });
});

describe('todayIso', () => {
  it('pads month and day', () => {
    expect(todayIso(new Date(2026, 0, 5, 12))).toBe('2026-01-05');
  });
});
