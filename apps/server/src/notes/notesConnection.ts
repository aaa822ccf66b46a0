import { NOTES_CLOSE } from '@consultboard/domain';
import { logger } from '../logger.js';
import type { NotesIdentity } from './notesAuth.js';
import {
  EMPTY_AWARENESS,
  MalformedMessage,
  type NotesMessage,
  parseNotesMessage,
  syncStep1Message,
} from './notesProtocol.js';
import type { NotesPeer, Room, UpdateOutcome } from './room.js';
import type { Rooms } from './rooms.js';
import { Throttle } from './throttle.js';
import { TokenBucket } from './tokenBucket.js';
import { frameWriter } from './wireFrame.js';

/** The part of a `ws` WebSocket a connection uses (a stand-in in unit tests). */
export interface NotesSocket {
  readonly readyState: number;
  readonly bufferedAmount: number;
  send(data: Uint8Array): void;
  close(code?: number, reason?: string): void;
  on(event: 'message' | 'close' | 'error', listener: (...args: any[]) => void): unknown;
}

const OPEN = 1;
/** Messages a client may send before its room has loaded; more than this is not a stock provider. */
const MAX_QUEUED = 1000;
/** A peer this far behind in reading what we send is dropped rather than buffered without end. */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

type Close = { code: number; reason: string };

/** How a connection is closed when the room refuses its update. */
const UPDATE_REFUSED: Record<Exclude<UpdateOutcome, 'applied'>, Close> = {
  tooLarge: NOTES_CLOSE.tooLarge,
  malformed: NOTES_CLOSE.malformed,
  pending: NOTES_CLOSE.refused,
  refused: NOTES_CLOSE.refused,
  unavailable: NOTES_CLOSE.unavailable,
};

/** What a connection may cost the server, in budgets shared as far as they reach. */
export interface ConnectionBudgets {
  /** Carets and names relayed: its token's budget, shared by all that token's connections. */
  awareness: readonly TokenBucket[];
  /** Sync requests answered (each sends the document the client lacks): its own budget and its token's. */
  syncRequests: readonly TokenBucket[];
}

/**
 * One client's notes connection: waits for its room to load (buffering what arrives meanwhile), then
 * applies updates through the room, and answers sync requests and relays awareness within its budgets. Every
 * handler is guarded, so nothing a client sends can throw out of here; a bad frame closes this connection only.
 */
export class NotesConnection implements NotesPeer {
  private room: Room | null = null;
  private queue: Uint8Array[] = [];
  private closed = false;
  private writable: boolean;
  private readonly awareness: Throttle<{ update: Uint8Array; clients: number[] }>;
  private readonly syncRequests: Throttle<Uint8Array>;
  /** How often the room may ask this connection for edits it lacks (see `receive`): 3 at once, one more every 10 s. */
  private readonly resyncs = new TokenBucket(3, 10_000);
  /** Writes a message as a frame built once for all its receivers (a plain ws socket), else null: `socket.send`. */
  private readonly writeFrame: ((message: Uint8Array) => void) | null;

  constructor(
    private readonly socket: NotesSocket,
    readonly identity: NotesIdentity,
    private readonly rooms: Rooms,
    budgets: ConnectionBudgets,
    private readonly onClosed: (connection: NotesConnection) => void = () => {},
  ) {
    this.writable = identity.writable;
    this.writeFrame = frameWriter(socket);
    this.awareness = new Throttle(budgets.awareness, ({ update, clients }) =>
      this.guard(() => {
        if (!this.closed && !this.readOnly) this.room?.applyAwareness(update, clients, this);
      }),
    );
    // Only the latest request waits: answered when the budget allows, with the document as it is then.
    this.syncRequests = new Throttle(budgets.syncRequests, (stateVector) =>
      this.guard(() => {
        const room = this.room;
        // Answered once everything the room's copy holds is stored: the answer must not carry an uncommitted edit.
        room?.whenCommitted(() =>
          this.guard(() => {
            if (!this.closed && this.room === room) this.send(room.syncStep2(stateVector));
          }),
        );
      }),
    );
    socket.on('message', (data: unknown, isBinary: boolean) => this.guard(() => this.receive(data, isBinary)));
    socket.on('close', () => this.guard(() => this.dispose()));
    socket.on('error', (error: Error) => {
      logger.debug({ err: error, docName: identity.docName }, 'notes socket error');
      this.guard(() => this.dispose());
    });
    rooms.enter(identity.docName, this).then(
      (room) => this.guard(() => this.ready(room)),
      () => this.guard(() => this.close(NOTES_CLOSE.unavailable)),
    );
  }

  get readOnly(): boolean {
    return !this.writable;
  }

  /** From now on this connection's document updates are dropped (the session has ended). */
  makeReadOnly(): void {
    this.writable = false;
  }

  send(message: Uint8Array): void {
    if (this.closed || this.socket.readyState !== OPEN) return;
    if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) this.close({ code: 1013, reason: 'too slow' });
    else if (this.writeFrame) this.writeFrame(message);
    else this.socket.send(message);
  }

  close(close: Close | number, reason?: string): void {
    const { code, reason: why } = typeof close === 'number' ? { code: close, reason: reason ?? '' } : close;
    if (!this.closed) {
      try {
        this.socket.close(code, why);
      } catch (error) {
        logger.debug({ err: error }, 'notes socket would not close');
      }
    }
    this.dispose();
  }

  private ready(room: Room): void {
    if (this.closed) return;
    this.room = room;
    for (const message of room.welcome(this)) this.send(message);
    const queued = this.queue;
    this.queue = [];
    for (const data of queued) {
      if (this.closed) return;
      this.handle(data);
    }
  }

  private receive(data: unknown, isBinary: boolean): void {
    if (this.closed) return;
    const bytes = isBinary ? toBytes(data) : null;
    if (!bytes) this.close(NOTES_CLOSE.malformed);
    else if (this.room) this.handle(bytes);
    else if (this.queue.length >= MAX_QUEUED) this.close(NOTES_CLOSE.unavailable);
    else this.queue.push(bytes);
  }

  private handle(data: Uint8Array): void {
    const room = this.room;
    if (!room) return;
    let message: NotesMessage;
    try {
      message = parseNotesMessage(data);
    } catch (error) {
      if (!(error instanceof MalformedMessage)) throw error;
      logger.debug({ docName: this.identity.docName, reason: error.message }, 'malformed notes message');
      this.close(NOTES_CLOSE.malformed);
      return;
    }
    switch (message.kind) {
      case 'syncStep1':
        // A copy: the frame's buffer may be shared, and the throttle may hold the request for a while.
        this.syncRequests.offer(message.stateVector.slice());
        break;
      case 'syncStep2':
      case 'update': {
        if (this.readOnly) break; // the projector, or anyone after the session ended: dropped, never stored
        const outcome = room.applyUpdate(message.update, this, message.decoded);
        if (outcome === 'applied') break;
        // An honest client's edit can build on edits the room never stored (they were in flight when a node
        // died, or a commit failed): nothing is applied, and the room asks for what it lacks (its sync step 1,
        // which a provider answers with every edit the room is missing). Only a few times: a client that goes on
        // sending such edits is closed, as any that sends what the room cannot hold.
        if (outcome === 'pending' && this.resyncs.take()) {
          this.send(syncStep1Message(room.doc));
          break;
        }
        this.close(UPDATE_REFUSED[outcome]);
        break;
      }
      case 'awareness':
        // Read-only screens show others' carets but have none: an empty answer keeps their provider alive.
        if (this.readOnly) this.send(EMPTY_AWARENESS);
        // A copy: the frame's buffer may be shared, and the throttle may hold the update for a while.
        else this.awareness.offer({ update: message.update.slice(), clients: message.clients });
        break;
    }
  }

  private dispose(): void {
    if (this.closed) return;
    this.closed = true;
    this.queue = [];
    this.awareness.dispose();
    this.syncRequests.dispose();
    this.rooms.leave(this.identity.docName, this);
    this.room = null;
    this.onClosed(this);
  }

  /** Runs a handler so that nothing it throws escapes into the event loop. */
  private guard(run: () => void): void {
    try {
      run();
    } catch (error) {
      logger.error({ err: error, docName: this.identity.docName }, 'notes connection failed');
      this.close({ code: 1011, reason: 'internal error' });
    }
  }
}

function toBytes(data: unknown): Uint8Array | null {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (Array.isArray(data)) return Buffer.concat(data as Buffer[]);
  return null;
}
