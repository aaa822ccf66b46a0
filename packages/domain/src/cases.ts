import { z } from 'zod';

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

export const PREPARATION_LIMITS = { text: 4000 } as const;

const prepText = z
  .string()
  .max(PREPARATION_LIMITS.text, `Keep this to ${PREPARATION_LIMITS.text} characters.`)
  .transform((text) => text.replace(/\r\n?/g, '\n'));

/** The consultation preparation form, as the SENCO writes it (every field may be empty while drafting). */
export const preparationSchema = z
  .object({
    currentSituation: prepText,
    triedSoFar: prepText,
    desiredSituation: prepText,
    aim: prepText,
    areasOfNeed: z.array(z.enum(AREAS_OF_NEED)).max(AREAS_OF_NEED.length),
  })
  .strict();
export type Preparation = z.infer<typeof preparationSchema>;

/** Labels of the preparation form, as on the screen and in the Preparation stage. */
export const PREPARATION_LABELS: Record<Exclude<keyof Preparation, 'areasOfNeed'>, string> = {
  currentSituation: 'Current situation',
  triedSoFar: 'What has been tried',
  desiredSituation: 'Desired situation',
  aim: 'Aim of the consultation',
};

export const EMPTY_PREPARATION: Preparation = {
  currentSituation: '',
  triedSoFar: '',
  desiredSituation: '',
  aim: '',
  areasOfNeed: [],
};
