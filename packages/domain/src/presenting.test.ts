import { describe, expect, it } from 'vitest';
import { decide } from './meeting.js';
import { mayCommandAs } from './presenting.js';
import { buildCard, buildCommand, buildContext, buildStartedState } from './testing/builders.js';

const FEEDBACK = 5;
const cards = [
  buildCard({ id: 'mine', caseId: 'case-1' }),
  buildCard({ id: 'hidden', caseId: 'case-1', hidden: true }),
  buildCard({ id: 'theirs', caseId: 'case-2' }),
];
const atFeedback = buildStartedState({ state: { stageIndex: FEEDBACK, cards } });
const mark = (cardId: string) => buildCommand('card.helpful', { cardId, helpful: true });

describe('the presenting SENCO (issue 9 item 3)', () => {
  it('may send card.helpful besides what a phone may; a phone and the projector may not', () => {
    expect(mayCommandAs('participant', 'card.helpful', [])).toBe(false);
    expect(mayCommandAs('participant', 'card.helpful', ['case-1'])).toBe(true);
    expect(mayCommandAs('participant', 'card.add', ['case-1'])).toBe(true);
    expect(mayCommandAs('participant', 'stage.next', ['case-1'])).toBe(false);
    expect(mayCommandAs('projector', 'card.helpful', ['case-1'])).toBe(false);
  });

  it('marks a visible card of their own current case in the helpful stage, and nothing else', () => {
    const as = (presenting: string[]) => buildContext({ presenting });
    expect(decide(atFeedback, mark('mine'), as(['case-1']))).toMatchObject({ ok: true });
    expect(decide(atFeedback, mark('mine'), as(['case-2']))).toMatchObject({ ok: false, code: 'not_your_case' });
    expect(decide(atFeedback, mark('theirs'), as(['case-1', 'case-2']))).toMatchObject({ code: 'not_your_case' });
    expect(decide(atFeedback, mark('hidden'), as(['case-1']))).toMatchObject({ code: 'no_such_card' });
    const early = { ...atFeedback, stageIndex: FEEDBACK - 1 };
    expect(decide(early, mark('mine'), as(['case-1']))).toMatchObject({ code: 'not_helpful_stage' });
    // The EP's console passes no `presenting`: it marks any card, at any stage.
    expect(decide(early, mark('theirs'), buildContext())).toMatchObject({ ok: true });
  });
});
