import type { DirectorySuggestion, SuggestAck } from '@consultboard/domain';
import {
  type ClientToServer,
  type Command,
  type CommandAck,
  type ConnectRefusal,
  type HandshakeAuth,
  initialMeetingState,
  type MeetingEvent,
  type MeetingState,
  type Participant,
  type PersonalDataFinding,
  type ServerToClient,
  type Welcome,
} from '@consultboard/domain';
import type { Socket } from 'socket.io-client';
import { addToOutbox, loadOutbox, removeFromOutbox, saveOutbox } from './outbox';
import { sequenceEvents } from './sequenceEvents';
import type { KeyValueStore } from './storage';

export type MeetingSocket = Socket<ServerToClient, ClientToServer>;

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'ended' | 'refused';

/** Builds the handshake for a (re)connection from the last sequence number this client has folded. */
export type HandshakeFactory = (lastSeq: number) => HandshakeAuth;

export type CommandOutcome =
  | { ok: true }
  | { ok: false; code: string; message: string; findings?: PersonalDataFinding[] };

export interface CommandRefusal {
  command: Command;
  code: string;
  message: string;
  /** Issue 10, `personal_data`: what looked like personal data in the card's words. */
  findings?: PersonalDataFinding[];
}

export interface MeetingSnapshot {
  state: MeetingState;
  connection: ConnectionState;
  /** Why the server refused the connection for good, when it did. */
  connectRefusal: ConnectRefusal | null;
  /** Why the last connection attempt was turned away for now (rate limit, too many tabs): retrying meanwhile. */
  waitingReason: ConnectRefusal | null;
  presence: Participant[];
  /** serverNow − Date.now() at the last welcome: add it to Date.now() to read the server's clock. */
  clockOffset: number;
  welcome: Omit<Welcome, 'events' | 'serverNow'> | null;
  /** Commands sent but not yet acknowledged and folded, oldest first. */
  pending: Command[];
  /** The last command the server refused, to show its message. */
  lastRefusal: CommandRefusal | null;
}

export interface MeetingClientOptions {
  handshake: HandshakeFactory;
  /** Opens the socket; the auth callback is asked again on every reconnect. */
  connect: (auth: (callback: (data: object) => void) => void) => MeetingSocket;
  /** Where the outbox lives between reloads (phones); memory only when absent. */
  outboxStore?: { store: KeyValueStore; key: string };
  onRefused?: (refusal: CommandRefusal) => void;
  /** The state to start from (a phone's stored snapshot): the handshake asks only for events after it. */
  initialState?: MeetingState;
  online?: boolean;
  now?: () => number;
  ackTimeoutMs?: number;
  retryDelayMs?: number;
}

// Connection refusals that no retry can cure: the page has to do something else.
const TERMINAL_CODES = new Set([
  'unauthenticated',
  'forbidden',
  'protocol_mismatch',
  'session_not_live',
  'participant_removed',
]);

function refusalOf(error: unknown): ConnectRefusal | null {
  const data = (error as { data?: unknown } | null)?.data;
  if (typeof data !== 'object' || data === null) return null;
  const { code, message } = data as Record<string, unknown>;
  if (typeof code !== 'string') return null;
  return { code, message: typeof message === 'string' ? message : code } as ConnectRefusal;
}

/**
 * One live connection to a meeting: folds the server's events with the domain reducer, fills gaps,
 * and keeps an outbox so commands survive a dropped connection and are retried with the same id.
 */
export class MeetingClient {
  private readonly options: MeetingClientOptions;
  private readonly now: () => number;
  private readonly ackTimeoutMs: number;
  private readonly retryDelayMs: number;
  private socket: MeetingSocket | null = null;
  private snapshot: MeetingSnapshot;
  private readonly listeners = new Set<() => void>();
  private outbox: Command[];
  /** Acknowledged commands whose event has not been folded yet, by id, with the seq to wait for. */
  private readonly settling = new Map<string, { command: Command; seq: number }>();
  private readonly inFlight = new Set<string>();
  private readonly waiters = new Map<string, (outcome: CommandOutcome) => void>();
  /** Events that arrived ahead of a gap, held until the gap is filled. */
  private early = new Map<number, MeetingEvent>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private catchingUp = false;
  private welcomed = false;
  private everWelcomed = false;
  private online: boolean;
  /** Bumped on every welcome and disconnect so late callbacks of an old connection are ignored. */
  private generation = 0;
  private stopped = false;

  constructor(options: MeetingClientOptions) {
    this.options = options;
    this.now = options.now ?? Date.now;
    this.ackTimeoutMs = options.ackTimeoutMs ?? 10_000;
    this.retryDelayMs = options.retryDelayMs ?? 1_000;
    this.online = options.online ?? true;
    this.outbox = options.outboxStore ? loadOutbox(options.outboxStore.store, options.outboxStore.key) : [];
    this.snapshot = {
      state: options.initialState ?? initialMeetingState,
      connection: this.online ? 'connecting' : 'offline',
      connectRefusal: null,
      waitingReason: null,
      presence: [],
      clockOffset: 0,
      welcome: null,
      pending: [...this.outbox],
      lastRefusal: null,
    };
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): MeetingSnapshot => this.snapshot;

  start(): void {
    this.stopped = false;
    const socket = this.options.connect((callback) => callback(this.options.handshake(this.snapshot.state.seq)));
    this.socket = socket;
    socket.on('welcome', (welcome) => this.onWelcome(welcome));
    socket.on('event', (event) => this.receive([event]));
    socket.on('presence', (people) => this.update({ presence: people }));
    socket.on('disconnect', (reason) => this.onDisconnect(reason));
    socket.on('connect_error', (error) => this.onConnectError(error));
    // The server closes this connection for good and says why (the EP removed this phone): do not come back.
    socket.on('refused', (refusal) => this.onConnectError({ data: refusal }));
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.socket?.off();
    this.socket?.disconnect();
    this.socket = null;
  }

  setOnline(online: boolean): void {
    this.online = online;
    this.update({});
  }

  /**
   * Issue 13: the directory entries that match what the Resource box holds (the session's locality); an empty
   * list while not connected or when the server says no (suggestions are a help, never in the way of a card).
   */
  suggest(q: string): Promise<DirectorySuggestion[]> {
    const socket = this.socket;
    if (!socket || !this.welcomed) return Promise.resolve([]);
    return new Promise((resolve) => {
      socket.timeout(this.ackTimeoutMs).emit('suggest', { q }, (error: Error | null, ack: SuggestAck) => {
        resolve(!error && ack?.ok ? ack.suggestions : []);
      });
    });
  }

  /** Puts a command in the outbox and sends it as soon as the connection allows; resolves once the server answers. */
  sendCommand(command: Command): Promise<CommandOutcome> {
    this.outbox = addToOutbox(this.outbox, command);
    this.persist();
    const answered = new Promise<CommandOutcome>((resolve) => this.waiters.set(command.id, resolve));
    this.update({ lastRefusal: null });
    this.flush();
    return answered;
  }

  private onWelcome(welcome: Welcome): void {
    this.generation++;
    this.inFlight.clear();
    this.welcomed = true;
    this.everWelcomed = true;
    const { events, serverNow, ...rest } = welcome;
    this.update({ welcome: rest, clockOffset: serverNow - this.now(), connectRefusal: null, waitingReason: null });
    this.receive(events);
    // The welcome holds the first page of what was missed: ask for the rest.
    if (welcome.more) this.catchUp();
    this.flush();
  }

  private onDisconnect(reason: string): void {
    this.generation++;
    this.welcomed = false;
    this.inFlight.clear();
    this.catchingUp = false;
    this.update({ presence: [] });
    // socket.io retries by itself unless the server closed the connection on purpose.
    if (reason === 'io server disconnect' && this.snapshot.state.status !== 'ended') {
      this.later(() => this.socket?.connect(), this.retryDelayMs * 2);
    }
  }

  private onConnectError(error: unknown): void {
    const refusal = refusalOf(error);
    if (refusal && TERMINAL_CODES.has(refusal.code)) {
      this.stopped = true;
      this.socket?.disconnect();
      this.update({ connectRefusal: refusal, waitingReason: null });
      return;
    }
    // A refusal the server may lift (rate limit, too many tabs, a restart): socket.io does not retry those, so
    // try again later; a phone's own stale sockets time out on the server meanwhile.
    if (this.socket && !this.socket.active) this.later(() => this.socket?.connect(), this.retryDelayMs * 3);
    this.update({ waitingReason: refusal });
  }

  /** Folds events in sequence order, holding any that arrive after a gap and asking for what is missing. */
  private receive(events: readonly MeetingEvent[]): void {
    const { state, held, gap } = sequenceEvents(this.snapshot.state, this.early, events);
    this.early = held;
    if (state !== this.snapshot.state) this.update({ state });
    if (gap) this.catchUp();
    if (state.status === 'ended') this.socket?.disconnect();
  }

  private catchUp(): void {
    const socket = this.socket;
    if (this.catchingUp || !socket?.connected || !this.welcomed) return;
    this.catchingUp = true;
    const generation = this.generation;
    socket.timeout(this.ackTimeoutMs).emit('catchUp', { after: this.snapshot.state.seq }, (error, ack) => {
      if (generation !== this.generation) return;
      this.catchingUp = false;
      if (error || !ack.ok) {
        this.later(() => this.catchUp(), this.retryDelayMs);
        return;
      }
      this.receive(ack.events);
      // Answers come a page at a time: keep asking until the server has no more.
      if (ack.more) this.catchUp();
    });
  }

  private flush(): void {
    const socket = this.socket;
    if (!socket?.connected || !this.welcomed) return;
    for (const command of this.outbox) {
      if (!this.inFlight.has(command.id)) this.emitCommand(socket, command);
    }
  }

  private emitCommand(socket: MeetingSocket, command: Command): void {
    this.inFlight.add(command.id);
    const generation = this.generation;
    socket.timeout(this.ackTimeoutMs).emit('command', command, (error: Error | null, ack: CommandAck) => {
      // After a disconnect the command is still in the outbox and goes again after the next welcome.
      if (generation !== this.generation) return;
      this.inFlight.delete(command.id);
      if (error) {
        // No answer yet: sending the same id again is safe, the server applies it once.
        this.later(() => this.flush(), this.retryDelayMs);
        return;
      }
      this.outbox = removeFromOutbox(this.outbox, command.id);
      this.persist();
      const resolve = this.waiters.get(command.id);
      this.waiters.delete(command.id);
      if (ack.ok) {
        if (ack.seq > this.snapshot.state.seq) {
          this.settling.set(command.id, { command, seq: ack.seq });
          // The broadcast normally arrives first or at once; if it went missing, ask for it.
          this.later(() => {
            if (this.snapshot.state.seq < ack.seq) this.catchUp();
          }, this.retryDelayMs * 2);
        }
        this.update({});
        resolve?.({ ok: true });
      } else {
        const findings = ack.findings ? { findings: ack.findings } : {};
        const refusal: CommandRefusal = { command, code: ack.code, message: ack.message, ...findings };
        this.update({ lastRefusal: refusal });
        this.options.onRefused?.(refusal);
        resolve?.({ ok: false, code: ack.code, message: ack.message, ...findings });
      }
    });
  }

  private persist(): void {
    const target = this.options.outboxStore;
    if (target) saveOutbox(target.store, target.key, this.outbox);
  }

  private later(run: () => void, delayMs: number): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.stopped) run();
    }, delayMs);
    this.timers.add(timer);
  }

  private connectionState(state: MeetingState, refusal: ConnectRefusal | null): ConnectionState {
    if (state.status === 'ended' || refusal?.code === 'session_not_live') return 'ended';
    if (refusal) return 'refused';
    if (!this.online) return 'offline';
    if (this.welcomed && this.socket?.connected) return 'connected';
    return this.everWelcomed ? 'reconnecting' : 'connecting';
  }

  private update(change: Partial<MeetingSnapshot>): void {
    const merged = { ...this.snapshot, ...change };
    for (const [id, entry] of this.settling) if (entry.seq <= merged.state.seq) this.settling.delete(id);
    const settling = [...this.settling.values()].map((entry) => entry.command);
    const next: MeetingSnapshot = {
      ...merged,
      pending: [...this.outbox, ...settling],
      connection: this.connectionState(merged.state, merged.connectRefusal),
    };
    if (shallowEqual(next, this.snapshot)) return;
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }
}

function shallowEqual(a: MeetingSnapshot, b: MeetingSnapshot): boolean {
  const keys = Object.keys(a) as (keyof MeetingSnapshot)[];
  return keys.every((key) => {
    if (key === 'pending')
      return a.pending.length === b.pending.length && a.pending.every((c, i) => c === b.pending[i]);
    return a[key] === b[key];
  });
}
