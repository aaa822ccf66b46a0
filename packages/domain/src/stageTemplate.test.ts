import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGES, type StageDefinition } from './stages.js';
import { stageTemplateProblem } from './stageTemplate.js';
import { stageTemplateRequestSchema } from './stageTemplateSchema.js';

const byId = (id: string) => DEFAULT_STAGES.find((stage) => stage.id === id) as StageDefinition;

describe('a locality stage template', () => {
  it('takes the default, and the default renamed, reordered and shortened', () => {
    expect(stageTemplateProblem(DEFAULT_STAGES)).toBeNull();
    const short = [byId('strategies-and-resources'), { ...byId('feedback'), name: 'What helped' }, byId('action-plan')];
    expect(stageTemplateRequestSchema.safeParse({ stages: short }).success).toBe(true);
    // No helpful stage at all is allowed: the plan is drafted empty.
    expect(stageTemplateProblem([byId('current-situation'), byId('action-plan')])).toBeNull();
  });

  it('refuses a template that would break the Action plan stage’s draft', () => {
    expect(stageTemplateProblem([byId('feedback')])).toMatch(/Keep the Action plan stage/);
    expect(stageTemplateProblem([byId('action-plan'), byId('feedback')])).toMatch(/before the Action plan stage/);
    expect(stageTemplateProblem([{ ...byId('action-plan'), cardKinds: ['strategy'] }])).toMatch(/takes no cards/);
    expect(stageTemplateProblem([{ ...byId('action-plan'), marksHelpful: true }])).toMatch(/marks none helpful/);
  });

  it('refuses two helpful stages, repeated stages and none at all', () => {
    const twice = [byId('feedback'), { ...byId('feedback'), id: 'more-feedback' }, byId('action-plan')];
    expect(stageTemplateProblem(twice)).toMatch(/one stage at most/);
    expect(stageTemplateProblem([byId('action-plan'), byId('action-plan')])).toMatch(/appears once/);
    expect(stageTemplateProblem([])).toMatch(/at least one/);
  });
});
