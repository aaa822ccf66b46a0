import { describe, expect, it } from 'vitest';
import { TokenBuckets } from './tokenBuckets.js';

describe('TokenBuckets', () => {
  it('lets a burst through, then one a second at 60 a minute', () => {
    const buckets = new TokenBuckets(60, 60);
    let passed = 0;
    for (let i = 0; i < 300; i++) {
      if (buckets.waitMs('room', 0) === 0) {
        buckets.take('room', 0);
        passed += 1;
      }
    }
    expect(passed).toBe(60);
    expect(buckets.waitMs('room', 0)).toBe(1000);
    expect(buckets.waitMs('room', 1000)).toBe(0);
    expect(buckets.waitMs('other room', 0)).toBe(0);
  });

  it('refills to the burst and no further', () => {
    const buckets = new TokenBuckets(30, 30);
    for (let i = 0; i < 30; i++) buckets.take('a', 0);
    let passed = 0;
    while (buckets.waitMs('a', 3_600_000) === 0) {
      buckets.take('a', 3_600_000);
      passed += 1;
    }
    expect(passed).toBe(30);
  });
});
