import type { PersonalDataFinding, PersonalDataKind } from './findings.js';
import { findNames } from './names.js';
import {
  type Candidate,
  findAddresses,
  findBirthDates,
  findEmails,
  findNhsNumbers,
  findNiNumbers,
  findPhones,
  findPostcodes,
  findUpns,
} from './patterns.js';

/** Where two findings overlap, the more specific kind wins (an e-mail over the name inside it). */
const PRIORITY: Record<PersonalDataKind, number> = {
  email: 0,
  upn: 1,
  nhs: 2,
  ni: 3,
  phone: 4,
  postcode: 5,
  dob: 6,
  address: 7,
  name: 8,
};

/** The longest text checked in one call; longer text is checked in windows (a finding never spans two). */
const WINDOW = 64 * 1024;

/**
 * Everything in `text` that looks like personal data: names, birth dates, addresses, postcodes, phone numbers,
 * e-mails, unique pupil numbers, NHS and National Insurance numbers. Sorted by start, never overlapping, each
 * `text` exactly `source.slice(start, end)`. Pure and synchronous; the server's answer is the one that counts.
 */
export function findPersonalData(text: string): PersonalDataFinding[] {
  if (text.length <= WINDOW) return findInWindow(text, 0);
  const findings: PersonalDataFinding[] = [];
  let offset = 0;
  while (offset < text.length) {
    let end = Math.min(text.length, offset + WINDOW);
    if (end < text.length) end = cutPoint(text, offset + WINDOW / 2, end);
    for (const finding of findInWindow(text.slice(offset, end), offset)) findings.push(finding);
    offset = end;
  }
  return findings;
}

/**
 * Where to end a window: at a line break, else after a sentence, else at a space between words (never inside a
 * number like "07700 900123" or a name like "Jack Smith"), searching back from `end` no further than `from`.
 */
function cutPoint(text: string, from: number, end: number): number {
  const line = text.lastIndexOf('\n', end);
  if (line > from) return line;
  for (let k = end; k > from; k -= 1) if (text[k] === ' ' && /[.!?;]/.test(text[k - 1] as string)) return k;
  for (let k = end; k > from; k -= 1)
    if (text[k] === ' ' && /[a-z]/.test(text[k - 1] as string) && /[a-z]/.test(text[k + 1] as string)) return k;
  return end;
}

function findInWindow(text: string, offset: number): PersonalDataFinding[] {
  const candidates: Candidate[] = [];
  findEmails(text, candidates);
  findUpns(text, candidates);
  findNhsNumbers(text, candidates);
  findNiNumbers(text, candidates);
  findPhones(text, candidates);
  findPostcodes(text, candidates);
  findBirthDates(text, candidates);
  findAddresses(text, candidates);
  // Ten digits that pass mod 11 by chance inside a phone number ("+44 (0)113 496 0123") are the phone's.
  const phones = candidates.filter((c) => c.kind === 'phone');
  if (phones.length > 0)
    for (let k = candidates.length - 1; k >= 0; k -= 1) {
      const c = candidates[k] as Candidate;
      if (c.shapeOnly && phones.some((p) => p.start < c.end && c.start < p.end)) candidates.splice(k, 1);
    }
  const taken = new Uint8Array(text.length);
  for (const c of settle(candidates, text.length)) taken.fill(1, c.start, c.end);
  findNames(text, (start, end) => taken.subarray(start, end).includes(1), candidates);
  return settle(candidates, text.length)
    .sort((a, b) => a.start - b.start)
    .map((c) => ({
      kind: c.kind,
      start: c.start + offset,
      end: c.end + offset,
      text: text.slice(c.start, c.end),
      reason: c.reason,
    }));
}

/** Keeps the most specific, then the longest, of any overlapping candidates. */
function settle(candidates: Candidate[], length: number): Candidate[] {
  const ordered = [...candidates].sort(
    (a, b) => PRIORITY[a.kind] - PRIORITY[b.kind] || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: Candidate[] = [];
  const taken = new Uint8Array(length);
  for (const candidate of ordered) {
    if (taken.subarray(candidate.start, candidate.end).includes(1)) continue;
    taken.fill(1, candidate.start, candidate.end);
    kept.push(candidate);
  }
  return kept;
}
