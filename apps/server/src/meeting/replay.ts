import { eventsFor, type MeetingEvent } from '@consultboard/domain';
import type { SocketIdentity } from './handshake.js';
import type { MeetingStore } from './meetingStore.js';

/**
 * One page of the events after `after`, as this socket may see them: whole for the EP's console, redacted
 * against the meeting as it stands now for phones and the projector (so no replay holds a hidden card's text).
 */
export function replayFor(
  meetings: MeetingStore,
  who: Pick<SocketIdentity, 'sessionId' | 'role'>,
  after: number,
): { events: MeetingEvent[]; more: boolean } {
  const page = meetings.page(who.sessionId, after);
  return { events: eventsFor(who.role, page.events, meetings.state(who.sessionId)), more: page.more };
}
