// The words of cases and the preparation form, without zod, so pages a phone loads first can use them.

/** What a case is about. A child's case is known only by the anonymised reference (J5M). */
export const CASE_TYPES = ['child', 'group', 'class', 'school', 'locality'] as const;
export type CaseType = (typeof CASE_TYPES)[number];

export const CASE_TYPE_LABELS: Record<CaseType, string> = {
  child: 'An individual child or young person',
  group: 'A group of children',
  class: 'A class',
  school: 'A school issue',
  locality: 'A locality issue',
};

/** The SEND Code of Practice areas of need. */
export const AREAS_OF_NEED = [
  'communication-and-interaction',
  'cognition-and-learning',
  'social-emotional-and-mental-health',
  'sensory-and-physical',
] as const;
export type AreaOfNeed = (typeof AREAS_OF_NEED)[number];

export const AREA_OF_NEED_LABELS: Record<AreaOfNeed, string> = {
  'communication-and-interaction': 'Communication and interaction',
  'cognition-and-learning': 'Cognition and learning',
  'social-emotional-and-mental-health': 'Social, emotional and mental health',
  'sensory-and-physical': 'Sensory and/or physical',
};

/** The written sections of the preparation form (the areas of need are chosen, not written). */
export type PreparationSection = 'currentSituation' | 'triedSoFar' | 'desiredSituation' | 'aim';

/** Labels of the preparation form, as on the screen and in the Preparation stage. */
export const PREPARATION_LABELS: Record<PreparationSection, string> = {
  currentSituation: 'Current situation',
  triedSoFar: 'What has been tried',
  desiredSituation: 'Desired situation',
  aim: 'Aim of the consultation',
};
