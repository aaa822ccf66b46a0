import { describe, expect, it, vi } from 'vitest';
import { createDebounce } from './debounce';

describe('createDebounce', () => {
  it('runs once after the last call, and not before', () => {
    vi.useFakeTimers();
    const action = vi.fn();
    const debounced = createDebounce(action);
    debounced.schedule(600);
    vi.advanceTimersByTime(500);
    debounced.schedule(600);
    vi.advanceTimersByTime(500);
    expect(action).not.toHaveBeenCalled();
    expect(debounced.isWaiting()).toBe(true);
    vi.advanceTimersByTime(100);
    expect(action).toHaveBeenCalledTimes(1);
    expect(debounced.isWaiting()).toBe(false);
    vi.useRealTimers();
  });

  it('flushes a waiting run now, and does nothing when none waits', () => {
    vi.useFakeTimers();
    const action = vi.fn();
    const debounced = createDebounce(action);
    debounced.flush();
    expect(action).not.toHaveBeenCalled();
    debounced.schedule(600);
    debounced.flush();
    expect(action).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    expect(action).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
  });

  it('cancels a waiting run', () => {
    vi.useFakeTimers();
    const action = vi.fn();
    const debounced = createDebounce(action);
    debounced.schedule(600);
    debounced.cancel();
    vi.advanceTimersByTime(1000);
    expect(action).not.toHaveBeenCalled();
    vi.useRealTimers();
  });
});
