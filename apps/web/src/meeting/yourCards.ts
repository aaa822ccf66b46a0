import type { Card, Command, MeetingState } from '@consultboard/domain';

export type ListedCard = { id: string; kind: Card['kind']; text: string; pending: boolean; hidden: boolean };

/** This phone's cards, newest first, each once: unsent ones (still in the outbox) marked pending. */
export function yourCards(state: MeetingState, mine: ReadonlySet<string>, pending: readonly Command[]): ListedCard[] {
  const confirmed = new Set<string>();
  const listed: ListedCard[] = [];
  for (const card of state.cards) {
    if (!mine.has(card.id)) continue;
    confirmed.add(card.id);
    listed.push({ id: card.id, kind: card.kind, text: card.text, pending: false, hidden: card.hidden });
  }
  for (const command of pending) {
    if (command.type !== 'card.add' || confirmed.has(command.id)) continue;
    listed.push({ id: command.id, kind: command.kind, text: command.text, pending: true, hidden: false });
  }
  return listed.reverse();
}
