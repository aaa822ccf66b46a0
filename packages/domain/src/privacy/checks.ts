/**
 * The exact checks of the identifiers that have a published standard: the unique pupil number (DfE), the NHS number
 * (mod 11), the National Insurance number (HMRC's prefix rules) and the UK postcode (Royal Mail's format).
 */

/** The 23 letters of the UPN's check-letter table (A–Z without I, O and S), at their values 0–22. */
const UPN_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

/** The check letter of the 12 characters after it, or undefined when they cannot be a UPN's. */
export function upnCheckLetter(rest: string): string | undefined {
  if (!/^\d{11}[0-9A-HJ-NPQR-Z]$/.test(rest)) return undefined;
  let sum = 0;
  for (let i = 0; i < 12; i += 1) {
    const char = rest[i] as string;
    // A temporary UPN ends in a letter, which counts at its place in the same table.
    const value = i === 11 && /[A-Z]/.test(char) ? UPN_LETTERS.indexOf(char) : Number(char);
    sum += value * (i + 2);
  }
  return UPN_LETTERS[sum % 23];
}

/** A unique pupil number (13 characters, permanent or temporary) whose check letter is right. */
export function isValidUpn(candidate: string): boolean {
  const upn = candidate.toUpperCase();
  if (upn.length !== 13) return false;
  return upnCheckLetter(upn.slice(1)) === upn[0];
}

/** An NHS number (10 digits, spaces or hyphens allowed) whose mod 11 check digit is right. */
export function isValidNhsNumber(candidate: string): boolean {
  const digits = candidate.replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i += 1) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

const NI_BAD_FIRST = /[DFIQUV]/;
const NI_BAD_SECOND = /[DFIOQUV]/;
const NI_BAD_PREFIXES = new Set(['BG', 'GB', 'NK', 'KN', 'TN', 'NT', 'ZZ']);

/** A National Insurance number's two prefix letters are allowed by HMRC's rules. */
export function isValidNiPrefix(prefix: string): boolean {
  const p = prefix.toUpperCase();
  if (!/^[A-Z]{2}$/.test(p)) return false;
  return !NI_BAD_FIRST.test(p[0] as string) && !NI_BAD_SECOND.test(p[1] as string) && !NI_BAD_PREFIXES.has(p);
}

/** A National Insurance number: allowed prefix, six digits, suffix A–D (optional when `suffixOptional`). */
export function isValidNiNumber(candidate: string, suffixOptional = false): boolean {
  const compact = candidate.replace(/\s/g, '').toUpperCase();
  const match = /^([A-Z]{2})\d{6}([A-D])?$/.exec(compact);
  if (!match) return false;
  if (!match[2] && !suffixOptional) return false;
  return isValidNiPrefix(match[1] as string);
}

const OUTWARD = '(?:[A-PR-UWYZ](?:\\d\\d?|[A-HK-Y]\\d\\d?|\\d[A-HJKPSTUW]|[A-HK-Y]\\d[ABEHMNPRV-Y])|GIR)';
const INWARD = '\\d[ABD-HJLNP-UW-Z]{2}';
const FULL_POSTCODE = new RegExp(`^${OUTWARD} ?${INWARD}$`);
const OUTWARD_CODE = new RegExp(`^${OUTWARD}$`);

/** A full UK postcode in Royal Mail's format ("LS6 2AB", "ls62ab"). */
export function isValidPostcode(candidate: string): boolean {
  return FULL_POSTCODE.test(candidate.trim().toUpperCase().replace(/\s+/, ' '));
}

/** The outward half of a UK postcode ("LS6", "SW1A"). */
export function isValidOutwardCode(candidate: string): boolean {
  return OUTWARD_CODE.test(candidate.toUpperCase());
}
