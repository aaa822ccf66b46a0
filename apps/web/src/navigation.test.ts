import { accessActor } from '@consultboard/domain';
import { describe, expect, it } from 'vitest';
import { homePath, isCurrentNav, navFor } from './navigation';

const ADMIN = accessActor('admin');
const EP = accessActor('ep', { localityIds: ['L1'] });
const SENCO = accessActor('senco', { schoolId: 'S1', schoolLocalityId: 'L1' });
const labels = (items: { label: string }[]) => items.map((item) => item.label);

describe('navFor (asked of the ACCESS table)', () => {
  it('gives each account its own header links in order', () => {
    expect(labels(navFor(ADMIN))).toEqual([
      'Sessions',
      'Localities and schools',
      'People',
      'Reviews',
      'Locality file',
      'Strategy bank',
      'Directory',
      'Themes',
      'Audit log',
      'Stage templates',
    ]);
    expect(labels(navFor(EP))).toEqual([
      'Sessions',
      'Cases',
      'Reviews',
      'Locality file',
      'Strategy bank',
      'Directory',
      'Themes',
      'Stage templates',
    ]);
    expect(labels(navFor(SENCO))).toEqual([
      'Cases',
      'Sessions',
      'Locality file',
      'Strategy bank',
      'Directory',
      'Evidence pack',
    ]);
  });

  it('offers Reviews to the EP and the admin, not to a SENCO', () => {
    expect(navFor(SENCO).map((item) => item.href)).not.toContain('/reviews');
    expect(navFor(EP).map((item) => item.href)).toContain('/reviews');
    expect(navFor(ADMIN).map((item) => item.href)).toContain('/reviews');
  });

  it('never offers people or the audit log to an EP or a SENCO', () => {
    for (const actor of [EP, SENCO]) {
      const hrefs = navFor(actor).map((item) => item.href);
      expect(hrefs).not.toContain('/people');
      expect(hrefs).not.toContain('/audit');
    }
  });

  it('offers nothing an account placed nowhere could use', () => {
    expect(navFor(accessActor('senco'))).toEqual([]);
    expect(navFor(accessActor('ep'))).toEqual([]);
  });
});

describe('homePath and isCurrentNav', () => {
  it('sends whoever creates cases (a SENCO) home to cases and the others to sessions', () => {
    expect(homePath(SENCO)).toBe('/cases');
    expect(homePath(EP)).toBe('/sessions');
    expect(homePath(ADMIN)).toBe('/sessions');
  });

  it('marks the link of the page, its sub-pages and the home', () => {
    const [cases, sessions] = navFor(SENCO);
    if (!cases || !sessions) throw new Error('missing links');
    expect(isCurrentNav(cases, '/', SENCO)).toBe(true);
    expect(isCurrentNav(sessions, '/', SENCO)).toBe(false);
    expect(isCurrentNav(cases, '/cases/abc', SENCO)).toBe(true);
    expect(isCurrentNav(sessions, '/sessions/abc', SENCO)).toBe(true);
    expect(isCurrentNav(cases, '/casesx', SENCO)).toBe(false);
  });
});
