import { describe, expect, it } from 'vitest';
import { CARD_KIND_LABELS, CARD_KINDS, DEFAULT_STAGES, findStage, stageTakes, suggestedMs } from './stages.js';
import { PRODUCT_STAGES } from './testing/builders.js';

describe('the default template', () => {
  it('has the seven stages of docs/stages.md, named exactly and in order', () => {
    expect(DEFAULT_STAGES.map((stage) => stage.name)).toEqual([
      'Preparation',
      'Current situation',
      'Clarifying questions',
      'Desired situation',
      'Strategies and resources',
      'Feedback',
      'Action plan',
    ]);
  });

  it.each(PRODUCT_STAGES.map((expected, index) => [expected.name, index, expected.cardKinds] as const))(
    '%s (stage %i) takes exactly the cards in the table: %j',
    (name, index, cardKinds) => {
      const stage = DEFAULT_STAGES[index];
      expect(stage?.name).toBe(name);
      expect([...(stage?.cardKinds ?? ['missing'])].sort()).toEqual([...cardKinds].sort());
    },
  );

  it('agrees with stageTakes for every stage and every card kind', () => {
    for (const [index, expected] of PRODUCT_STAGES.entries()) {
      const stage = DEFAULT_STAGES[index];
      if (!stage) throw new Error(`stage ${index} is missing`);
      for (const kind of CARD_KINDS) {
        expect(stageTakes(stage, kind), `${stage.name} / ${kind}`).toBe(expected.cardKinds.includes(kind));
      }
    }
  });

  it.each(DEFAULT_STAGES.map((stage) => [stage.name, stage] as const))(
    '%s has a positive whole suggested time and a prompt',
    (_name, stage) => {
      expect(Number.isInteger(stage.suggestedMinutes)).toBe(true);
      expect(stage.suggestedMinutes).toBeGreaterThan(0);
      expect(suggestedMs(stage)).toBe(stage.suggestedMinutes * 60_000);
      expect(stage.prompt.trim().length).toBeGreaterThan(10);
    },
  );

  it('marks helpful in Feedback and nowhere else', () => {
    expect(DEFAULT_STAGES.filter((stage) => stage.marksHelpful).map((stage) => stage.name)).toEqual(['Feedback']);
  });

  it('takes notes in Current situation but not while reading the preparation form', () => {
    expect(findStage(DEFAULT_STAGES, 'current-situation')?.notes).toBe(true);
    expect(findStage(DEFAULT_STAGES, 'preparation')?.notes).toBe(false);
  });

  it('gives every stage a distinct, URL-safe id', () => {
    const ids = DEFAULT_STAGES.map((stage) => stage.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });
});

describe('findStage', () => {
  it('finds a stage by id', () => {
    expect(findStage(DEFAULT_STAGES, 'desired-situation')?.name).toBe('Desired situation');
  });

  it('returns undefined for an unknown id', () => {
    expect(findStage(DEFAULT_STAGES, 'Desired situation')).toBeUndefined();
    expect(findStage([], 'preparation')).toBeUndefined();
  });
});

describe('card kinds', () => {
  it('are the four kinds of docs/stages.md', () => {
    expect([...CARD_KINDS]).toEqual(['question', 'affirmation', 'strategy', 'resource']);
  });

  it('carry the labels people are trained on', () => {
    expect(CARD_KIND_LABELS).toEqual({
      question: 'Question',
      affirmation: 'Affirmation',
      strategy: 'Strategy',
      resource: 'Resource',
    });
  });
});
