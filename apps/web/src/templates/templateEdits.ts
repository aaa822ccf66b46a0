import { ACTION_PLAN_STAGE_ID, CARD_KINDS, type CardKind, type StageDefinition } from '@consultboard/domain';

/** Pure edits of a template being changed on the Stage template page (issue 9 item 8). */

/** Moves the stage at an index up (-1) or down (+1); out of range leaves the order as it was. */
export function moveStage(stages: readonly StageDefinition[], index: number, by: -1 | 1): StageDefinition[] {
  const target = index + by;
  const next = [...stages];
  if (index < 0 || index >= next.length || target < 0 || target >= next.length) return next;
  const [moved] = next.splice(index, 1);
  next.splice(target, 0, moved as StageDefinition);
  return next;
}

/** A stage id the template does not use yet, made from a random source (so tests can pass their own). */
export function newStageId(stages: readonly StageDefinition[], random: () => number = Math.random): string {
  for (;;) {
    const id = `stage-${Math.floor(random() * 36 ** 6).toString(36)}`;
    if (!stages.some((stage) => stage.id === id)) return id;
  }
}

/**
 * Adds a blank stage just before the Action plan stage (where a new discussion stage belongs; after it, a stage
 * could not feed the plan), or at the end when there is none.
 */
export function addStage(stages: readonly StageDefinition[], id: string): StageDefinition[] {
  const stage: StageDefinition = {
    id,
    name: 'New stage',
    prompt: 'Say what the room does in this stage.',
    cardKinds: [],
    notes: true,
    marksHelpful: false,
    suggestedMinutes: 5,
  };
  const plan = stages.findIndex((one) => one.id === ACTION_PLAN_STAGE_ID);
  const at = plan === -1 ? stages.length : plan;
  return [...stages.slice(0, at), stage, ...stages.slice(at)];
}

export function removeStage(stages: readonly StageDefinition[], id: string): StageDefinition[] {
  return stages.filter((stage) => stage.id !== id);
}

/** Changes one stage's fields. */
export function changeStage(
  stages: readonly StageDefinition[],
  id: string,
  change: Partial<StageDefinition>,
): StageDefinition[] {
  return stages.map((stage) => (stage.id === id ? { ...stage, ...change } : stage));
}

/** Turns a card kind on or off for a stage, keeping the four kinds in their usual order. */
export function toggleKind(stage: StageDefinition, kind: CardKind, on: boolean): CardKind[] {
  const chosen = new Set(stage.cardKinds);
  if (on) chosen.add(kind);
  else chosen.delete(kind);
  return CARD_KINDS.filter((one) => chosen.has(one));
}

/**
 * Marks helpful cards in this stage only: at most one stage of a template is where helpful cards are marked, so
 * ticking it on one stage takes it off any other.
 */
export function setHelpfulStage(stages: readonly StageDefinition[], id: string, on: boolean): StageDefinition[] {
  return stages.map((stage) => ({ ...stage, marksHelpful: stage.id === id ? on : on ? false : stage.marksHelpful }));
}
