// The parental consent rule, without zod: the server refuses by it and the web explains it, in the same words.
import type { CaseType } from './caseLabels.js';

/** Parental consent is asked for a child's case only (a group, class, school or locality issue names no child). */
export function needsParentalConsent(type: CaseType): boolean {
  return type === 'child';
}

/** Whether a case must wait before it may go on an agenda: a child's case, until the SENCO records consent. */
export function missingConsent(found: { type: CaseType; consentGiven: boolean }): boolean {
  return needsParentalConsent(found.type) && !found.consentGiven;
}
