import {
  type AgendaCase,
  type Command,
  DEFAULT_STAGES,
  foldEvents,
  initialMeetingState,
  type MeetingEvent,
  type MeetingEventBody,
  sessionStartedEvent,
  type Welcome,
} from '@consultboard/domain';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MeetingClient, type MeetingClientOptions, type MeetingSocket } from './MeetingClient';
import { loadOutbox } from './outbox';
import { memoryStore } from './storage';

type Ack = (error: Error | null, result?: unknown) => void;

/** Plays the server's side of a socket.io connection, synchronously. */
class FakeSocket {
  connected = false;
  active = true;
  auth: ((callback: (data: object) => void) => void) | null = null;
  handshakes: object[] = [];
  sent: { event: string; payload: unknown; ack: Ack }[] = [];
  private handlers = new Map<string, ((...args: unknown[]) => void)[]>();

  on(event: string, handler: (...args: unknown[]) => void) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
    return this;
  }
  off() {
    this.handlers.clear();
    return this;
  }
  timeout(_ms: number) {
    return {
      emit: (event: string, payload: unknown, ack: Ack) => {
        this.sent.push({ event, payload, ack });
      },
    };
  }
  connect() {
    return this;
  }
  disconnect() {
    if (this.connected) this.drop('io client disconnect');
    this.active = false;
    return this;
  }

  /** The server accepts the handshake and says welcome. */
  open(welcome: Partial<Welcome> & { events: MeetingEvent[] }) {
    this.auth?.((data) => this.handshakes.push(data));
    this.connected = true;
    this.fire('connect');
    this.fire('welcome', {
      sessionId: 's1',
      role: 'participant',
      name: 'Sam',
      serverNow: 1_000_000,
      join: null,
      locality: 'North',
      ...welcome,
    });
  }
  drop(reason = 'transport close') {
    this.connected = false;
    this.fire('disconnect', reason);
  }
  fire(event: string, ...args: unknown[]) {
    for (const handler of this.handlers.get(event) ?? []) handler(...args);
  }
  commands() {
    return this.sent.filter((sent) => sent.event === 'command');
  }
}

const cases: AgendaCase[] = [{ id: 'c1', reference: 'J5M', kind: 'child' }];
let seq = 0;
function event(body: MeetingEventBody): MeetingEvent {
  seq += 1;
  return { ...body, seq, at: 1_000 + seq } as MeetingEvent;
}
const started = () => event(sessionStartedEvent(cases, DEFAULT_STAGES));
const moved = (stageIndex: number) =>
  event({ type: 'stage.changed', caseIndex: 0, stageIndex, timer: { status: 'stopped', remainingMs: 1 } });

function card(id: string, text = 'What helps?'): Command {
  return { id, type: 'card.add', caseId: 'c1', stageId: 'clarifying-questions', kind: 'question', text };
}

function setUp(options: Partial<MeetingClientOptions> = {}) {
  const socket = new FakeSocket();
  const client = new MeetingClient({
    handshake: (lastSeq) => ({ protocol: 1, lastSeq, token: 't' }),
    connect: (auth) => {
      socket.auth = auth;
      return socket as unknown as MeetingSocket;
    },
    now: () => 999_000,
    ...options,
  });
  client.start();
  return { socket, client };
}

beforeEach(() => {
  seq = 0;
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('MeetingClient', () => {
  it('folds the welcome events and works out the clock offset', () => {
    const { socket, client } = setUp();
    expect(client.getSnapshot().connection).toBe('connecting');
    socket.open({ events: [started(), moved(2)] });
    const snapshot = client.getSnapshot();
    expect(snapshot.connection).toBe('connected');
    expect(snapshot.state.seq).toBe(2);
    expect(snapshot.state.stageIndex).toBe(2);
    expect(snapshot.clockOffset).toBe(1_000);
    expect(snapshot.welcome?.locality).toBe('North');
  });

  it('starts from a stored state and asks only for what came after it', () => {
    const first = started();
    const stored = { ...foldEvents(initialMeetingState, [first, moved(3)]) };
    const { socket, client } = setUp({ initialState: stored, online: false });
    // Offline after a reload: the phone shows the stage it last knew.
    expect(client.getSnapshot().state.stageIndex).toBe(3);
    expect(client.getSnapshot().connection).toBe('offline');
    client.setOnline(true);
    socket.open({ events: [moved(4)] });
    expect(socket.handshakes).toEqual([{ protocol: 1, lastSeq: 2, token: 't' }]);
    expect(client.getSnapshot().state.stageIndex).toBe(4);
  });

  it('sends its last seq on reconnect and folds only what it missed', () => {
    const { socket, client } = setUp();
    const first = started();
    socket.open({ events: [first] });
    socket.drop();
    expect(client.getSnapshot().connection).toBe('reconnecting');
    socket.open({ events: [first, moved(1)] });
    expect(socket.handshakes).toEqual([
      { protocol: 1, lastSeq: 0, token: 't' },
      { protocol: 1, lastSeq: 1, token: 't' },
    ]);
    expect(client.getSnapshot().state.stageIndex).toBe(1);
  });

  it('holds events after a gap and fills the gap with catchUp', () => {
    const { socket, client } = setUp();
    socket.open({ events: [started()] });
    const missed = moved(1);
    const afterGap = moved(2);
    socket.fire('event', afterGap);
    expect(client.getSnapshot().state.seq).toBe(1);
    const request = socket.sent.find((sent) => sent.event === 'catchUp');
    expect(request?.payload).toEqual({ after: 1 });
    request?.ack(null, { ok: true, events: [missed, afterGap] });
    expect(client.getSnapshot().state.seq).toBe(3);
    expect(client.getSnapshot().state.stageIndex).toBe(2);
  });

  it('asks for the rest of a long replay a page at a time until the server has no more', () => {
    const { socket, client } = setUp();
    const first = [started(), moved(1)];
    const second = [moved(2), moved(3)];
    const third = [moved(4)];
    socket.open({ events: first, more: true });
    const requests = () => socket.sent.filter((sent) => sent.event === 'catchUp');
    expect(requests().map((sent) => sent.payload)).toEqual([{ after: 2 }]);
    requests()[0]?.ack(null, { ok: true, events: second, more: true });
    expect(requests().map((sent) => sent.payload)).toEqual([{ after: 2 }, { after: 4 }]);
    requests()[1]?.ack(null, { ok: true, events: third, more: false });
    expect(requests()).toHaveLength(2);
    expect(client.getSnapshot().state.seq).toBe(5);
    expect(client.getSnapshot().state.stageIndex).toBe(4);
  });

  it('waits and asks again when a catch-up is refused for now', () => {
    const { socket, client } = setUp();
    socket.open({ events: [started()], more: true });
    socket.sent[0]?.ack(null, { ok: false, code: 'rate_limited', message: 'Too many attempts.' });
    expect(socket.sent).toHaveLength(1);
    vi.advanceTimersByTime(1_000);
    expect(socket.sent.map((sent) => sent.payload)).toEqual([{ after: 1 }, { after: 1 }]);
    socket.sent[1]?.ack(null, { ok: true, events: [moved(1)], more: false });
    expect(client.getSnapshot().state.seq).toBe(2);
  });

  it('ignores an event it has already folded', () => {
    const { socket, client } = setUp();
    const first = started();
    socket.open({ events: [first] });
    const before = client.getSnapshot().state;
    socket.fire('event', first);
    expect(client.getSnapshot().state).toBe(before);
  });

  it('keeps a command while offline and sends it after the welcome', async () => {
    const { socket, client } = setUp();
    const answered = client.sendCommand(card('card00000001'));
    expect(socket.commands()).toHaveLength(0);
    expect(client.getSnapshot().pending.map((command) => command.id)).toEqual(['card00000001']);
    socket.open({ events: [started()] });
    expect(socket.commands()).toHaveLength(1);
    socket.commands()[0]?.ack(null, { ok: true, seq: 2, duplicate: false });
    await expect(answered).resolves.toEqual({ ok: true });
    // Acknowledged but not yet folded: still shown as pending, so the card never vanishes.
    expect(client.getSnapshot().pending).toHaveLength(1);
    socket.fire(
      'event',
      event({ type: 'card.added', card: { ...cardFields('card00000001'), author: 'Sam', createdAt: 1 } }),
    );
    expect(client.getSnapshot().pending).toHaveLength(0);
    expect(client.getSnapshot().state.cards.map((c) => c.id)).toEqual(['card00000001']);
  });

  it('re-sends the same id after a disconnect, and the outbox survives a reload', () => {
    const store = memoryStore();
    const outboxStore = { store, key: 'outbox' };
    const { socket, client } = setUp({ outboxStore });
    socket.open({ events: [started()] });
    client.sendCommand(card('card00000002'));
    expect(socket.commands()).toHaveLength(1);
    socket.drop();
    expect(loadOutbox(store, 'outbox').map((command) => command.id)).toEqual(['card00000002']);
    client.stop();

    const reloaded = setUp({ outboxStore });
    expect(reloaded.client.getSnapshot().pending.map((command) => command.id)).toEqual(['card00000002']);
    reloaded.socket.open({ events: [] });
    expect(reloaded.socket.commands().map((sent) => (sent.payload as Command).id)).toEqual(['card00000002']);
    reloaded.socket.commands()[0]?.ack(null, { ok: true, seq: 1, duplicate: true });
    expect(loadOutbox(store, 'outbox')).toEqual([]);
  });

  it('tries again with the same id when the ack times out', () => {
    const { socket, client } = setUp();
    socket.open({ events: [started()] });
    client.sendCommand(card('card00000003'));
    socket.commands()[0]?.ack(new Error('operation has timed out'));
    vi.advanceTimersByTime(1_000);
    expect(socket.commands().map((sent) => (sent.payload as Command).id)).toEqual(['card00000003', 'card00000003']);
  });

  it('drops a refused command and tells the caller', async () => {
    const onRefused = vi.fn();
    const { socket, client } = setUp({ onRefused });
    socket.open({ events: [started()] });
    const answered = client.sendCommand({ id: 'next00000001', type: 'stage.next' });
    socket.commands()[0]?.ack(null, { ok: false, code: 'forbidden', message: 'You may not do that.' });
    await expect(answered).resolves.toEqual({ ok: false, code: 'forbidden', message: 'You may not do that.' });
    expect(client.getSnapshot().pending).toEqual([]);
    expect(client.getSnapshot().lastRefusal?.message).toBe('You may not do that.');
    expect(onRefused).toHaveBeenCalledWith(expect.objectContaining({ code: 'forbidden' }));
  });

  it('passes on what looked like personal data when a card is refused for it (issue 10)', async () => {
    const onRefused = vi.fn();
    const { socket, client } = setUp({ onRefused });
    socket.open({ events: [started()] });
    const answered = client.sendCommand(card('card00000009'));
    const findings = [{ kind: 'name', start: 4, end: 7, text: 'Ben', reason: 'A name identifies a child or family.' }];
    socket.commands()[0]?.ack(null, { ok: false, code: 'personal_data', message: 'Looks personal.', findings });
    await expect(answered).resolves.toMatchObject({ ok: false, code: 'personal_data', findings });
    expect(onRefused).toHaveBeenCalledWith(expect.objectContaining({ code: 'personal_data', findings }));
    expect(client.getSnapshot().pending).toEqual([]);
  });

  it('reports refused and ended connections', () => {
    const refused = setUp();
    refused.socket.fire(
      'connect_error',
      Object.assign(new Error('x'), { data: { code: 'unauthenticated', message: 'Join first.' } }),
    );
    expect(refused.client.getSnapshot().connection).toBe('refused');
    expect(refused.client.getSnapshot().connectRefusal?.message).toBe('Join first.');

    const ended = setUp();
    ended.socket.fire(
      'connect_error',
      Object.assign(new Error('x'), { data: { code: 'session_not_live', message: 'Over.' } }),
    );
    expect(ended.client.getSnapshot().connection).toBe('ended');
  });

  it('stops for good, saying why, when the EP removes this phone', () => {
    const { socket, client } = setUp();
    socket.open({ events: [started()] });
    socket.fire('refused', { code: 'participant_removed', message: 'The EP removed you from this meeting.' });
    socket.drop('io server disconnect');
    vi.advanceTimersByTime(60_000);
    expect(client.getSnapshot().connection).toBe('refused');
    expect(client.getSnapshot().connectRefusal?.code).toBe('participant_removed');
    expect(socket.handshakes).toHaveLength(1);
  });

  it('keeps trying when turned away for now (too many tabs), and says why meanwhile', () => {
    const { socket, client } = setUp();
    socket.active = false;
    const tooMany = { code: 'too_many_connections', message: 'This phone is already connected in other tabs.' };
    socket.fire('connect_error', Object.assign(new Error('x'), { data: tooMany }));
    expect(client.getSnapshot().connection).toBe('connecting');
    expect(client.getSnapshot().waitingReason).toEqual(tooMany);
    const connect = vi.spyOn(socket, 'connect');
    vi.advanceTimersByTime(3_000);
    expect(connect).toHaveBeenCalled();
    socket.open({ events: [started()] });
    expect(client.getSnapshot().connection).toBe('connected');
    expect(client.getSnapshot().waitingReason).toBeNull();
  });

  it('ends when the session.ended event arrives', () => {
    const { socket, client } = setUp();
    socket.open({ events: [started()] });
    socket.fire('event', event({ type: 'session.ended' }));
    expect(client.getSnapshot().connection).toBe('ended');
    expect(socket.connected).toBe(false);
  });

  it('says offline when the browser does', () => {
    const { socket, client } = setUp();
    socket.open({ events: [started()] });
    client.setOnline(false);
    expect(client.getSnapshot().connection).toBe('offline');
    client.setOnline(true);
    expect(client.getSnapshot().connection).toBe('connected');
  });
});

function cardFields(id: string) {
  const { type: _type, ...fields } = card(id) as Extract<Command, { type: 'card.add' }>;
  return fields;
}
