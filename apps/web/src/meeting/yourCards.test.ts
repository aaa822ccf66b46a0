import {
  type AgendaCase,
  applyEvent,
  type Command,
  DEFAULT_STAGES,
  initialMeetingState,
  sessionStartedEvent,
} from '@consultboard/domain';
import { describe, expect, it } from 'vitest';
import { yourCards } from './yourCards';

const cases: AgendaCase[] = [{ id: 'c1', reference: 'J5M', kind: 'child' }];
const started = applyEvent(initialMeetingState, { ...sessionStartedEvent(cases, DEFAULT_STAGES), seq: 1, at: 0 });

function command(id: string, text: string): Command {
  return { id, type: 'card.add', caseId: 'c1', stageId: 'clarifying-questions', kind: 'question', text };
}

function withCard(id: string, text: string, author = 'Sam') {
  return (state: typeof started) =>
    applyEvent(state, {
      type: 'card.added',
      card: { id, caseId: 'c1', stageId: 'clarifying-questions', kind: 'question', text, author, createdAt: 0 },
      seq: state.seq + 1,
      at: 0,
    });
}

describe('yourCards', () => {
  it('lists confirmed and pending cards once each, newest first', () => {
    const state = withCard('b', 'second')(withCard('other', 'not mine', 'Alex')(withCard('a', 'first')(started)));
    const pending = [command('b', 'second'), command('c', 'third'), { id: 'next0001', type: 'stage.next' } as Command];
    const listed = yourCards(state, new Set(['a', 'b', 'c']), pending);
    expect(listed.map((card) => [card.id, card.pending])).toEqual([
      ['c', true],
      ['b', false],
      ['a', false],
    ]);
  });

  it('marks cards the facilitator hid', () => {
    const state = applyEvent(withCard('a', 'first')(started), {
      type: 'card.hidden',
      cardId: 'a',
      hidden: true,
      seq: 3,
      at: 0,
    });
    expect(yourCards(state, new Set(['a']), [])[0]?.hidden).toBe(true);
  });
});
