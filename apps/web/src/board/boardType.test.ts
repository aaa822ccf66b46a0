import { describe, expect, it } from 'vitest';
import { largestFitting, TYPE, typeRange } from './boardType';

describe('board type sizes', () => {
  it('runs cards from 28 px down to 20 px at 1280×720, and in proportion at 1920×1080', () => {
    expect(typeRange(24, TYPE.cards)).toEqual({ floor: 20, max: 28 });
    expect(typeRange(36, TYPE.cards)).toEqual({ floor: 30, max: 42 });
  });

  it('never goes below 20 px, whatever the screen', () => {
    expect(typeRange(16, TYPE.cards).floor).toBe(20);
  });

  it('finds the largest size that fits', () => {
    expect(largestFitting(20, 28, (size) => size <= 23)).toEqual({ value: 23, fits: true });
    expect(largestFitting(20, 28, () => true)).toEqual({ value: 28, fits: true });
    expect(largestFitting(20, 28, () => false)).toEqual({ value: 20, fits: false });
  });
});
