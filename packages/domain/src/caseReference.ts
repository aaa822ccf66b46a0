import { LIMITS } from './limits.js';
import { findPersonalData } from './privacy/detector.js';
import type { PersonalDataFinding } from './privacy/findings.js';
import {
  BIDI_CONTROL_MESSAGE,
  hasDirectionCharacters,
  isWellFormedText,
  NOT_WELL_FORMED_MESSAGE,
} from './textRules.js';

/**
 * A child is known only by first initial, year group and gender: J5M is J, Year 5, male.
 * Year groups: N (nursery), R (reception), 1 to 13, P (post-16, up to 25). Gender: M, F or X.
 */
export const CHILD_REFERENCE = /^[A-Z](N|R|1[0-3]|[1-9]|P)[MFX]$/;

export type CaseReferenceResult =
  | { ok: true; kind: 'child' | 'topic'; value: string }
  /** `findings`: the words of a topic the privacy guard flagged, at their place in `value`, for the form to mark. */
  | { ok: false; message: string; findings?: PersonalDataFinding[] };

/** "'Ben' and 'Sara' look like names." The topic's refusal, from the privacy guard's findings. */
function topicFindingsMessage(findings: readonly PersonalDataFinding[]): string {
  const words = [...new Set(findings.map((finding) => `'${finding.text}'`))];
  const listed = words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
  const names = findings.every((finding) => finding.kind === 'name');
  const what =
    words.length === 1
      ? names
        ? 'looks like a name'
        : 'looks like personal data'
      : names
        ? 'look like names'
        : 'look like personal data';
  return `${listed} ${what}. Describe the group or issue without naming anyone, for example "Year 3 transition".`;
}

const YEAR_NAMES: Record<string, string> = { N: 'Nursery', R: 'Reception', P: 'Post-16' };

/** Describes a valid child reference in words, e.g. "J, Year 5, male". */
export function describeChildReference(reference: string): string {
  const match = CHILD_REFERENCE.exec(reference);
  if (!match) return reference;
  const year = match[1] ?? '';
  const gender = reference.slice(-1);
  const yearName = YEAR_NAMES[year] ?? `Year ${year}`;
  const genderName = gender === 'M' ? 'male' : gender === 'F' ? 'female' : 'gender not stated';
  return `${reference[0]}, ${yearName}, ${genderName}`;
}

const DIGITS = /\d{3,}/;
const CHILD_REFERENCE_HELP =
  'A child reference is first initial, year group (N, R, 1–13 or P for post-16) and gender (M, F or X), for example J5M.';
const LOOKS_LIKE_A_NAME =
  'That looks like a name. Use the anonymised reference (for example J5M) or describe the group or issue.';
const EMAIL = /\S+@\S+\.\S+/;

/**
 * A short token with a digit, of two characters, or of three ending in a gender letter is an attempted child
 * reference (J5M, J5 M, or slips such as 5JM and JJM), never a topic. Short capitals such as EAL or SEMH are topics.
 */
function looksLikeChildReference(compact: string): boolean {
  if (!/^[A-Za-z0-9]{2,4}$/.test(compact)) return false;
  return /\d/.test(compact) || compact.length === 2 || (compact.length === 3 && /[MFX]$/i.test(compact));
}

/**
 * Checks what an EP types as a case: a child's anonymised reference (J5M), or a short
 * group, class, school or locality topic. Anything that looks like a name is refused.
 */
export function parseCaseReference(input: string): CaseReferenceResult {
  if (!isWellFormedText(input)) return { ok: false, message: NOT_WELL_FORMED_MESSAGE };
  if (hasDirectionCharacters(input)) return { ok: false, message: BIDI_CONTROL_MESSAGE };
  const value = input.trim().replace(/\s+/g, ' ');
  if (value.length === 0) {
    return { ok: false, message: 'Enter a case reference such as J5M, or a short topic such as "Year 3 transition".' };
  }
  const compact = value.replace(/ /g, '');
  const upper = compact.toUpperCase();
  if (looksLikeChildReference(compact)) {
    if (CHILD_REFERENCE.test(upper)) return { ok: true, kind: 'child', value: upper };
    return { ok: false, message: CHILD_REFERENCE_HELP };
  }
  // Short words that are not capitals ("Ben") read like a first name.
  if (/^[A-Za-z]{2,4}$/.test(value) && value !== value.toUpperCase()) {
    return { ok: false, message: LOOKS_LIKE_A_NAME };
  }
  if (value.length < LIMITS.topic.min || value.length > LIMITS.topic.max) {
    return {
      ok: false,
      message: `A topic is ${LIMITS.topic.min} to ${LIMITS.topic.max} characters, for example "Year 3 transition".`,
    };
  }
  // The privacy guard (issue 10): a topic never names anyone, holds a phone number, an address...
  const findings = findPersonalData(value);
  if (findings.length > 0) return { ok: false, message: topicFindingsMessage(findings), findings };
  if (DIGITS.test(value) || EMAIL.test(value)) {
    return {
      ok: false,
      message: 'A topic must not hold numbers, e-mail addresses or anything that identifies a child.',
    };
  }
  // Two capitalised words in a row read like a person's name ("Jack Smith"); topics rarely do.
  const words = value.split(' ');
  if (words.length === 2 && words.every((word) => /^[A-Z][a-z]+$/.test(word))) {
    return { ok: false, message: LOOKS_LIKE_A_NAME };
  }
  return { ok: true, kind: 'topic', value };
}
