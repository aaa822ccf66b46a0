import { parsePhoneNumberFromString } from 'libphonenumber-js/core';
import { isValidNhsNumber, isValidNiNumber, isValidOutwardCode, isValidPostcode, isValidUpn } from './checks.js';
import type { PersonalDataKind } from './findings.js';
import { UK_PHONE_METADATA } from './phoneMetadata.js';

/** A stretch found by one finder, before overlaps are settled. */
export interface Candidate {
  kind: PersonalDataKind;
  start: number;
  end: number;
  reason: string;
  /** Found by its shape alone, with no words around it saying what it is: yields to another kind it overlaps. */
  shapeOnly?: boolean;
}

// Every pattern here is linear: no nested quantifiers, every repeat bounded, so a hostile text cannot make it crawl.

const LOCAL_CHAR = /[A-Za-z0-9._%+'-]/;
const DOMAIN_CHAR = /[A-Za-z0-9.-]/;

/** E-mail addresses, read outwards from each '@' (a pattern tried at every position cost more on text full of them). */
export function findEmails(text: string, out: Candidate[]): void {
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && at - start < 64 && LOCAL_CHAR.test(text[start - 1] as string)) start -= 1;
    let end = at + 1;
    while (end < text.length && end - at <= 253 && DOMAIN_CHAR.test(text[end] as string)) end += 1;
    // Trim the dots and hyphens a sentence puts around an address.
    while (start < at && text[start] === '.') start += 1;
    while (end > at + 1 && /[.-]/.test(text[end - 1] as string)) end -= 1;
    const domain = text.slice(at + 1, end);
    if (start === at || !/^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/.test(domain)) continue;
    out.push({ kind: 'email', start, end, reason: 'An e-mail address identifies a person.' });
  }
}

const UPN = /(?<![A-Za-z0-9])[A-Za-z]\d{11}[A-Za-z0-9](?![A-Za-z0-9])/g;
const UPN_CONTEXT = /\b(?:UPN|pupil (?:no|number)|unique pupil)\b[^\n]{0,24}$/i;

export function findUpns(text: string, out: Candidate[]): void {
  for (const match of text.matchAll(UPN)) {
    const start = match.index;
    const valid = isValidUpn(match[0]);
    const said = UPN_CONTEXT.test(text.slice(Math.max(0, start - 40), start));
    if (!valid && !said) continue;
    out.push({
      kind: 'upn',
      start,
      end: start + 13,
      reason: valid
        ? 'A unique pupil number (its check letter is right) identifies a child.'
        : 'A unique pupil number identifies a child.',
    });
  }
}

const NHS = /(?<![\d/.:-])(\d{3})([ -]?)(\d{3})\2(\d{4})(?![\d/.:]|-\d)/g;
const NHS_CONTEXT = /\bNHS\b[^\n]{0,24}$/i;

export function findNhsNumbers(text: string, out: Candidate[]): void {
  for (const match of text.matchAll(NHS)) {
    const start = match.index;
    const said = NHS_CONTEXT.test(text.slice(Math.max(0, start - 40), start));
    const valid = isValidNhsNumber(match[0]);
    if (!said && (!valid || (match[2] === '' && match[0].startsWith('0')))) continue;
    out.push({
      kind: 'nhs',
      start,
      end: start + match[0].length,
      reason: 'An NHS number identifies a person.',
      shapeOnly: !said,
    });
  }
}

const NI = /(?<![A-Za-z0-9])([A-Za-z]{2}) ?(\d{2}) ?(\d{2}) ?(\d{2})(?: ?([A-Da-d]))?(?![A-Za-z0-9])/g;
const NI_CONTEXT = /\b(?:NI|N\.I\.?|NINO|national insurance)\b[^\n]{0,24}$/i;

export function findNiNumbers(text: string, out: Candidate[]): void {
  for (const match of text.matchAll(NI)) {
    const start = match.index;
    const said = NI_CONTEXT.test(text.slice(Math.max(0, start - 40), start));
    // Lower-case letters count only where the words say so: "ab123456c" is as likely a code.
    const prefix = match[1] as string;
    if (prefix !== prefix.toUpperCase() && !said) continue;
    if (!isValidNiNumber(match[0], said)) continue;
    out.push({
      kind: 'ni',
      start,
      end: start + match[0].length,
      reason: 'A National Insurance number identifies a person.',
    });
  }
}

const POSTCODE = /(?<![A-Za-z0-9])([A-Za-z]{1,2}\d[A-Za-z\d]?) ?(\d[A-Za-z]{2})(?![A-Za-z0-9])/g;
const OUTWARD = /(?<![A-Za-z0-9])[A-Za-z]{1,2}\d[A-Za-z\d]?(?![A-Za-z0-9])/g;
const ADDRESS_CONTEXT =
  /\b(?:post ?code|address|lives|living|live|lived|moved|moving|stays|staying|based|resides|house|home)\b[^\n.]{0,20}$/i;

export function findPostcodes(text: string, out: Candidate[]): void {
  for (const match of text.matchAll(POSTCODE)) {
    const value = match[0];
    const mixed = value !== value.toUpperCase() && value !== value.toLowerCase();
    if (mixed || !isValidPostcode(value)) continue;
    out.push({
      kind: 'postcode',
      start: match.index,
      end: match.index + value.length,
      reason: 'A postcode says where a family lives.',
    });
  }
  for (const match of text.matchAll(OUTWARD)) {
    const value = match[0];
    if (value !== value.toUpperCase() || !isValidOutwardCode(value)) continue;
    if (!ADDRESS_CONTEXT.test(text.slice(Math.max(0, match.index - 40), match.index))) continue;
    out.push({
      kind: 'postcode',
      start: match.index,
      end: match.index + value.length,
      reason: 'Part of a postcode, where the words say it is where someone lives.',
    });
  }
}

// A run of digits with the separators people type, starting like a UK number: 0…, +44…, 0044….
const PHONE = /(?<![\w+])(?:\+44 ?(?:\(0\) ?)?|0044 ?|\(?0)\d{1,5}\)?(?:[ -]?\d{2,6}){1,4}(?![\d])/g;

/** The national form's digits ("07700900123") of a UK phone number, or undefined. */
function ukPhoneDigits(candidate: string): string | undefined {
  let digits = candidate.replace(/\D/g, '');
  if (digits.startsWith('0044')) digits = `0${digits.slice(4)}`;
  else if (candidate.trim().startsWith('+44')) digits = `0${digits.slice(2).replace(/^0/, '')}`;
  // Mobiles have one fixed shape, 07xxx xxxxxx, so the shape is the check.
  if (/^07[1-57-9]\d{8}$/.test(digits)) return digits;
  if (!/^0[123]\d{8,9}$/.test(digits)) return undefined;
  // Landlines' area codes run from 2 to 5 digits, so the number's length depends on its code: libphonenumber knows.
  return parsePhoneNumberFromString(digits, 'GB', UK_PHONE_METADATA)?.isPossible() ? digits : undefined;
}

// A number abroad, written the international way: "+48 601 234 567" (families ring from their first countries too).
const INTERNATIONAL = /(?<![\w+])\+(?!44)[1-9][\d ()-]{7,20}\d(?!\d)/g;

export function findPhones(text: string, out: Candidate[]): void {
  if (text.includes('+'))
    for (const match of text.matchAll(INTERNATIONAL)) {
      const digits = match[0].replace(/\D/g, '').length;
      // Grouped as numbers are written, not a list of figures ("+2 3 4 5 6 7 8 9").
      const groups = match[0]
        .slice(1)
        .split(/[ ()-]+/)
        .filter(Boolean);
      if (digits < 9 || digits > 15 || groups.slice(1).some((group) => group.length < 2)) continue;
      out.push({
        kind: 'phone',
        start: match.index,
        end: match.index + match[0].length,
        reason: 'A phone number identifies a family.',
      });
    }
  for (const match of text.matchAll(PHONE)) {
    let value = match[0];
    // A number typed next to another ("07700 900123 3 times") is tried whole, then a group shorter at a time.
    for (;;) {
      if (ukPhoneDigits(value)) {
        out.push({
          kind: 'phone',
          start: match.index,
          end: match.index + value.length,
          reason: 'A phone number identifies a family.',
        });
        break;
      }
      const shorter = value.replace(/[ -]?\d+\)?$/, '');
      if (shorter === value || shorter.length < 10) break;
      value = shorter;
    }
  }
}

const STREET_TYPES =
  'road|rd|street|st|avenue|ave|lane|ln|drive|dr|close|way|crescent|cres|gardens|gdns|court|ct|place|pl|grove|terrace|walk|rise|view|mews|square|hill|row|park|green|parade|vale|fold|croft|mount|wharf|gate|yard|bank|meadows?|boulevard|approach|chase|glade|dene|garth|heights|way';
/** Street types that are also everyday words: they need a capital ("5 Oak Close", not "2 very close friends"). */
const WEAK_TYPES = new Set(
  'close way place court walk rise view green park hill row gate yard bank mount fold vale croft square parade chase approach heights st dr pl ct ln'.split(
    ' ',
  ),
);
const HOUSE_STREET = new RegExp(
  `(?<![\\w/.:-])(?:(?:flat|apartment|apt|unit)\\s?\\d{1,4}[a-z]?\\s?,?\\s+)?\\d{1,4}[a-z]?,?\\s+((?:[A-Za-z][A-Za-z'’-]{0,20}\\s+){1,3})(${STREET_TYPES})\\b\\.?`,
  'gi',
);
const HOUSE_ONE_WORD =
  /(?<![\w/.:-])(?:(?:flat|apartment|apt|unit)\s?\d{1,4}[a-z]?\s?,?\s+)?\d{1,4}[a-z]?,?\s+[A-Z][a-z]{2,20}(?:way|gate)\b/gi;
const LIVES_ON = new RegExp(
  `\\b(?:lives|living|live|lived|moved|moving|staying|stays|address is|address:)\\s+(?:on|at|in|to|into)\\s+(?:the\\s+)?((?:[A-Z][A-Za-z'’-]{0,20}\\s+){1,3})(${STREET_TYPES})\\b`,
  'gi',
);
const NOT_HOUSE_NUMBER =
  /\b(?:year|yr|y|room|rm|level|lvl|stage|step|page|p|pg|group|table|class|score|scored|aged?|ks|phase|session|sessions|week|weeks|term|set|band|chapter|unit|out of|of|box|bus|ra|age|grade|about|approx|minutes?|mins?|hours?|times?|days?)\.?\s*$/i;
const NOT_STREET_WORD =
  /^(?:and|or|the|a|an|of|on|in|at|to|by|with|for|from|times|minutes|mins|hours|days|weeks|months|years|per|very|more|most|less|out|is|was|are|were|it|he|she|they|we|you|i)$/i;

function plausibleStreet(words: string, type: string): boolean {
  const parts = words.trim().split(/\s+/);
  // "9 the Crescent", "2 The Green"
  if (parts.length === 1 && parts[0]?.toLowerCase() === 'the')
    return /^[A-Z]/.test(type) || !WEAK_TYPES.has(type.toLowerCase());
  if (parts.some((word) => NOT_STREET_WORD.test(word))) return false;
  const capitalised = /^[A-Z]/.test(type) || parts.every((word) => /^[A-Z]/.test(word));
  return capitalised || !WEAK_TYPES.has(type.toLowerCase());
}

export function findAddresses(text: string, out: Candidate[]): void {
  for (const match of text.matchAll(HOUSE_STREET)) {
    const before = text.slice(Math.max(0, match.index - 16), match.index);
    if (NOT_HOUSE_NUMBER.test(before)) continue;
    if (!plausibleStreet(match[1] as string, match[2] as string)) continue;
    out.push({
      kind: 'address',
      start: match.index,
      end: match.index + match[0].length,
      reason: 'A house number and street say where a family lives.',
    });
  }
  for (const match of text.matchAll(HOUSE_ONE_WORD)) {
    const before = text.slice(Math.max(0, match.index - 16), match.index);
    if (NOT_HOUSE_NUMBER.test(before) || !/\s[A-Z]/.test(match[0])) continue;
    out.push({
      kind: 'address',
      start: match.index,
      end: match.index + match[0].length,
      reason: 'A house number and street say where a family lives.',
    });
  }
  for (const match of text.matchAll(LIVES_ON)) {
    const words = match[1] as string;
    const start = match.index + match[0].length - words.length - (match[2] as string).length;
    if (!/^[A-Z]/.test(words) || !plausibleStreet(words, match[2] as string)) continue;
    out.push({
      kind: 'address',
      start,
      end: match.index + match[0].length,
      reason: 'A street says where a family lives.',
    });
  }
}

const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const DATE = new RegExp(
  [
    // 2016-04-03
    '\\b(?:19|20)\\d{2}-\\d{1,2}-\\d{1,2}\\b',
    // 3/4/2016, 03.04.16, 3-4-16
    '(?<![\\d/.-])(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4}|\\d{2})(?![\\d/])',
    // 3rd April 2016, 3 Apr 16, 3rd of April
    `\\b\\d{1,2}(?:st|nd|rd|th)?(?:\\s+of)?\\s+(?:${MONTHS})\\b\\.?(?:,?\\s+(?:\\d{4}|'?\\d{2})\\b)?`,
    // April 3rd 2016, April 3, 2016
    `\\b(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?\\b(?:,?\\s+\\d{4}\\b)?`,
    // April 2016
    `\\b(?:${MONTHS})\\.?,?\\s+\\d{4}\\b`,
    // 16/03, a birthday without its year
    '(?<![\\d/.-])(\\d{1,2})/(\\d{1,2})(?![\\d/])',
    // 2016, after "born"
    '\\b(?:19|20)\\d{2}\\b',
  ].join('|'),
  'gi',
);
const BIRTH_WORDS =
  /(?:\bd\.?\s?o\.?\s?b\b\.?|\bdate of birth|\bbirth ?date|\bbirth ?day|\bb'?day|\bborn|\bdob|\bbirth)(?![a-z])/gi;
const BIRTH_BETWEEN =
  /^[\s:;,=()[\]–—-]*(?:(?:is|was|on|in|the|of|date|approx\.?|around|roughly|abt|-|:)[\s:;,=()[\]–—-]*){0,3}$/i;
const BORN_BETWEEN =
  /^(?![\s\S]*\b(?:review|reviewed|meeting|seen|met|since|until|by|from|moved|arrived|started|came|joined|next|last|due)\b)[\s,:(–—-]*(?:[A-Za-z'.]+[\s,:(–—-]+){1,3}$/;
const AGED_BEFORE = /\baged?\s+\d{1,2}(?:\s*(?:y(?:ea)?rs?|y\/?o|years old))?\s*[(,:–—-]\s*(?:born\s+|dob:?\s*)?$/i;
const BIRTH_AFTER = /^\s*[(,–—-]?\s*(?:dob|d\.o\.b\.?|date of birth|birthday)\b/i;

const BIRTH_HINT = /born|birth|dob|d\.? ?o\.? ?b|b'?day|aged? \d/i;

export function findBirthDates(text: string, out: Candidate[]): void {
  if (!BIRTH_HINT.test(text)) return;
  const words: { start: number; end: number }[] = [];
  for (const match of text.matchAll(BIRTH_WORDS))
    words.push({ start: match.index, end: match.index + match[0].length });
  const aged = /\baged?\s+\d/i.test(text);
  if (words.length === 0 && !aged) return;
  for (const match of text.matchAll(DATE)) {
    const start = match.index;
    const end = start + match[0].length;
    const value = match[0];
    const dayMonth =
      match[1] !== undefined ? [match[1], match[3]] : match[5] !== undefined ? [match[5], match[6]] : undefined;
    if (dayMonth) {
      const day = Number(dayMonth[0]);
      const month = Number(dayMonth[1]);
      if (day < 1 || day > 31 || month < 1 || month > 12) continue;
    }
    const yearOnly = /^\d{4}$/.test(value);
    let birth = false;
    for (const word of words) {
      if (word.end <= start && start - word.end <= 40) {
        const between = text.slice(word.end, start);
        const isBorn = /^born/i.test(text.slice(word.start, word.end));
        if (yearOnly ? isBorn && /^\s+(?:in\s+)?$/i.test(between) : BIRTH_BETWEEN.test(between)) birth = true;
        // "born prem on 2/2/19", "born at home on …": a few words may come between.
        else if (!yearOnly && isBorn && BORN_BETWEEN.test(between)) birth = true;
      }
    }
    if (!birth && !yearOnly && aged && AGED_BEFORE.test(text.slice(Math.max(0, start - 30), start))) birth = true;
    if (!birth && !yearOnly && BIRTH_AFTER.test(text.slice(end, end + 24))) birth = true;
    if (birth) out.push({ kind: 'dob', start, end, reason: 'A date of birth identifies a child.' });
  }
}
