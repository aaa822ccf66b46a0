/**
 * A child is known only by first initial, year group and gender: J5M is J, Year 5, male.
 * Year groups: N (nursery), R (reception), 1 to 13, P (post-16, up to 25). Gender: M, F or X.
 */
export const CHILD_REFERENCE = /^[A-Z](N|R|1[0-3]|[1-9]|P)[MFX]$/;

export type CaseReferenceResult =
  | { ok: true; kind: 'child' | 'topic'; value: string }
  | { ok: false; message: string };

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
const EMAIL = /\S+@\S+\.\S+/;

/**
 * Checks what an EP types as a case: a child's anonymised reference (J5M), or a short
 * group, class, school or locality topic. Anything that looks like a name is refused.
 */
export function parseCaseReference(input: string): CaseReferenceResult {
  const value = input.trim().replace(/\s+/g, ' ');
  if (value.length === 0) {
    return { ok: false, message: 'Enter a case reference such as J5M, or a short topic such as "Year 3 transition".' };
  }
  const upper = value.toUpperCase();
  // Any short letters-and-digits token is an attempted child reference (J5M, or a slip such as 5JM), never a topic.
  if (/^[A-Za-z0-9]{2,4}$/.test(value)) {
    if (CHILD_REFERENCE.test(upper)) return { ok: true, kind: 'child', value: upper };
    return {
      ok: false,
      message:
        'A child reference is first initial, year group (N, R, 1–13 or P for post-16) and gender (M, F or X), for example J5M.',
    };
  }
  if (value.length < 3 || value.length > 80) {
    return { ok: false, message: 'A topic is 3 to 80 characters, for example "Year 3 transition".' };
  }
  if (DIGITS.test(value) || EMAIL.test(value)) {
    return { ok: false, message: 'A topic must not hold numbers, e-mail addresses or anything that identifies a child.' };
  }
  // Two capitalised words in a row read like a person's name ("Jack Smith"); topics rarely do.
  const words = value.split(' ');
  if (words.length === 2 && words.every((word) => /^[A-Z][a-z]+$/.test(word))) {
    return {
      ok: false,
      message: 'That looks like a name. Use the anonymised reference (for example J5M) or describe the group or issue.',
    };
  }
  return { ok: true, kind: 'topic', value };
}
