import { describe, expect, it } from 'vitest';
import {
  isValidNhsNumber,
  isValidNiNumber,
  isValidNiPrefix,
  isValidOutwardCode,
  isValidPostcode,
  isValidUpn,
  upnCheckLetter,
} from './checks.js';

describe('unique pupil numbers (DfE check letter)', () => {
  it('computes the check letter from the weights 2 to 13, mod 23, without I, O and S', () => {
    // 8×2 + 2×3 + 3×4 + 5×5 + 7×6 + 5×7 + 6×8 + 8×9 + 3×10 + 4×11 + 4×12 + 1×13 = 391 = 17×23 → 0 → A
    expect(upnCheckLetter('823575683441')).toBe('A');
    expect(isValidUpn('A823575683441')).toBe(true);
    // 4×13 = 52, remainder 6 → G
    expect(upnCheckLetter('000000000004')).toBe('G');
    // A temporary UPN's B counts 1: 1×13 = 13 → P, the fourteenth letter once I and O are left out
    expect(upnCheckLetter('00000000000B')).toBe('P');
  });

  it('refuses a wrong check letter and a changed digit', () => {
    expect(isValidUpn('B823575683441')).toBe(false);
    expect(isValidUpn('A823575683442')).toBe(false);
    expect(isValidUpn('N52596589092E')).toBe(true);
    expect(isValidUpn('P52596589092E')).toBe(false);
  });

  it('takes temporary UPNs, whose last character is a letter valued by the same table', () => {
    expect(isValidUpn('V55424072186Q')).toBe(true);
    expect(isValidUpn('V55424072186R')).toBe(false);
    // I, O and S are never in a UPN.
    expect(upnCheckLetter('55424072186O')).toBeUndefined();
  });

  it('refuses the wrong length and letters inside', () => {
    expect(isValidUpn('A82357568344')).toBe(false);
    expect(isValidUpn('A8235756834411')).toBe(false);
    expect(isValidUpn('A8235A5683441')).toBe(false);
  });
});

describe('NHS numbers (mod 11)', () => {
  it('takes a valid number, spaced 3-3-4, hyphenated or not', () => {
    expect(isValidNhsNumber('943 476 5919')).toBe(true);
    expect(isValidNhsNumber('9434765919')).toBe(true);
    expect(isValidNhsNumber('943-476-5919')).toBe(true);
  });

  it('refuses a wrong check digit, a check of 10, and the wrong length', () => {
    expect(isValidNhsNumber('943 476 5918')).toBe(false);
    // 1×10 + 1×2 = 12, remainder 1: the check digit would be 10, which no NHS number has.
    expect(isValidNhsNumber('1000000010')).toBe(false);
    expect(isValidNhsNumber('1000000019')).toBe(false);
    expect(isValidNhsNumber('94347659')).toBe(false);
  });
});

describe('National Insurance numbers', () => {
  it('takes allowed prefixes with six digits and a suffix A to D', () => {
    expect(isValidNiNumber('JT 48 27 19 B')).toBe(true);
    expect(isValidNiNumber('AB123456C')).toBe(true);
    expect(isValidNiNumber('AB123456E')).toBe(false);
  });

  it("refuses HMRC's excluded letters and prefixes", () => {
    for (const prefix of ['DA', 'FA', 'IA', 'QA', 'UA', 'VA', 'AD', 'AF', 'AI', 'AO', 'AQ', 'AU', 'AV'])
      expect(isValidNiPrefix(prefix), prefix).toBe(false);
    for (const prefix of ['BG', 'GB', 'NK', 'KN', 'TN', 'NT', 'ZZ'])
      expect(isValidNiPrefix(prefix), prefix).toBe(false);
    expect(isValidNiPrefix('OA')).toBe(true);
    expect(isValidNiNumber('QQ123456C')).toBe(false);
  });

  it('takes a number without its suffix only when asked to', () => {
    expect(isValidNiNumber('JT482719')).toBe(false);
    expect(isValidNiNumber('JT482719', true)).toBe(true);
  });
});

describe('postcodes', () => {
  it('takes every outward form, spaced or not, in either case', () => {
    for (const code of ['M1 1AE', 'B33 8TH', 'CR2 6XH', 'DN55 1PT', 'W1A 0AX', 'EC1A 1BB', 'ls62ab', 'LS6 2AB'])
      expect(isValidPostcode(code), code).toBe(true);
  });

  it('refuses malformed codes and letters the inward code never uses', () => {
    for (const code of ['LS6 2CB', 'QS6 2AB', 'LS6', 'L 2AB', 'LS66A 2AB', 'J5M'])
      expect(isValidPostcode(code), code).toBe(false);
  });

  it('knows an outward code on its own', () => {
    expect(isValidOutwardCode('LS6')).toBe(true);
    expect(isValidOutwardCode('SW1A')).toBe(true);
    expect(isValidOutwardCode('Q1')).toBe(false);
  });
});
