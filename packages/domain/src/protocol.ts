import type { Command } from './commands.js';
import type { DirectorySuggestion } from './directory.js';
import type { ErrorCode } from './errors.js';
import type { MeetingEvent } from './events.js';
import type { MeetingRole } from './permissions.js';
import type { PersonalDataFinding } from './privacy/findings.js';

/** Bumped whenever the meeting wire protocol changes shape. */
export const PROTOCOL_VERSION = 1;

/**
 * The most one replay answer holds (a welcome, or one catch-up): so many events, or about so many bytes of them,
 * whichever comes first (always at least one event). The client asks again while the answer says `more`.
 */
export const REPLAY_PAGE = { events: 500, bytes: 256 * 1024 } as const;

/** The socket.io path of the meeting gateway. */
export const SOCKET_PATH = '/socket.io';

/** What a client sends in socket.io's handshake `auth`. */
export type HandshakeAuth =
  | { protocol: number; lastSeq: number; sessionId: string; role: 'facilitator' | 'projector' }
  | { protocol: number; lastSeq: number; token: string };

/**
 * One person in the room's presence list. The console is sent each person's id (a phone's participant id, which
 * its Remove button names); phones and the projector are sent an opaque id that says nothing about accounts.
 */
export interface Participant {
  id: string;
  name: string;
  role: MeetingRole;
  /** Issue 9 item 3: set for a presenting SENCO, the references of the cases they present ("Presenting SENCO"). */
  presents?: string[];
}

export interface Welcome {
  sessionId: string;
  role: MeetingRole;
  name: string;
  /** The server's clock, so screens show the same countdown whatever their own clocks say. */
  serverNow: number;
  /** Events after the client's lastSeq: the first page of them (REPLAY_PAGE). */
  events: MeetingEvent[];
  /** More events follow these: ask for them with `catchUp`. */
  more: boolean;
  /** Shown to the room on the board and the console. */
  join: { code: string; url: string } | null;
  locality: string;
  /** Issue 9 item 3: the case ids this connection presents (a presenting SENCO's phone); absent for everyone else. */
  presenting?: string[];
}

export type CommandAck =
  | { ok: true; seq: number; duplicate: boolean }
  | { ok: false; code: ErrorCode; message: string; findings?: PersonalDataFinding[] };
/** One page of events after `after` (REPLAY_PAGE); `more` says to ask again from the last one. */
export type CatchUpAck =
  | { ok: true; events: MeetingEvent[]; more: boolean }
  | { ok: false; code: ErrorCode; message: string };

/** Issue 13: directory entries of the session's locality for the Resource box (at most DIRECTORY_LIMITS.suggestions). */
export type SuggestAck =
  | { ok: true; suggestions: DirectorySuggestion[] }
  | { ok: false; code: ErrorCode; message: string };

/** socket.io event maps, shared by the gateway and the clients. */
export interface ServerToClient {
  welcome: (welcome: Welcome) => void;
  event: (event: MeetingEvent) => void;
  presence: (people: Participant[]) => void;
  /** Sent just before the server closes this connection for good, saying why (the EP removed this phone). */
  refused: (refusal: ConnectRefusal) => void;
}

export interface ClientToServer {
  command: (command: Command, ack: (result: CommandAck) => void) => void;
  catchUp: (request: { after: number }, ack: (result: CatchUpAck) => void) => void;
  /** Issue 13: what the Resource box has typed so far; answered with a few directory entries. */
  suggest: (request: { q: string }, ack: (result: SuggestAck) => void) => void;
}

/** The `data` of a refused socket.io connection (`connect_error`). */
export interface ConnectRefusal {
  code: ErrorCode;
  message: string;
}
