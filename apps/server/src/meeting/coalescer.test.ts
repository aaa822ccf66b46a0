import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Coalescer } from './coalescer.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('Coalescer', () => {
  it('runs once per interval per key, however many times it is asked', () => {
    const runs: string[] = [];
    const coalescer = new Coalescer(250, (key) => runs.push(key));
    for (let i = 0; i < 100; i++) coalescer.request('s1');
    coalescer.request('s2');
    expect(runs).toEqual([]);
    vi.advanceTimersByTime(250);
    expect(runs).toEqual(['s1', 's2']);
    coalescer.request('s1');
    vi.advanceTimersByTime(249);
    expect(runs).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(runs).toEqual(['s1', 's2', 's1']);
  });
});
