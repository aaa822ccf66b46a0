import { describe, expect, it } from 'vitest';
import { CHILD_REFERENCE, describeChildReference, parseCaseReference } from './caseReference.js';

const CHILD_MESSAGE =
  'A child reference is first initial, year group (N, R, 1–13 or P for post-16) and gender (M, F or X), for example J5M.';
const TOPIC_CONTENT_MESSAGE = 'A topic must not hold numbers, e-mail addresses or anything that identifies a child.';
const TOPIC_LENGTH_MESSAGE = 'A topic is 3 to 80 characters, for example "Year 3 transition".';

describe('parseCaseReference: child references', () => {
  it.each([
    ['J5M'],
    ['ANF'], // nursery
    ['KRX'], // reception
    ['A1M'],
    ['B9F'],
    ['C10X'],
    ['D11M'],
    ['E12F'],
    ['Z13X'],
    ['HPM'], // post-16, up to 25
  ])('accepts %s', (reference) => {
    expect(parseCaseReference(reference)).toEqual({ ok: true, kind: 'child', value: reference });
  });

  it.each([
    ['j5m', 'J5M'],
    ['k12f', 'K12F'],
    ['  hpx ', 'HPX'],
    ['aNf', 'ANF'],
  ])('normalises %j to %s', (input, value) => {
    expect(parseCaseReference(input)).toEqual({ ok: true, kind: 'child', value });
  });

  it.each([
    ['J14M', 'year past 13'],
    ['J0M', 'year 0'],
    ['JJM', 'letter for a year'],
    ['J5Q', 'unknown gender'],
    ['5JM', 'year before the initial'],
    ['J5', 'no gender'],
    ['J5MF', 'two genders'],
    ['JM', 'no year'],
    ['J05M', 'leading zero'],
    ['j14m', 'lower case, year past 13'],
  ])('refuses %s (%s) with the helpful message', (reference) => {
    expect(parseCaseReference(reference)).toEqual({ ok: false, message: CHILD_MESSAGE });
  });

  it('refuses empty input', () => {
    const result = parseCaseReference('   ');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^Enter a case reference such as J5M/);
  });
});

describe('parseCaseReference: topics', () => {
  it.each([
    ['Year 3 transition'],
    ['Lunchtime behaviour in Key Stage 2'],
    ['Year 10 options and anxiety'],
    ['Whole-school approach to emotionally based school avoidance'],
    ['abc'.padEnd(80, 'x')],
  ])('accepts %j', (topic) => {
    expect(parseCaseReference(topic)).toEqual({ ok: true, kind: 'topic', value: topic });
  });

  it.each([['EAL'], ['SEMH'], ['ADHD'], ['ASD']])('accepts the short capitals %j as a topic', (topic) => {
    expect(parseCaseReference(topic)).toEqual({ ok: true, kind: 'topic', value: topic });
  });

  it.each([['Ben'], ['Amy'], ['jo']])('refuses the short word %j because it reads like a first name', (input) => {
    expect(parseCaseReference(input).ok).toBe(false);
  });

  it('reads a reference typed with a space as the reference', () => {
    expect(parseCaseReference('J5 M')).toEqual({ ok: true, kind: 'child', value: 'J5M' });
  });

  it('tidies spaces in a topic', () => {
    expect(parseCaseReference('  Year 3 \t  transition\n')).toEqual({
      ok: true,
      kind: 'topic',
      value: 'Year 3 transition',
    });
  });

  it.each([['Alex Example'], ['Zed Example']])('refuses %j because it looks like a name', (input) => {
    const result = parseCaseReference(input);
    expect(result.ok).toBe(false);
    // A known first name is the privacy guard's finding; two capitalised words no list knows are still refused.
    if (!result.ok) expect(result.message).toMatch(/looks like a name/);
  });

  it.each([['Pupil 123456 reading'], ['Class of 2025'], ['Room 101 group']])(
    'refuses %j because it holds a number of 3 or more digits',
    (input) => {
      expect(parseCaseReference(input)).toEqual({ ok: false, message: TOPIC_CONTENT_MESSAGE });
    },
  );

  it.each([['ask senco.a@school.example about it'], ['parent@home.example']])(
    'refuses %j because it holds an e-mail address, and says where',
    (input) => {
      const result = parseCaseReference(input);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.findings?.map((finding) => finding.kind)).toEqual(['email']);
      expect(result.message).toContain('look');
    },
  );

  // The privacy guard (issue 10): a topic naming children is refused with the words flagged, where they are.
  it.each([
    ['Ben and Sara in Year 3', ['Ben', 'Sara'], "'Ben' and 'Sara' look like names."],
    ['Jack Smith transition', ['Jack Smith'], "'Jack Smith' looks like a name."],
    ['  Jack   Smith ', ['Jack Smith'], "'Jack Smith' looks like a name."],
    [
      'Ben Smith and 07700 900123',
      ['Ben Smith', '07700 900123'],
      "'Ben Smith' and '07700 900123' look like personal data.",
    ],
    ['Call home on 07700 900123', ['07700 900123'], "'07700 900123' looks like personal data."],
    ['Ask kelly@example.com', ['kelly@example.com'], "'kelly@example.com' looks like personal data."],
  ])('refuses the topic %j with its findings', (input, words, message) => {
    const result = parseCaseReference(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message.startsWith(message)).toBe(true);
    const value = input.trim().replace(/\s+/g, ' ');
    expect(result.findings?.map((finding) => finding.text)).toEqual(words);
    for (const finding of result.findings ?? []) expect(value.slice(finding.start, finding.end)).toBe(finding.text);
  });

  it.each([['a.'], ['x'.repeat(81)], [`Year 3 ${'transition '.repeat(8)}`]])('refuses %j for its length', (input) => {
    expect(parseCaseReference(input)).toEqual({ ok: false, message: TOPIC_LENGTH_MESSAGE });
  });
});

describe('CHILD_REFERENCE', () => {
  it('only matches upper-case references', () => {
    expect(CHILD_REFERENCE.test('J5M')).toBe(true);
    expect(CHILD_REFERENCE.test('j5m')).toBe(false);
    expect(CHILD_REFERENCE.test(' J5M')).toBe(false);
  });
});

describe('describeChildReference', () => {
  it.each([
    ['J5M', 'J, Year 5, male'],
    ['A1F', 'A, Year 1, female'],
    ['B13F', 'B, Year 13, female'],
    ['ANF', 'A, Nursery, female'],
    ['KRX', 'K, Reception, gender not stated'],
    ['HPM', 'H, Post-16, male'],
  ])('describes %s as %j', (reference, words) => {
    expect(describeChildReference(reference)).toBe(words);
  });

  it.each([['Year 3 transition'], ['J14M'], ['j5m']])(
    'returns %j unchanged as it is not a child reference',
    (input) => {
      expect(describeChildReference(input)).toBe(input);
    },
  );
});
