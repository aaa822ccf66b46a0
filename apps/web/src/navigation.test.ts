import { describe, expect, it } from 'vitest';
import { homePathForRole, isCurrentNav, navForRole } from './navigation';

describe('navForRole', () => {
  it('gives each role its own header links in order', () => {
    expect(navForRole('admin').map((item) => item.label)).toEqual([
      'Sessions',
      'Localities and schools',
      'People',
      'Reviews',
      'Audit log',
    ]);
    expect(navForRole('ep').map((item) => item.label)).toEqual(['Sessions', 'Cases', 'Reviews']);
    expect(navForRole('senco').map((item) => item.label)).toEqual(['Cases', 'Sessions']);
  });

  it('offers Reviews to the EP and the admin, not to a SENCO', () => {
    expect(navForRole('senco').map((item) => item.href)).not.toContain('/reviews');
    expect(navForRole('ep').map((item) => item.href)).toContain('/reviews');
    expect(navForRole('admin').map((item) => item.href)).toContain('/reviews');
  });

  it('never offers people or the audit log to an EP or a SENCO', () => {
    for (const role of ['ep', 'senco'] as const) {
      const hrefs = navForRole(role).map((item) => item.href);
      expect(hrefs).not.toContain('/people');
      expect(hrefs).not.toContain('/audit');
    }
  });
});

describe('homePathForRole and isCurrentNav', () => {
  it('sends a SENCO home to cases and the others to sessions', () => {
    expect(homePathForRole('senco')).toBe('/cases');
    expect(homePathForRole('ep')).toBe('/sessions');
    expect(homePathForRole('admin')).toBe('/sessions');
  });

  it('marks the link of the page, its sub-pages and the home', () => {
    const [cases, sessions] = navForRole('senco');
    if (!cases || !sessions) throw new Error('missing links');
    expect(isCurrentNav(cases, '/', 'senco')).toBe(true);
    expect(isCurrentNav(sessions, '/', 'senco')).toBe(false);
    expect(isCurrentNav(cases, '/cases/abc', 'senco')).toBe(true);
    expect(isCurrentNav(sessions, '/sessions/abc', 'senco')).toBe(true);
    expect(isCurrentNav(cases, '/casesx', 'senco')).toBe(false);
  });
});
