import type { MeetingEvent, MeetingEventBody } from '@consultboard/domain';
import type { Db } from './database.js';

/** An event as stored: its body is JSON text, read back with `toEvent`. */
export interface EventRow {
  seq: number;
  at: number;
  body: string;
}

export function toEvent(row: EventRow): MeetingEvent {
  return { ...(JSON.parse(row.body) as MeetingEventBody), seq: row.seq, at: row.at };
}

/** The append-only log of each session's meeting events, numbered per session. */
export function meetingEventsRepo(db: Db) {
  const insert = db.prepare(
    'INSERT INTO meeting_events (session_id, seq, type, body, command_id, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const after = db.prepare('SELECT seq, at, body FROM meeting_events WHERE session_id = ? AND seq > ? ORDER BY seq');
  const page = db.prepare(
    'SELECT seq, at, body FROM meeting_events WHERE session_id = ? AND seq > ? ORDER BY seq LIMIT ?',
  );
  const byCommand = db.prepare('SELECT seq FROM meeting_events WHERE session_id = ? AND command_id = ?');
  return {
    append: (sessionId: string, event: MeetingEvent, commandId: string | null, actor: string) =>
      insert.run(sessionId, event.seq, event.type, JSON.stringify(stripEnvelope(event)), commandId, actor, event.at),
    after: (sessionId: string, seq: number) => (after.all(sessionId, seq) as EventRow[]).map(toEvent),
    /**
     * The events after `seq`, at most `maxEvents` of them and, past the first, about `maxBytes` of stored body;
     * `more` says whether any are left. Reads no further than it returns.
     */
    page: (sessionId: string, seq: number, maxEvents: number, maxBytes: number) => {
      const events: MeetingEvent[] = [];
      let bytes = 0;
      let more = false;
      for (const row of page.iterate(sessionId, seq, maxEvents + 1) as IterableIterator<EventRow>) {
        if (events.length >= maxEvents || (events.length > 0 && bytes + row.body.length > maxBytes)) {
          more = true;
          break;
        }
        bytes += row.body.length;
        events.push(toEvent(row));
      }
      return { events, more };
    },
    /** A session's whole log as stored, unparsed (an export parses and folds it off the main thread). */
    stored: (sessionId: string) => after.all(sessionId, 0) as EventRow[],
    seqOfCommand: (sessionId: string, commandId: string) =>
      (byCommand.get(sessionId, commandId) as { seq: number } | undefined)?.seq,
  };
}
export type MeetingEventsRepo = ReturnType<typeof meetingEventsRepo>;

function stripEnvelope(event: MeetingEvent): MeetingEventBody {
  const { seq: _seq, at: _at, ...body } = event;
  return body as MeetingEventBody;
}
