import { z } from 'zod';
import { AREAS_OF_NEED } from './caseLabels.js';
import { text } from './textSchema.js';

export const PREPARATION_LIMITS = { text: 4000 } as const;

const prepText = text()
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

export const EMPTY_PREPARATION: Preparation = {
  currentSituation: '',
  triedSoFar: '',
  desiredSituation: '',
  aim: '',
  areasOfNeed: [],
};
