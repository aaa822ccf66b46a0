import { describe, expect, it } from 'vitest';
import type { Command } from '../commands.js';
import { ERROR_CODES, type ErrorCode } from '../errors.js';
import { cardsOfCurrentCase, cardsOfStage, decide, type MeetingState } from '../meeting.js';
import { buildCommand, buildContext, buildStartedState, play } from '../testing/builders.js';

function expectRefused(state: MeetingState, command: Command, code: ErrorCode): void {
  expect(decide(state, command, buildContext())).toEqual({ ok: false, code, message: ERROR_CODES[code] });
}

/** J5M at Clarifying questions with three visible questions, card-1 to card-3. */
function threeCards(): MeetingState {
  let state = buildStartedState();
  state = play(state, buildCommand('stage.next'));
  state = play(state, buildCommand('stage.next'));
  for (const [id, text] of [
    ['card-1', 'What helps at lunchtime?'],
    ['card-2', 'What helps at lunch?'],
    ['card-3', 'Who is the key adult?'],
  ])
    state = play(state, buildCommand('card.add', { id, text }));
  return state;
}

const merge = (cardId: string, intoCardId: string) => buildCommand('card.merge', { cardId, intoCardId });

describe('Merge (issue 9, item 4)', () => {
  it('shows the merged card inside the one it went into, with both texts, and not on its own', () => {
    const state = play(threeCards(), merge('card-2', 'card-1'));
    const shown = cardsOfStage(state, 'clarifying-questions');
    expect(shown.map((card) => card.id)).toEqual(['card-1', 'card-3']);
    expect(shown[0]?.text).toBe('What helps at lunchtime?');
    expect(shown[0]?.merged?.map((card) => card.text)).toEqual(['What helps at lunch?']);
    expect(cardsOfStage(state, 'clarifying-questions', { includeHidden: true })).toHaveLength(2);
    expect(cardsOfCurrentCase(state).map((card) => card.id)).toEqual(['card-1', 'card-3']);
  });

  it('keeps a helpful mark: the card merged into becomes helpful if the merged one was', () => {
    let state = play(threeCards(), buildCommand('card.helpful', { cardId: 'card-2', helpful: true }));
    state = play(state, merge('card-2', 'card-1'));
    expect(state.cards.find((card) => card.id === 'card-1')?.helpful).toBe(true);
  });

  it('moves a spotlight on the merged card to the card it went into', () => {
    let state = play(threeCards(), buildCommand('card.spotlight', { cardId: 'card-2' }));
    state = play(state, merge('card-2', 'card-1'));
    expect(state.spotlightCardId).toBe('card-1');
  });

  it('takes several cards into one', () => {
    let state = play(threeCards(), merge('card-2', 'card-1'));
    state = play(state, merge('card-3', 'card-1'));
    expect(cardsOfStage(state, 'clarifying-questions')[0]?.merged?.map((card) => card.id)).toEqual([
      'card-2',
      'card-3',
    ]);
  });

  it('refuses a card into itself, a card not on the board, a hidden card, and cards of different stages', () => {
    const state = threeCards();
    expectRefused(state, merge('card-1', 'card-9'), 'no_such_card');
    expectRefused(state, merge('card-9', 'card-1'), 'no_such_card');
    expect(decide(state, merge('card-1', 'card-1'), buildContext())).toMatchObject({
      ok: false,
      code: 'invalid_payload',
    });
    const hidden = play(state, buildCommand('card.hide', { cardId: 'card-3', hidden: true }));
    expectRefused(hidden, merge('card-3', 'card-1'), 'no_such_card');
    expectRefused(hidden, merge('card-1', 'card-3'), 'no_such_card');
    let later = play(state, buildCommand('stage.next'));
    later = play(later, buildCommand('card.add', { id: 'card-4', stageId: 'desired-situation' }));
    expectRefused(later, merge('card-4', 'card-1'), 'cards_not_together');
  });

  it('keeps merges one level deep', () => {
    const state = play(threeCards(), merge('card-2', 'card-1'));
    expectRefused(state, merge('card-2', 'card-3'), 'card_merged');
    expectRefused(state, merge('card-3', 'card-2'), 'card_merged');
    expectRefused(state, merge('card-1', 'card-3'), 'card_holds_merged');
  });

  it('never hides merged text: a card holding others cannot be hidden, nor a merged card acted on alone', () => {
    const state = play(threeCards(), merge('card-2', 'card-1'));
    expectRefused(state, buildCommand('card.hide', { cardId: 'card-1', hidden: true }), 'card_holds_merged');
    expectRefused(state, buildCommand('card.hide', { cardId: 'card-2', hidden: true }), 'card_merged');
    expectRefused(state, buildCommand('card.spotlight', { cardId: 'card-2' }), 'card_merged');
    expectRefused(state, buildCommand('card.helpful', { cardId: 'card-2', helpful: true }), 'card_merged');
    // The card it went into is still spotlit and marked as any other.
    expect(decide(state, buildCommand('card.spotlight', { cardId: 'card-1' }), buildContext()).ok).toBe(true);
  });
});

describe('Unmerge (issue 9, item 4)', () => {
  it('gives the merged card back as it was, on its own again', () => {
    let state = play(threeCards(), merge('card-2', 'card-1'));
    state = play(state, buildCommand('card.unmerge', { cardId: 'card-2' }));
    const shown = cardsOfStage(state, 'clarifying-questions');
    expect(shown.map((card) => [card.id, card.merged])).toEqual([
      ['card-1', undefined],
      ['card-2', undefined],
      ['card-3', undefined],
    ]);
    expect(state.cards.find((card) => card.id === 'card-2')).not.toHaveProperty('mergedInto');
    // And the card it left may be hidden again.
    expect(decide(state, buildCommand('card.hide', { cardId: 'card-1', hidden: true }), buildContext()).ok).toBe(true);
  });

  it('refuses a card that is not merged, or not on the board', () => {
    expectRefused(threeCards(), buildCommand('card.unmerge', { cardId: 'card-2' }), 'card_not_merged');
    expectRefused(threeCards(), buildCommand('card.unmerge', { cardId: 'card-9' }), 'no_such_card');
  });
});

describe('Merge with Edit and Withdraw (issue 9, items 2 and 4)', () => {
  const phone = (n: number) => ({ actorId: `participant-${n}` });

  /** Two phones' questions, card-1 by participant-1 and card-2 by participant-2. */
  function twoAuthors(): MeetingState {
    let state = buildStartedState();
    state = play(state, buildCommand('stage.next'));
    state = play(state, buildCommand('stage.next'));
    state = play(state, buildCommand('card.add', { id: 'card-1', text: 'What helps at lunchtime?' }), phone(1));
    return play(state, buildCommand('card.add', { id: 'card-2', text: 'What helps at lunch?' }), phone(2));
  }

  it('refuses to withdraw a card in a merge, either side, until the EP unmerges it', () => {
    const merged = play(twoAuthors(), merge('card-2', 'card-1'));
    const withdraw = (cardId: string) => buildCommand('card.withdraw', { cardId });
    expect(decide(merged, withdraw('card-2'), buildContext(phone(2)))).toMatchObject({ code: 'card_merged' });
    expect(decide(merged, withdraw('card-1'), buildContext(phone(1)))).toMatchObject({ code: 'card_holds_merged' });
    const unmerged = play(merged, buildCommand('card.unmerge', { cardId: 'card-2' }));
    expect(decide(unmerged, withdraw('card-2'), buildContext(phone(2)))).toMatchObject({ ok: true });
  });

  it('refuses to merge a withdrawn card, or into one', () => {
    const state = play(twoAuthors(), buildCommand('card.withdraw', { cardId: 'card-2' }), phone(2));
    expectRefused(state, merge('card-2', 'card-1'), 'no_such_card');
    expectRefused(state, merge('card-1', 'card-2'), 'no_such_card');
  });

  it('shows an edit of a merged card inside the card it went into', () => {
    let state = play(twoAuthors(), merge('card-2', 'card-1'));
    state = play(state, buildCommand('card.edit', { cardId: 'card-2', text: 'What helps at lunch break?' }), phone(2));
    expect(cardsOfStage(state, 'clarifying-questions')[0]?.merged?.map((card) => card.text)).toEqual([
      'What helps at lunch break?',
    ]);
  });
});
