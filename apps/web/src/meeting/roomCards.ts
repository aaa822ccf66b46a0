import {
  type Card,
  type Command,
  cardStageIsOn,
  type MeetingState,
  type ServiceLink,
  type ShownCard,
} from '@consultboard/domain';
import { cardsToShow } from './cardsToShow';

/** One card in the phone's list of the room's cards. */
export interface RoomCard {
  id: string;
  kind: Card['kind'];
  text: string;
  /** Added from this phone. */
  yours: boolean;
  /** Still in this phone's outbox: added or changed here, not yet confirmed by the server. */
  pending: boolean;
  /** The EP hid it (only this phone's own hidden cards are listed, without their text). */
  hidden: boolean;
  /** Issue 10: sent for the EP to check, and not shown yet (listed only on its author's phone, without its text). */
  held: boolean;
  edited: boolean;
  /** Its author (this phone) may still Edit or Withdraw it: confirmed, not hidden, not in a merge, its stage on. */
  changeable: boolean;
  /** The cards the EP merged into this one (issue 9, item 4), shown under its text. */
  merged?: Card[];
  /** Issue 13: the directory entry a Resource card links to. */
  service?: ServiceLink;
}

/**
 * The stage's cards from everyone, as the board shows them, in one list, newest first (item 2 of issue 9): this
 * phone's own marked, its own hidden ones kept (so its author knows), its unsent ones first and marked pending,
 * and its unsent edits and withdrawals shown as if done.
 */
export function roomCards(state: MeetingState, mine: ReadonlySet<string>, pending: readonly Command[]): RoomCard[] {
  const shown = cardsToShow(state).cards;
  const shownIds = new Set(shown.map((card) => card.id));
  const stageId = state.stages[state.stageIndex]?.id;
  const caseId = state.cases[state.caseIndex]?.id;
  // This phone's own hidden cards of the stage stay in its list, marked, so their author is not left guessing.
  const ownHidden = state.cards.filter(
    (card) =>
      mine.has(card.id) &&
      !shownIds.has(card.id) &&
      card.hidden &&
      !card.withdrawn &&
      card.caseId === caseId &&
      card.stageId === stageId,
  );
  const edits = new Map<string, string>();
  const withdrawals = new Set<string>();
  for (const command of pending) {
    if (command.type === 'card.edit') edits.set(command.cardId, command.text);
    if (command.type === 'card.withdraw') withdrawals.add(command.cardId);
  }

  const listed: RoomCard[] = [...shown, ...(ownHidden as ShownCard[])]
    .filter((card) => !withdrawals.has(card.id))
    .sort((a, b) => b.createdAt - a.createdAt || state.cards.indexOf(b) - state.cards.indexOf(a))
    .map((card) => {
      const yours = mine.has(card.id);
      const edit = edits.get(card.id);
      return {
        id: card.id,
        kind: card.kind,
        text: edit ?? card.text,
        yours,
        pending: edit !== undefined,
        hidden: card.hidden,
        held: card.held === true,
        edited: card.edited === true || edit !== undefined,
        changeable: yours && edit === undefined && !card.hidden && !card.merged?.length && cardStageIsOn(state, card),
        merged: card.merged,
        ...(card.service ? { service: card.service } : {}),
      };
    });

  const known = new Set(state.cards.map((card) => card.id));
  const unsent: RoomCard[] = pending
    .filter(
      (command): command is Extract<Command, { type: 'card.add' }> =>
        command.type === 'card.add' &&
        !known.has(command.id) &&
        command.caseId === caseId &&
        command.stageId === stageId,
    )
    .reverse()
    .map((command) => ({
      id: command.id,
      kind: command.kind,
      text: command.text,
      yours: true,
      pending: true,
      hidden: false,
      held: false,
      edited: false,
      changeable: false,
    }));
  return [...unsent, ...listed];
}
