import type { PersonalDataKind } from './privacy/findings.js';

/**
 * Where in a case the privacy guard found something (issue 10), in the words the screen uses. The stored places
 * ("Personal data to check") and the parts of an export share these names. Zod-free and small.
 */
export const PRIVACY_PLACE_LABELS = {
  reference: 'Case reference',
  preparation: 'Consultation preparation form',
  plan: 'Action plan',
  review: 'Review',
  notes: 'Notes from the meeting',
  cards: 'Strategies and resources',
  minutes: 'Minutes kept without checking',
} as const;
export type PrivacyPlaceName = keyof typeof PRIVACY_PLACE_LABELS;

/** The parts of an exported plan the guard checks. */
export type ExportPlace = 'reference' | 'preparation' | 'notes' | 'cards' | 'plan' | 'review';

/**
 * One finding that stops an export (409 `personal_data_to_check`): its kind, where it is, and its words (what
 * "This is not personal" dismisses). Never the text around it.
 */
export interface ExportFinding {
  kind: PersonalDataKind;
  place: ExportPlace;
  text: string;
}

/** A finding that stops the evidence pack (issue 13): which of the school's cases it is in, to go and check there. */
export interface EvidenceFinding extends ExportFinding {
  caseId: string;
  reference: string;
}

export const PERSONAL_DATA_TO_CHECK = 'personal_data_to_check';
