import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AwarenessThrottle } from './awarenessThrottle.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('AwarenessThrottle', () => {
  it('lets the budget through at once, then coalesces the rest into the latest', () => {
    const delivered: number[] = [];
    const throttle = new AwarenessThrottle<number>(
      10,
      (n) => delivered.push(n),
      () => Date.now(),
    );
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
    const throttle = new AwarenessThrottle<number>(
      10,
      (n) => delivered.push(n),
      () => Date.now(),
    );
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

  it('delivers nothing after it is disposed', () => {
    const delivered: number[] = [];
    const throttle = new AwarenessThrottle<number>(
      2,
      (n) => delivered.push(n),
      () => Date.now(),
    );
    for (let i = 0; i < 5; i++) throttle.offer(i);
    throttle.dispose();
    vi.advanceTimersByTime(5000);
    expect(delivered).toEqual([0, 1]);
  });
});
