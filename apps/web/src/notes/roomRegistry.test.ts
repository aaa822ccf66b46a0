import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RoomRegistry } from './roomRegistry';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function setUp() {
  const destroyed: string[] = [];
  let created = 0;
  const registry = new RoomRegistry<{ name: string }>((room) => destroyed.push(room.name), 1000);
  const create = (name: string) => () => {
    created++;
    return { name };
  };
  return { registry, destroyed, create, created: () => created };
}

describe('RoomRegistry', () => {
  it('creates a room once for many users and destroys it after the last lets go', () => {
    const { registry, destroyed, create, created } = setUp();
    const a = registry.acquire('case:1', create('one'));
    const b = registry.acquire('case:1', create('one again'));
    expect(b.value).toBe(a.value);
    expect(created()).toBe(1);
    a.release();
    vi.advanceTimersByTime(5000);
    expect(destroyed).toEqual([]);
    b.release();
    expect(destroyed).toEqual([]);
    vi.advanceTimersByTime(1000);
    expect(destroyed).toEqual(['one']);
    expect(registry.size).toBe(0);
  });

  it('hands the same room to a component that remounts within the grace period', () => {
    const { registry, destroyed, create, created } = setUp();
    const first = registry.acquire('case:1', create('one'));
    first.release();
    const second = registry.acquire('case:1', create('two'));
    vi.advanceTimersByTime(5000);
    expect(second.value.name).toBe('one');
    expect(created()).toBe(1);
    expect(destroyed).toEqual([]);
  });

  it('counts a release once, however often it is called', () => {
    const { registry, destroyed, create } = setUp();
    const a = registry.acquire('case:1', create('one'));
    const b = registry.acquire('case:1', create('one'));
    a.release();
    a.release();
    vi.advanceTimersByTime(5000);
    expect(destroyed).toEqual([]);
    b.release();
    vi.advanceTimersByTime(1000);
    expect(destroyed).toEqual(['one']);
  });

  it('keeps rooms apart by key and makes a fresh one after destroying', () => {
    const { registry, destroyed, create, created } = setUp();
    const one = registry.acquire('case:1', create('one'));
    const two = registry.acquire('case:2', create('two'));
    expect(registry.size).toBe(2);
    one.release();
    vi.advanceTimersByTime(1000);
    expect(destroyed).toEqual(['one']);
    expect(registry.has('case:2')).toBe(true);
    const again = registry.acquire('case:1', create('one, later'));
    expect(again.value.name).toBe('one, later');
    expect(created()).toBe(3);
    two.release();
  });
});
