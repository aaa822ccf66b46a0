/** A budget of so many attempts per window. */
export interface Budget {
  limit: number;
  windowMs: number;
}

/**
 * What one person, one socket and one room may cost the meeting gateway. Budgets are kept per person (a phone's
 * participant id, an account's role and id), never per socket alone, so opening more sockets buys nothing.
 */
export interface MeetingSettings {
  /** Meeting sockets open at once per phone token: one, with slack for a reconnect and a second tab. */
  socketsPerParticipant: number;
  /** Meeting sockets open at once per account and role (the EP's console or board in a few tabs). */
  socketsPerAccount: number;
  /** Handshakes per person. */
  connects: Budget;
  /** Commands per person, whatever the command. */
  commands: Budget;
  /** Cards per phone (a person types a card in tens of seconds; a draft or two may go at once). */
  cards: Budget;
  /** Commands from all the phones of one session together: the backstop for a room of many tokens. */
  roomCommands: Budget;
  /** Catch-ups per socket, and per person across their sockets. */
  catchUpsPerSocket: Budget;
  catchUps: Budget;
  /** Issue 13: the Resource box's directory suggestions per person (a look-up a keystroke, after a short pause). */
  suggestions: Budget;
  /** At most one presence broadcast per session in this long, however many connect or leave meanwhile. */
  presenceEveryMs: number;
}

export const MEETING_SETTINGS: MeetingSettings = {
  socketsPerParticipant: 3,
  socketsPerAccount: 8,
  connects: { limit: 30, windowMs: 60_000 },
  commands: { limit: 40, windowMs: 10_000 },
  cards: { limit: 20, windowMs: 60_000 },
  roomCommands: { limit: 600, windowMs: 10_000 },
  catchUpsPerSocket: { limit: 10, windowMs: 10_000 },
  catchUps: { limit: 20, windowMs: 10_000 },
  suggestions: { limit: 30, windowMs: 10_000 },
  presenceEveryMs: 250,
};
