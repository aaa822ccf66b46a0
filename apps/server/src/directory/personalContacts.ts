import { type DirectoryEntryFields, findPersonalData } from '@consultboard/domain';

/** Words of an e-mail's local part that say it is a team's or a service's box, not a person's. */
const GENERIC_MAILBOX = new Set([
  'admin',
  'advice',
  'contact',
  'duty',
  'enquiries',
  'enquiry',
  'family',
  'families',
  'frontdoor',
  'help',
  'helpline',
  'hello',
  'hub',
  'info',
  'information',
  'localoffer',
  'office',
  'outreach',
  'referral',
  'referrals',
  'reception',
  'send',
  'sendiass',
  'service',
  'services',
  'support',
  'team',
  'triage',
]);

/** The fields a person's details could hide in, with the words the refusal names them by. */
const FIELDS = [
  ['name', 'the name'],
  ['offer', 'what it offers'],
  ['eligibility', 'eligibility'],
  ['access', 'how to access'],
  ['contact', 'the contact'],
] as const satisfies readonly (readonly [keyof DirectoryEntryFields, string])[];

/**
 * Why an entry holds a person's contact details rather than an organisation's, or null. A directory is made of
 * organisations' phone numbers and generic e-mails, so those pass; refused are a person's name, a mobile number,
 * an e-mail that reads like a person's (first.last@, not info@ or send.team@), and anything that identifies a
 * child (UPN, NHS or NI numbers, birth dates). Addresses and postcodes are an organisation's, so they pass.
 */
export function personalContact(entry: DirectoryEntryFields): { field: string; message: string } | null {
  for (const [field, label] of FIELDS) {
    for (const finding of findPersonalData(entry[field])) {
      const said = `'${finding.text}' in ${label}`;
      switch (finding.kind) {
        case 'postcode':
        case 'address':
          continue;
        case 'phone':
          if (!isMobile(finding.text)) continue;
          return { field, message: `${said} looks like a mobile number. Give the service's own line.` };
        case 'email':
          if (!personalMailbox(finding.text)) continue;
          return { field, message: `${said} looks like a person's e-mail. Give the service's own address.` };
        case 'name':
          return { field, message: `${said} looks like a person's name. Give the service, not a person.` };
        default:
          return { field, message: `${said} looks like personal data. A directory entry holds none.` };
      }
    }
  }
  return null;
}

/** A UK mobile: 07…, or +44 7… (landlines, 0300 and 0800 lines are an organisation's). */
export function isMobile(phone: string): boolean {
  const digits = phone.replace(/[^\d+]/g, '');
  return /^(?:07|\+447|447|00447)/.test(digits);
}

/** An e-mail whose local part names a person: two or more words, none of them a team's or a service's. */
export function personalMailbox(email: string): boolean {
  const local = (email.split('@')[0] ?? '').toLowerCase();
  const words = local.split(/[._-]+/).filter(Boolean);
  if (words.some((word) => GENERIC_MAILBOX.has(word.replace(/\d+$/, '')))) return false;
  return words.length >= 2 && words.every((word) => /^[a-z]+$/.test(word));
}
