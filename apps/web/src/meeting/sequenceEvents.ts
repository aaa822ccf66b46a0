import { applyEvent, type MeetingEvent, type MeetingState } from '@consultboard/domain';

/**
 * Folds events strictly in sequence order. Events that arrive after a gap are held back (never folded
 * out of order) until the missing ones come; `gap` says whether to ask the server for them.
 */
export function sequenceEvents(
  state: MeetingState,
  held: ReadonlyMap<number, MeetingEvent>,
  incoming: readonly MeetingEvent[],
): { state: MeetingState; held: Map<number, MeetingEvent>; gap: boolean } {
  const waiting = new Map(held);
  for (const event of incoming) if (event.seq > state.seq) waiting.set(event.seq, event);
  let folded = state;
  for (let next = waiting.get(folded.seq + 1); next; next = waiting.get(folded.seq + 1)) {
    folded = applyEvent(folded, next);
  }
  for (const seq of waiting.keys()) if (seq <= folded.seq) waiting.delete(seq);
  return { state: folded, held: waiting, gap: waiting.size > 0 };
}
