import type { AreaOfNeed, Preparation } from '@consultboard/domain';

/*
 * The labels of the preparation form for the live meeting. The domain's own (cases.ts) sit beside a zod schema,
 * and importing that module would pull zod into the phone's first load; preparationLabels.test.ts keeps these
 * equal to the domain's.
 */
export const PREPARATION_SECTION_LABELS: Record<Exclude<keyof Preparation, 'areasOfNeed'>, string> = {
  currentSituation: 'Current situation',
  triedSoFar: 'What has been tried',
  desiredSituation: 'Desired situation',
  aim: 'Aim of the consultation',
};

export const AREA_LABELS: Record<AreaOfNeed, string> = {
  'communication-and-interaction': 'Communication and interaction',
  'cognition-and-learning': 'Cognition and learning',
  'social-emotional-and-mental-health': 'Social, emotional and mental health',
  'sensory-and-physical': 'Sensory and/or physical',
};
