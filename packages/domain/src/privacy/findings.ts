/**
 * The privacy guard's vocabulary, without the detector's word lists: what a finding is, how it is described to a
 * user, and how a dismissal ("This is not personal") is keyed. Small and zod-free, so the phone may import it.
 */

export const PERSONAL_DATA_KINDS = [
  'name',
  'dob',
  'address',
  'postcode',
  'phone',
  'email',
  'upn',
  'nhs',
  'ni',
] as const;
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

/** One stretch of text that looks like personal data: `text` is `source.slice(start, end)`. */
export interface PersonalDataFinding {
  kind: PersonalDataKind;
  start: number;
  end: number;
  text: string;
  /** Why it was flagged, in words a SENCO understands. */
  reason: string;
}

const KIND_WORDS: Record<PersonalDataKind, string> = {
  name: 'a name',
  dob: 'a date of birth',
  address: 'an address',
  postcode: 'a postcode',
  phone: 'a phone number',
  email: 'an e-mail address',
  upn: 'a unique pupil number',
  nhs: 'an NHS number',
  ni: 'a National Insurance number',
};

/** "'Ben' looks like a name. Use the reference J5M, or 'the child'." */
export function describeFinding(finding: Pick<PersonalDataFinding, 'kind' | 'text'>, reference?: string): string {
  const what = `'${finding.text}' looks like ${KIND_WORDS[finding.kind]}.`;
  if (finding.kind === 'name') {
    return reference
      ? `${what} Use the reference ${reference}, or 'the child'.`
      : `${what} Use the reference, or 'the child'.`;
  }
  return `${what} Leave it out: the record must not hold it.`;
}

/** The key a dismissal is stored under: the same words of the same kind are dismissed together, case-insensitively. */
export function findingKey(finding: Pick<PersonalDataFinding, 'kind' | 'text'>): string {
  return `${finding.kind}:${finding.text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase()}`;
}

/** The findings not dismissed. */
export function undismissed<F extends Pick<PersonalDataFinding, 'kind' | 'text'>>(
  findings: readonly F[],
  dismissedKeys: ReadonlySet<string> | readonly string[],
): F[] {
  const keys = dismissedKeys instanceof Set ? dismissedKeys : new Set(dismissedKeys);
  return findings.filter((finding) => !keys.has(findingKey(finding)));
}
