import { describe, expect, it } from 'vitest';
import { findRoute, matchRoute } from './router';

describe('matchRoute', () => {
  it('matches a static path', () => {
    expect(matchRoute('/', '/')).toEqual({});
    expect(matchRoute('/join', '/join')).toEqual({});
    expect(matchRoute('/join', '/join/')).toEqual({});
  });

  it('takes parameters and decodes them', () => {
    expect(matchRoute('/sessions/:id', '/sessions/abc-123')).toEqual({ id: 'abc-123' });
    expect(matchRoute('/join/:code', '/join/AB%20CD')).toEqual({ code: 'AB CD' });
  });

  it('refuses paths of another shape', () => {
    expect(matchRoute('/sessions/:id', '/sessions')).toBeNull();
    expect(matchRoute('/sessions/:id', '/sessions/a/b')).toBeNull();
    expect(matchRoute('/board/:id', '/facilitate/a')).toBeNull();
    expect(matchRoute('/', '/join')).toBeNull();
  });

  it('treats a malformed escape as no match', () => {
    expect(matchRoute('/sessions/:id', '/sessions/%E0%A4%A')).toBeNull();
  });
});

describe('findRoute', () => {
  const routes = [{ path: '/join' }, { path: '/join/:code' }, { path: '/sessions/:id' }];

  it('returns the first route that fits, with its parameters', () => {
    expect(findRoute(routes, '/join/K7QD3X')).toEqual({ route: routes[1], params: { code: 'K7QD3X' } });
    expect(findRoute(routes, '/join')).toEqual({ route: routes[0], params: {} });
  });

  it('returns null when nothing fits', () => {
    expect(findRoute(routes, '/nowhere')).toBeNull();
  });
});
