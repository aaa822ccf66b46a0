import {
  type CatchUpAck,
  type ClientToServer,
  type Command,
  type CommandAck,
  type ConnectRefusal,
  foldEvents,
  initialMeetingState,
  type MeetingEvent,
  type MeetingState,
  type Participant,
  PROTOCOL_VERSION,
  type ServerToClient,
  type Welcome,
} from '@consultboard/domain';
import { io, type Socket } from 'socket.io-client';

let counter = 0;
/** A client-made command id, as the browsers make them. */
export function commandId(): string {
  counter += 1;
  return `cmd-${Date.now().toString(36)}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

/** A command without its id (one is made up), kept as a union so each command's fields are checked. */
type CommandInput = Command extends infer C ? (C extends Command ? Omit<C, 'id'> & { id?: string } : never) : never;

type Auth = { token: string } | { sessionId: string; role: 'facilitator' | 'projector' };

interface ConnectOptions {
  cookie?: string;
  reconnection?: boolean;
  /** The state to start folding from (the join's answer); the handshake's lastSeq is its seq. */
  from?: MeetingState;
  /** Added to every request's address, as the web app adds `session` for a load balancer (issue 14). */
  query?: Record<string, string>;
  /** WebSocket only unless told (long-polling: `['polling']`). */
  transports?: ('websocket' | 'polling')[];
}

/**
 * A stock socket.io client that folds events with the shared reducer, the way every screen does,
 * and reconnects saying the last sequence number it saw.
 */
export class MeetingClient {
  readonly socket: Socket<ServerToClient, ClientToServer>;
  state: MeetingState = initialMeetingState;
  welcomes: Welcome[] = [];
  received: MeetingEvent[] = [];
  people: Participant[] = [];
  /** Every presence list received, in order. */
  presences: Participant[][] = [];
  /** Every message frame the server sent this client, as it came off the wire (to search for text). */
  raw: string[] = [];
  /** Why the server said it was closing this connection for good, if it did. */
  refusals: ConnectRefusal[] = [];

  constructor(url: string, auth: Auth, options: ConnectOptions = {}) {
    // A phone that joined starts from the meeting the join answered with, and asks only for what came after.
    if (options.from) this.state = options.from;
    this.socket = io(url, {
      path: '/socket.io',
      transports: options.transports ?? ['websocket'],
      ...(options.query ? { query: options.query } : {}),
      reconnection: options.reconnection ?? false,
      reconnectionDelay: 100,
      reconnectionDelayMax: 300,
      auth: (cb) => cb({ protocol: PROTOCOL_VERSION, lastSeq: this.state.seq, ...auth }),
      extraHeaders: options.cookie ? { cookie: options.cookie } : {},
    });
    this.socket.on('welcome', (welcome) => {
      this.welcomes.push(welcome);
      this.received.push(...welcome.events);
      this.state = foldEvents(this.state, welcome.events);
    });
    this.socket.on('event', (event) => {
      this.received.push(event);
      this.state = foldEvents(this.state, [event]);
    });
    this.socket.on('presence', (people) => {
      this.people = people;
      this.presences.push(people);
    });
    this.socket.on('refused', (refusal) => {
      this.refusals.push(refusal);
    });
    this.socket.io.on('open', () => {
      this.socket.io.engine.on('data', (data: unknown) => this.raw.push(String(data)));
    });
  }

  /** Whether any frame the server sent this client holds the text. */
  sawText(text: string): boolean {
    return this.raw.some((frame) => frame.includes(text));
  }

  /** Resolves on the next welcome, or rejects with the server's refusal. */
  ready(): Promise<Welcome> {
    const count = this.welcomes.length;
    return new Promise((resolve, reject) => {
      const onWelcome = (welcome: Welcome) => {
        cleanup();
        resolve(welcome);
      };
      const onError = (error: Error & { data?: ConnectRefusal }) => {
        cleanup();
        reject(Object.assign(new Error(error.data?.code ?? error.message), { data: error.data }));
      };
      const cleanup = () => {
        this.socket.off('welcome', onWelcome);
        this.socket.off('connect_error', onError);
      };
      if (this.welcomes.length > count) return resolve(this.welcomes.at(-1) as Welcome);
      this.socket.on('welcome', onWelcome);
      this.socket.on('connect_error', onError);
    });
  }

  send(command: CommandInput, timeoutMs = 5000): Promise<CommandAck> {
    const full = { id: commandId(), ...command };
    return this.socket.timeout(timeoutMs).emitWithAck('command', full as Command);
  }

  /** Sends anything at all, for the tests of bad input. */
  sendRaw(payload: unknown, timeoutMs = 5000): Promise<CommandAck> {
    return (this.socket.timeout(timeoutMs) as any).emitWithAck('command', payload);
  }

  catchUp(after: number): Promise<CatchUpAck> {
    return this.socket.timeout(5000).emitWithAck('catchUp', { after });
  }

  /** Asks for pages after the last event folded until the server says there are no more; returns how many pages. */
  async catchUpToEnd(): Promise<number> {
    for (let pages = 1; ; pages++) {
      const page = await this.catchUp(this.state.seq);
      if (!page.ok) throw new Error(`catch-up refused: ${page.code}`);
      this.received.push(...page.events);
      this.state = foldEvents(this.state, page.events);
      if (!page.more) return pages;
    }
  }

  /** Waits until the folded state satisfies a condition (events arrive asynchronously). */
  async until(condition: (state: MeetingState) => boolean, timeoutMs = 5000): Promise<MeetingState> {
    const deadline = Date.now() + timeoutMs;
    while (!condition(this.state)) {
      if (Date.now() > deadline) throw new Error(`condition not met; state seq ${this.state.seq}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return this.state;
  }

  close(): void {
    this.socket.disconnect();
  }
}

/** Connects and waits for the welcome. */
export async function connect(url: string, auth: Auth, options: ConnectOptions = {}) {
  const client = new MeetingClient(url, auth, options);
  await client.ready();
  return client;
}
