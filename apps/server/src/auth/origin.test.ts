import { describe, expect, it } from 'vitest';
import { allowedOrigins, isAllowedOrigin, parseAllowedOrigins } from './origin.js';

describe('allowedOrigins', () => {
  it("is PUBLIC_URL's origin and the listed ones, never a name the request gives itself", () => {
    const allowed = allowedOrigins('https://consultboard.example/app', 3000, ['https://cb.school.example']);
    expect([...allowed]).toEqual(['https://consultboard.example', 'https://cb.school.example']);
    expect(isAllowedOrigin('http://localhost:3000', allowed)).toBe(false);
    expect(isAllowedOrigin('https://evil.example', allowed)).toBe(false);
    expect(isAllowedOrigin('null', allowed)).toBe(false);
    expect(isAllowedOrigin(undefined, allowed)).toBe(true);
  });

  it('is the loopback names of the listening port when PUBLIC_URL is unset', () => {
    expect([...allowedOrigins(null, 4123)]).toEqual([
      'http://localhost:4123',
      'http://127.0.0.1:4123',
      'http://[::1]:4123',
    ]);
  });
});

describe('parseAllowedOrigins', () => {
  it('reads a comma-separated list, forgiving spaces, a trailing slash and capitals', () => {
    expect(parseAllowedOrigins(' https://CB.example/ , http://10.0.0.5:3000,')).toEqual([
      'https://cb.example',
      'http://10.0.0.5:3000',
    ]);
    expect(parseAllowedOrigins(undefined)).toEqual([]);
  });

  it.each(['cb.example', 'ftp://cb.example', 'https://cb.example/join', 'https://cb.example?x=1', '*'])(
    'refuses %j with a clear message',
    (raw) => {
      expect(() => parseAllowedOrigins(raw)).toThrow(/ALLOWED_ORIGINS must list origins/);
    },
  );
});
