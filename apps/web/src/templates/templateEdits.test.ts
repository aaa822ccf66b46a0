import { DEFAULT_STAGES, stageTemplateProblem } from '@consultboard/domain';
import { describe, expect, it } from 'vitest';
import { addStage, moveStage, newStageId, removeStage, setHelpfulStage, toggleKind } from './templateEdits';

const ids = (stages: readonly { id: string }[]) => stages.map((stage) => stage.id);

describe('template edits', () => {
  it('adds a stage before the Action plan stage, and the template stays valid', () => {
    const added = addStage(DEFAULT_STAGES, 'stage-new');
    expect(ids(added).slice(-2)).toEqual(['stage-new', 'action-plan']);
    expect(stageTemplateProblem(added)).toBeNull();
  });

  it('moves within bounds only and removes by id', () => {
    expect(ids(moveStage(DEFAULT_STAGES, 0, 1)).slice(0, 2)).toEqual(['current-situation', 'preparation']);
    expect(ids(moveStage(DEFAULT_STAGES, 0, -1))).toEqual(ids(DEFAULT_STAGES));
    expect(ids(removeStage(DEFAULT_STAGES, 'preparation'))).not.toContain('preparation');
  });

  it('keeps one helpful stage at most and the kinds in order', () => {
    const moved = setHelpfulStage(DEFAULT_STAGES, 'strategies-and-resources', true);
    expect(moved.filter((stage) => stage.marksHelpful).map((stage) => stage.id)).toEqual(['strategies-and-resources']);
    const strategies = DEFAULT_STAGES[4] as (typeof DEFAULT_STAGES)[number];
    expect(toggleKind(strategies, 'question', true)).toEqual(['question', 'strategy', 'resource']);
    expect(toggleKind(strategies, 'strategy', false)).toEqual(['resource']);
  });

  it('makes ids the template does not use yet', () => {
    let calls = 0;
    const id = newStageId([{ ...(DEFAULT_STAGES[0] as (typeof DEFAULT_STAGES)[number]), id: 'stage-0' }], () =>
      calls++ === 0 ? 0 : 0.5,
    );
    expect(id).not.toBe('stage-0');
    expect(id).toMatch(/^stage-[a-z0-9]+$/);
  });
});
