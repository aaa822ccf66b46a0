import { z } from 'zod';
import { CARD_KINDS, type StageDefinition } from './stages.js';
import { STAGE_ID_PATTERN, STAGE_TEMPLATE_LIMITS, stageTemplateProblem } from './stageTemplate.js';
import { shownText, text } from './textSchema.js';

const { name, prompt, minutes, stages } = STAGE_TEMPLATE_LIMITS;

/** One stage of a locality's template, as the editor sends it. */
export const stageDefinitionSchema = z
  .object({
    id: text().regex(STAGE_ID_PATTERN, 'A stage id is lower-case letters, digits and -.'),
    name: shownText()
      .trim()
      .min(name.min, 'Enter the stage name.')
      .max(name.max, `A stage name is at most ${name.max} characters.`),
    prompt: shownText()
      .trim()
      .min(prompt.min, 'Enter the prompt.')
      .max(prompt.max, `A prompt is at most ${prompt.max} characters.`),
    cardKinds: z
      .array(z.enum(CARD_KINDS))
      .max(CARD_KINDS.length)
      .refine((kinds) => new Set(kinds).size === kinds.length, 'Each kind of card appears once.'),
    notes: z.boolean(),
    marksHelpful: z.boolean(),
    suggestedMinutes: z
      .number()
      .int('Whole minutes only.')
      .min(minutes.min, `At least ${minutes.min} minute.`)
      .max(minutes.max, `At most ${minutes.max} minutes.`),
  })
  .strict();

/** The body of PUT /api/localities/:id/template: the whole template, checked against the template rules. */
export const stageTemplateRequestSchema = z
  .object({
    stages: z
      .array(stageDefinitionSchema)
      .min(stages.min, 'Keep at least one stage.')
      .max(stages.max, `A template has at most ${stages.max} stages.`),
  })
  .strict()
  .superRefine((body, context) => {
    const problem = stageTemplateProblem(body.stages);
    if (problem) context.addIssue({ code: 'custom', message: problem, path: ['stages'] });
  });

export type StageTemplateRequest = z.infer<typeof stageTemplateRequestSchema>;

/** What GET and PUT /api/localities/:id/template answer: the stages, and whether they are the locality's own. */
export interface StageTemplateView {
  localityId: string;
  localityName: string;
  stages: StageDefinition[];
  custom: boolean;
}
