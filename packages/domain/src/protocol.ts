import type { Command } from './commands.js';
import type { ErrorCode } from './errors.js';
import type { MeetingEvent } from './events.js';
import type { MeetingRole } from './permissions.js';

/** Bumped whenever the meeting wire protocol changes shape. */
export const PROTOCOL_VERSION = 1;

/** The socket.io path of the meeting gateway. */
export const SOCKET_PATH = '/socket.io';

/** What a client sends in socket.io's handshake `auth`. */
export type HandshakeAuth =
  | { protocol: number; lastSeq: number; sessionId: string; role: 'facilitator' | 'projector' }
  | { protocol: number; lastSeq: number; token: string };

export interface Participant {
  id: string;
  name: string;
  role: MeetingRole;
}

export interface Welcome {
  sessionId: string;
  role: MeetingRole;
  name: string;
  /** The server's clock, so screens show the same countdown whatever their own clocks say. */
  serverNow: number;
  /** Events after the client's lastSeq. */
  events: MeetingEvent[];
  /** Shown to the room on the board and the console. */
  join: { code: string; url: string } | null;
  locality: string;
}

export type CommandAck =
  | { ok: true; seq: number; duplicate: boolean }
  | { ok: false; code: ErrorCode; message: string };
export type CatchUpAck = { ok: true; events: MeetingEvent[] } | { ok: false; code: ErrorCode; message: string };

/** socket.io event maps, shared by the gateway and the clients. */
export interface ServerToClient {
  welcome: (welcome: Welcome) => void;
  event: (event: MeetingEvent) => void;
  presence: (people: Participant[]) => void;
}

export interface ClientToServer {
  command: (command: Command, ack: (result: CommandAck) => void) => void;
  catchUp: (request: { after: number }, ack: (result: CatchUpAck) => void) => void;
}

/** The `data` of a refused socket.io connection (`connect_error`). */
export interface ConnectRefusal {
  code: ErrorCode;
  message: string;
}
