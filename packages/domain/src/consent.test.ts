import { describe, expect, it } from 'vitest';
import { CASE_TYPES } from './caseLabels.js';
import { missingConsent, needsParentalConsent } from './consent.js';

describe('the consent rule', () => {
  it("holds back a child's case until consent is recorded, and no other kind of case", () => {
    expect(missingConsent({ type: 'child', consentGiven: false })).toBe(true);
    expect(missingConsent({ type: 'child', consentGiven: true })).toBe(false);
    for (const type of CASE_TYPES.filter((t) => t !== 'child')) {
      expect(needsParentalConsent(type)).toBe(false);
      expect(missingConsent({ type, consentGiven: false })).toBe(false);
    }
  });
});
