import { describe, expect, it } from 'vitest';
import { SIGN_IN_LIMITS, SignInLimiter } from './signInLimiter.js';

const fail = (limiter: SignInLimiter, address: string, email: string, now: number) => {
  const attempt = limiter.begin(address, email, now);
  if ('retryAfterMs' in attempt) throw new Error(`refused: wait ${attempt.retryAfterMs} ms`);
};
const waitOf = (limiter: SignInLimiter, address: string, email: string, now: number) => {
  const attempt = limiter.begin(address, email, now);
  return 'retryAfterMs' in attempt ? attempt.retryAfterMs : 0;
};

describe('SignInLimiter', () => {
  it('lets five failures through, then doubles the wait from one second up to a quarter of an hour', () => {
    const limiter = new SignInLimiter();
    let now = 0;
    for (let i = 0; i < 5; i++) fail(limiter, 'a', 'x@eps.example', now);
    const waits: number[] = [];
    for (let i = 0; i < 14; i++) {
      const wait = waitOf(limiter, 'a', 'x@eps.example', now);
      waits.push(wait);
      now += wait;
      fail(limiter, 'a', 'x@eps.example', now);
    }
    expect(waits.slice(0, 5)).toEqual([1000, 2000, 4000, 8000, 16000]);
    expect(waits.at(-1)).toBe(15 * 60_000);
  });

  it('keeps each account behind an address apart, and never counts a success', () => {
    const limiter = new SignInLimiter();
    for (let i = 0; i < 5; i++) fail(limiter, 'school', 'colleague@eps.example', 0);
    expect(waitOf(limiter, 'school', 'colleague@eps.example', 1)).toBeGreaterThan(0);
    expect(waitOf(limiter, 'elsewhere', 'colleague@eps.example', 1)).toBe(0);
    for (let i = 0; i < 500; i++) {
      const attempt = limiter.begin('school', 'admin@eps.example', 1);
      if ('retryAfterMs' in attempt) throw new Error('the admin was refused');
      attempt.succeeded();
    }
  });

  it('refuses every account behind an address past the much higher ceiling of failures, until the window ends', () => {
    const limiter = new SignInLimiter();
    for (let i = 0; i < SIGN_IN_LIMITS.failuresPerAddress; i++) fail(limiter, 'sprayer', `p${i}@eps.example`, 0);
    expect(waitOf(limiter, 'sprayer', 'admin@eps.example', 1)).toBe(SIGN_IN_LIMITS.windowMs - 1);
    expect(waitOf(limiter, 'sprayer', 'admin@eps.example', SIGN_IN_LIMITS.windowMs)).toBe(0);
  });

  it('forgets an account only after a quiet spell, so waiting out one block does not start again at zero', () => {
    const limiter = new SignInLimiter();
    for (let i = 0; i < 5; i++) fail(limiter, 'a', 'x@eps.example', 0);
    fail(limiter, 'a', 'x@eps.example', 1000);
    fail(limiter, 'a', 'x@eps.example', 3000);
    // A refused attempt does not count, and says how long is left.
    expect(waitOf(limiter, 'a', 'x@eps.example', 3001)).toBe(3999);
    expect(waitOf(limiter, 'a', 'x@eps.example', 3002)).toBe(3998);
    fail(limiter, 'a', 'x@eps.example', 7000);
    expect(waitOf(limiter, 'a', 'x@eps.example', 7001)).toBe(7999);
    const later = 15_000 + SIGN_IN_LIMITS.maxWaitMs;
    fail(limiter, 'a', 'x@eps.example', later);
    expect(waitOf(limiter, 'a', 'x@eps.example', later + 1)).toBe(0);
  });

  it('stays bounded in memory under made-up e-mails', () => {
    const limiter = new SignInLimiter({ ...SIGN_IN_LIMITS, maxKeys: 100, failuresPerAddress: 1e9 });
    for (let i = 0; i < 1000; i++) fail(limiter, `a${i % 7}`, `p${i}@eps.example`, i);
    expect((limiter as unknown as { backoff: Map<string, unknown> }).backoff.size).toBeLessThanOrEqual(100);
  });
});
