import type { DirectoryEntryFields } from '@consultboard/domain';

/** A directory service's fields for tests and benchmarks: an organisation's plain entry, checked this school year. */
export function buildDirectoryEntry(overrides: Partial<DirectoryEntryFields> = {}): DirectoryEntryFields {
  return {
    name: 'Outreach service',
    offer: 'Advice and training.',
    ageFrom: null,
    ageTo: null,
    areasOfNeed: [],
    eligibility: '',
    access: 'Referral by the SENCO.',
    contact: '',
    website: '',
    lastChecked: '2026-09-01',
    ...overrides,
  };
}
