import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Throttle } from './throttle.js';
import { TokenBucket } from './tokenBucket.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const tenASecond = () => new TokenBucket(10, 100, () => Date.now());

describe('Throttle', () => {
  it('lets the budget through at once, then coalesces the rest into the latest', () => {
    const delivered: number[] = [];
    const throttle = new Throttle<number>([tenASecond()], (n) => delivered.push(n));
    for (let i = 0; i < 50; i++) throttle.offer(i);
    expect(delivered).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(throttle.coalesced).toBe(39);

    vi.advanceTimersByTime(100);
    expect(delivered.at(-1)).toBe(49);
    expect(delivered).toHaveLength(11);
    vi.advanceTimersByTime(5000);
    expect(delivered).toHaveLength(11);
  });

  it('holds a steady 60-a-second caret to about 10 a second, ending where it stopped', () => {
    const delivered: number[] = [];
    const throttle = new Throttle<number>([tenASecond()], (n) => delivered.push(n));
    for (let i = 0; i < 600; i++) {
      throttle.offer(i);
      vi.advanceTimersByTime(1000 / 60);
    }
    vi.advanceTimersByTime(1000);
    // Ten seconds at ten a second, plus the starting budget.
    expect(delivered.length).toBeGreaterThanOrEqual(100);
    expect(delivered.length).toBeLessThanOrEqual(112);
    expect(delivered.at(-1)).toBe(599);
    expect(delivered).toEqual([...delivered].sort((a, b) => a - b));
  });

  it('shares one budget between throttles: twenty flooding together get what one would', () => {
    const shared = tenASecond();
    const delivered: number[] = [];
    const throttles = Array.from({ length: 20 }, () => new Throttle<number>([shared], (n) => delivered.push(n)));
    for (let i = 0; i < 300; i++) {
      for (const throttle of throttles) throttle.offer(i);
      vi.advanceTimersByTime(1000 / 60);
    }
    vi.advanceTimersByTime(1000);
    // Six seconds at ten a second, plus the starting budget: not twenty times that.
    expect(delivered.length).toBeGreaterThanOrEqual(60);
    expect(delivered.length).toBeLessThanOrEqual(10 + 6 * 10 + 1);
  });

  it('waits for the tightest of several budgets', () => {
    const own = new TokenBucket(3, 5000, () => Date.now());
    const delivered: number[] = [];
    const throttle = new Throttle<number>([own, tenASecond()], (n) => delivered.push(n));
    for (let i = 0; i < 200; i++) throttle.offer(i);
    expect(delivered).toEqual([0, 1, 2]);
    vi.advanceTimersByTime(4999);
    expect(delivered).toEqual([0, 1, 2]);
    vi.advanceTimersByTime(1);
    expect(delivered).toEqual([0, 1, 2, 199]);
  });

  it('delivers nothing after it is disposed', () => {
    const delivered: number[] = [];
    const throttle = new Throttle<number>([new TokenBucket(2, 500, () => Date.now())], (n) => delivered.push(n));
    for (let i = 0; i < 5; i++) throttle.offer(i);
    throttle.dispose();
    vi.advanceTimersByTime(5000);
    expect(delivered).toEqual([0, 1]);
  });
});
