import {
  type AgendaCase,
  applyEvent,
  type Command,
  DEFAULT_STAGES,
  initialMeetingState,
  type MeetingEventBody,
  type MeetingState,
  sessionStartedEvent,
} from '@consultboard/domain';
import { describe, expect, it } from 'vitest';
import { roomCards } from './roomCards';

const cases: AgendaCase[] = [{ id: 'c1', reference: 'J5M', kind: 'child' }];
const fold = (state: MeetingState, body: MeetingEventBody) =>
  applyEvent(state, { ...body, seq: state.seq + 1, at: 0 } as never);
let state = fold(initialMeetingState, sessionStartedEvent(cases, DEFAULT_STAGES));
state = fold(state, { type: 'stage.changed', caseIndex: 0, stageIndex: 2, timer: state.timer });

function added(s: MeetingState, id: string, createdAt: number, author = 'SENCO B') {
  const card = {
    id,
    caseId: 'c1',
    stageId: 'clarifying-questions',
    kind: 'question' as const,
    text: id,
    author,
    createdAt,
  };
  return fold(s, { type: 'card.added', card });
}

const withCards = [
  ['mine-1', 1],
  ['theirs-1', 2],
  ['mine-2', 3],
  ['theirs-2', 4],
].reduce((s, [id, at]) => added(s, id as string, at as number), state);
const mine = new Set(['mine-1', 'mine-2', 'mine-3']);

describe('roomCards (item 2 of issue 9)', () => {
  it('lists everyone’s cards of the stage in one list, newest first, its own marked and changeable', () => {
    const listed = roomCards(withCards, mine, []);
    expect(listed.map((card) => [card.id, card.yours, card.changeable])).toEqual([
      ['theirs-2', false, false],
      ['mine-2', true, true],
      ['theirs-1', false, false],
      ['mine-1', true, true],
    ]);
  });

  it('puts unsent cards first, marked pending, and shows unsent edits and withdrawals as done', () => {
    const pending: Command[] = [
      { id: 'mine-3', type: 'card.add', caseId: 'c1', stageId: 'clarifying-questions', kind: 'question', text: 'New' },
      { id: 'edit-0001', type: 'card.edit', cardId: 'mine-2', text: 'Changed' },
      { id: 'withdraw-01', type: 'card.withdraw', cardId: 'mine-1' },
    ];
    const listed = roomCards(withCards, mine, pending);
    expect(listed.map((card) => card.id)).toEqual(['mine-3', 'theirs-2', 'mine-2', 'theirs-1']);
    expect(listed[0]).toMatchObject({ pending: true, yours: true, changeable: false });
    expect(listed[2]).toMatchObject({ text: 'Changed', pending: true, edited: true, changeable: false });
  });

  it('drops withdrawn cards, keeps its own hidden card marked, and closes Edit once the stage moves on', () => {
    let s = fold(withCards, { type: 'card.withdrawn', cardId: 'theirs-1' });
    s = fold(s, { type: 'card.hidden', cardId: 'mine-1', hidden: true, redacted: true });
    s = fold(s, { type: 'card.hidden', cardId: 'theirs-2', hidden: true, redacted: true });
    const listed = roomCards(s, mine, []);
    expect(listed.map((card) => [card.id, card.hidden, card.changeable])).toEqual([
      ['mine-2', false, true],
      ['mine-1', true, false],
    ]);
    const moved = fold(s, { type: 'stage.changed', caseIndex: 0, stageIndex: 3, timer: s.timer });
    expect(roomCards(moved, mine, [])).toEqual([]);
  });
});

describe('held cards (issue 10)', () => {
  const heldAdd = (s: MeetingState, id: string) =>
    fold(s, {
      type: 'card.added',
      // As phones are sent it: no words, marked held.
      card: {
        id,
        caseId: 'c1',
        stageId: 'clarifying-questions',
        kind: 'question',
        text: '',
        author: 'SENCO A',
        createdAt: 9,
        held: true,
        redacted: true,
      },
    });

  it('lists this phone’s own held card as held, without words, and nobody else’s', () => {
    const withHeld = heldAdd(heldAdd(withCards, 'mine-3'), 'theirs-3');
    const listed = roomCards(withHeld, mine, []);
    expect(listed.find((card) => card.id === 'mine-3')).toMatchObject({
      held: true,
      hidden: true,
      text: '',
      changeable: false,
    });
    expect(listed.some((card) => card.id === 'theirs-3')).toBe(false);
    expect(listed.filter((card) => card.held).map((card) => card.id)).toEqual(['mine-3']);
  });
});
