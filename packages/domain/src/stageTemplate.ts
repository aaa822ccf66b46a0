import type { StageDefinition } from './stages.js';

/**
 * The rules a locality's own stage template must keep (docs/stages.md), zod-free so the web's editor can say what
 * is wrong before it saves. The server checks them again in `stageTemplateSchema`.
 */
export const STAGE_TEMPLATE_LIMITS = {
  stages: { min: 1, max: 12 },
  name: { min: 1, max: 60 },
  prompt: { min: 1, max: 300 },
  minutes: { min: 1, max: 60 },
} as const;

/** A stage id: what the notes' fragment names and the board's stage list key on (see STAGE_ID in notes.ts). */
export const STAGE_ID_PATTERN = /^[a-z0-9-]{1,40}$/;

/**
 * The stage whose arrival drafts the action plan from the helpful cards (the server's `draftPlanOnArrival`), and
 * whose screens show the plan rather than cards. A template keeps exactly one, found by this id: it may be renamed,
 * re-prompted and moved, never removed; it takes no cards, and it comes after the stage where cards are marked
 * helpful, so the draft has the marks to draw on.
 */
export const ACTION_PLAN_STAGE_ID = 'action-plan';

/** What is wrong with a template, in the words the editor shows, or null when it may be stored. */
export function stageTemplateProblem(stages: readonly StageDefinition[]): string | null {
  const { min, max } = STAGE_TEMPLATE_LIMITS.stages;
  if (stages.length < min) return 'Keep at least one stage.';
  if (stages.length > max) return `A template has at most ${max} stages.`;
  if (new Set(stages.map((stage) => stage.id)).size !== stages.length) return 'Each stage appears once.';
  if (stages.filter((stage) => stage.marksHelpful).length > 1) return 'Helpful cards are marked in one stage at most.';
  const planIndex = stages.findIndex((stage) => stage.id === ACTION_PLAN_STAGE_ID);
  if (planIndex === -1) return 'Keep the Action plan stage: it drafts the plan from the helpful cards.';
  const plan = stages[planIndex] as StageDefinition;
  if (plan.cardKinds.length > 0 || plan.marksHelpful)
    return 'The Action plan stage shows the plan: it takes no cards and marks none helpful.';
  const helpfulIndex = stages.findIndex((stage) => stage.marksHelpful);
  if (helpfulIndex > planIndex) return 'Mark helpful cards before the Action plan stage, so the plan can use them.';
  return null;
}
