import type { PersonView } from '@consultboard/domain';

export const ROLE_LABELS: Record<PersonView['role'], string> = {
  admin: 'EPS admin',
  ep: 'EP',
  senco: 'SENCO',
};

export const PERSON_STATUS_LABELS: Record<PersonView['status'], string> = {
  invited: 'Invited',
  active: 'Active',
  deactivated: 'Deactivated',
};

/** Where a person belongs, in words: an EP's localities or a SENCO's school. */
export function personPlace(
  person: Pick<PersonView, 'role' | 'localityIds' | 'schoolId'>,
  localityNames: ReadonlyMap<string, string>,
  schoolNames: ReadonlyMap<string, string>,
): string {
  if (person.role === 'ep')
    return person.localityIds.map((id) => localityNames.get(id) ?? 'Unknown locality').join(', ');
  if (person.role === 'senco' && person.schoolId) return schoolNames.get(person.schoolId) ?? 'Unknown school';
  return '';
}
