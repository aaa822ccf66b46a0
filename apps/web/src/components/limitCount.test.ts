import { describe, expect, it } from 'vitest';
import { limitCount, overLimitMessage } from './limitCount';

describe('limitCount', () => {
  it('says nothing below 90% of the limit, then "940 of 1,000"', () => {
    expect(limitCount(899, 1000)).toBeNull();
    expect(limitCount(900, 1000)).toBe('900 of 1,000');
    expect(limitCount(940, 1000)).toBe('940 of 1,000');
    expect(limitCount(1020, 1000)).toBe('1,020 of 1,000');
    expect(limitCount(35, 40)).toBeNull();
    expect(limitCount(36, 40)).toBe('36 of 40');
  });
});

describe('overLimitMessage', () => {
  it('says by how much a text is over, and that nothing was cut', () => {
    expect(overLimitMessage(1000, 1000)).toBeNull();
    expect(overLimitMessage(1001, 1000)).toBe(
      'This is 1 character over the limit of 1,000. Shorten it to carry on: nothing has been cut.',
    );
    expect(overLimitMessage(1250, 1000)).toContain('250 characters over');
  });
});
