import { DEFAULT_STAGES } from '@consultboard/domain';
import { describe, expect, it } from 'vitest';
import { joinPanelSize } from './joinPanelSize';

const stages = [...DEFAULT_STAGES];

describe('joinPanelSize', () => {
  it('is large while people arrive: before the first stage and at the first case’s Preparation', () => {
    expect(joinPanelSize({ stages: [], caseIndex: 0, stageIndex: 0 })).toBe('large');
    expect(joinPanelSize({ stages, caseIndex: 0, stageIndex: 0 })).toBe('large');
  });

  it('is a corner once the meeting is under way', () => {
    expect(joinPanelSize({ stages, caseIndex: 0, stageIndex: 1 })).toBe('corner');
    expect(joinPanelSize({ stages, caseIndex: 1, stageIndex: 0 })).toBe('corner');
  });

  it('follows the EP’s Show join code and Hide join code, whatever the stage', () => {
    expect(joinPanelSize({ stages, caseIndex: 1, stageIndex: 4, joinShown: true })).toBe('large');
    expect(joinPanelSize({ stages, caseIndex: 0, stageIndex: 0, joinShown: false })).toBe('corner');
  });
});
