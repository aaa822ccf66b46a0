import { describe, expect, it } from 'vitest';
import type { MeetingEvent } from '../events.js';
import { applyEvent, decide } from '../meeting.js';
import { redactEvent } from '../redaction.js';
import {
  buildCard,
  buildCommand,
  buildContext,
  buildEvent,
  buildStartedState,
  decideEvent,
} from '../testing/builders.js';

// Issue 12, item 5: a card the EP adds from Ideas from the bank carries `fromBank` to every screen.
const atStrategies = () => buildStartedState({ state: { stageIndex: 4 } });
const fromBank = () =>
  buildCommand('card.add', {
    stageId: 'strategies-and-resources',
    kind: 'strategy',
    text: 'Sand timer',
    fromBank: true,
  });

describe('a card from the bank', () => {
  it('is added marked, folds marked, and is sent to phones and the projector marked', () => {
    const state = atStrategies();
    expect(state.stages[state.stageIndex]?.id).toBe('strategies-and-resources');
    const event = decideEvent(state, fromBank());
    expect(event).toMatchObject({ type: 'card.added', card: { fromBank: true, text: 'Sand timer' } });
    const after = applyEvent(state, event);
    expect(after.cards.at(-1)).toMatchObject({ fromBank: true, helpful: false, hidden: false });
    expect(redactEvent(event, after)).toMatchObject({ card: { fromBank: true, text: 'Sand timer' } });
  });

  it('is only a strategy or a resource', () => {
    const state = buildStartedState({ state: { stageIndex: 2 } });
    const question = buildCommand('card.add', { fromBank: true });
    expect(decide(state, question, buildContext())).toMatchObject({ ok: false, code: 'stage_takes_no_such_card' });
  });

  it('leaves older logs folding as before: a card added without the mark has none', () => {
    const state = atStrategies();
    const { hidden: _h, helpful: _k, ...card } = buildCard({ stageId: 'strategies-and-resources', kind: 'strategy' });
    const old = buildEvent({ type: 'card.added', card }, { seq: state.seq + 1 }) as MeetingEvent;
    expect(applyEvent(state, old).cards.at(-1)?.fromBank).toBeUndefined();
  });
});
