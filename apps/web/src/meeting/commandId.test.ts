import { describe, expect, it } from 'vitest';
import { makeCommandId } from './commandId';

describe('makeCommandId', () => {
  it('makes ids the server accepts', () => {
    for (let i = 0; i < 50; i++) {
      const id = makeCommandId();
      expect(id).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    }
  });

  it('does not repeat', () => {
    const ids = new Set(Array.from({ length: 500 }, () => makeCommandId()));
    expect(ids.size).toBe(500);
  });

  it('skips biased bytes and tries again when too few remain', () => {
    let calls = 0;
    const random = (bytes: Uint8Array) => {
      calls++;
      bytes.fill(calls === 1 ? 255 : 1);
      return bytes;
    };
    expect(makeCommandId(random)).toBe('b'.repeat(16));
    expect(calls).toBe(2);
  });
});
