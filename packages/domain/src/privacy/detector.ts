import type { PersonalDataFinding } from './findings.js';

// FIRST CUT, to be replaced by the full detector (issue 10): exact patterns for e-mail and UK phone numbers and a
// handful of names, so the places that call the guard can be built against the final signature.
const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/g;
const PHONE = /(?:\+44\s?7\d{3}|\b07\d{3})\s?\d{3}\s?\d{3}\b/g;
const NAMES = /\b(?:Ben|Sara|Jack|Smith|Leo|Kelly|Patel)\b/g;

export function findPersonalData(text: string): PersonalDataFinding[] {
  const findings: PersonalDataFinding[] = [];
  const scan = (pattern: RegExp, kind: PersonalDataFinding['kind'], reason: string) => {
    for (const match of text.matchAll(pattern)) {
      const start = match.index ?? 0;
      findings.push({ kind, start, end: start + match[0].length, text: match[0], reason });
    }
  };
  scan(EMAIL, 'email', 'An e-mail address identifies a person.');
  scan(PHONE, 'phone', 'A phone number identifies a family.');
  scan(NAMES, 'name', 'A name identifies a child or family.');
  return findings.sort((a, b) => a.start - b.start);
}
