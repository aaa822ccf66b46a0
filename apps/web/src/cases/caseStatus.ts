import { type CaseView, missingConsent, needsParentalConsent, type Preparation } from '@consultboard/domain';
import { formatDate } from '../format';

export type PreparationStatus = 'Not started' | 'In progress' | 'Complete';

/** How far the SENCO has got with the preparation form: every section and an area of need make it complete. */
export function preparationStatus(preparation: Preparation): PreparationStatus {
  const texts = [preparation.currentSituation, preparation.triedSoFar, preparation.desiredSituation, preparation.aim];
  const written = texts.filter((text) => text.trim() !== '').length;
  if (written === 0 && preparation.areasOfNeed.length === 0) return 'Not started';
  return written === texts.length && preparation.areasOfNeed.length > 0 ? 'Complete' : 'In progress';
}

/** Whether the case waits for parental consent before it may go on an agenda (the domain's rule). */
export function needsConsent(found: Pick<CaseView, 'type' | 'consent'>): boolean {
  return missingConsent({ type: found.type, consentGiven: found.consent.given });
}

/** The consent line shown beside a case. */
export function consentStatus(found: Pick<CaseView, 'type' | 'consent'>): string {
  if (!needsParentalConsent(found.type)) return 'Not needed';
  if (!found.consent.given) return 'Consent not recorded';
  return found.consent.date ? `Consent recorded (${formatDate(found.consent.date)})` : 'Consent recorded';
}
