import { describe, expect, it } from 'vitest';
import { personPlace } from './personLabels';

describe('personPlace', () => {
  const localities = new Map([
    ['l1', 'North'],
    ['l2', 'South'],
  ]);
  const schools = new Map([['s1', 'Northfield Primary']]);

  it('names an EP’s localities and a SENCO’s school', () => {
    expect(personPlace({ role: 'ep', localityIds: ['l1', 'l2'], schoolId: null }, localities, schools)).toBe(
      'North, South',
    );
    expect(personPlace({ role: 'senco', localityIds: [], schoolId: 's1' }, localities, schools)).toBe(
      'Northfield Primary',
    );
    expect(personPlace({ role: 'admin', localityIds: [], schoolId: null }, localities, schools)).toBe('');
  });
});
