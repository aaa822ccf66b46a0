import { expect } from '@playwright/test';
import { io, type Socket } from 'socket.io-client';
import type { AppServer } from './server';

// The meeting's wire protocol, as the browsers speak it (packages/domain/src/protocol.ts).
const PROTOCOL_VERSION = 1;

type Ack = { ok: true; seq: number } | { ok: false; code: string; message: string };
type Auth = { token: string } | { sessionId: string; role: 'facilitator' };

let counter = 0;
const commandId = () => `e2e-${Date.now().toString(36)}-${++counter}-${Math.random().toString(36).slice(2, 8)}`;

/**
 * A stock socket.io client in the room, for seeding a real room's worth of cards quickly: forty cards typed
 * through phone pages would take minutes. It speaks to the same gateway, with the same checks, as a phone.
 */
export class RoomSocket {
  readonly events: Array<{ type: string; [key: string]: unknown }> = [];

  private constructor(private readonly socket: Socket) {
    socket.on('welcome', (welcome: { events: RoomSocket['events'] }) => this.events.push(...welcome.events));
    socket.on('event', (event: RoomSocket['events'][number]) => this.events.push(event));
  }

  /** Connects and waits for the welcome (or fails with the server's refusal). */
  static async open(app: AppServer, auth: Auth, cookie?: string): Promise<RoomSocket> {
    const socket = io(app.url, {
      path: '/socket.io',
      transports: ['websocket'],
      reconnection: false,
      auth: { protocol: PROTOCOL_VERSION, lastSeq: 0, ...auth },
      extraHeaders: { origin: app.url, ...(cookie ? { cookie } : {}) },
    });
    const room = new RoomSocket(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('welcome', () => resolve());
      socket.once('connect_error', (error: Error & { data?: { code: string } }) =>
        reject(new Error(`the room refused the socket: ${error.data?.code ?? error.message}`)),
      );
    });
    return room;
  }

  /** Sends one command and fails the test unless the room accepts it. */
  async send(command: { type: string; [key: string]: unknown }): Promise<void> {
    const ack = (await this.socket.timeout(10_000).emitWithAck('command', { id: commandId(), ...command })) as Ack;
    expect(ack, `${command.type}: ${ack.ok ? '' : ack.message}`).toMatchObject({ ok: true });
  }

  /** The latest version of a case's plan this socket has seen (0 before the first). */
  planVersion(caseId: string): number {
    const changes = this.events.filter((event) => event.type === 'plan.changed' && event.caseId === caseId);
    return (changes.at(-1)?.version as number | undefined) ?? 0;
  }

  close(): void {
    this.socket.disconnect();
  }
}

/** Joins as a phone would (POST /api/join) and returns the participant's socket. */
export async function joinRoom(app: AppServer, code: string, name: string): Promise<RoomSocket> {
  const response = await fetch(`${app.url}/api/join`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', origin: app.url },
    body: JSON.stringify({ code, name }),
  });
  const body = (await response.json()) as { token?: string };
  expect(response.ok, JSON.stringify(body)).toBe(true);
  return RoomSocket.open(app, { token: body.token as string });
}

export interface SeedCard {
  kind: 'question' | 'affirmation' | 'strategy' | 'resource';
  text: string;
}

/**
 * Adds cards to the current stage of a case from several participants in turn (a few each, as a room of
 * SENCOs would), in the order given: the last card is the newest.
 */
export async function addCards(
  app: AppServer,
  room: { code: string; caseId: string; stageId: string },
  cards: SeedCard[],
  perPerson = 5,
): Promise<void> {
  for (let start = 0; start < cards.length; start += perPerson) {
    const phone = await joinRoom(app, room.code, `SENCO ${String.fromCharCode(65 + ((start / perPerson) % 26))}`);
    try {
      for (const card of cards.slice(start, start + perPerson)) {
        await phone.send({ type: 'card.add', caseId: room.caseId, stageId: room.stageId, ...card });
      }
    } finally {
      phone.close();
    }
  }
}

const WORDS = (
  'visual timetable checked each morning with a key adult, calm corner after lunch with a sand timer, ' +
  'now and next board at every transition, social story before the school trip, movement break between ' +
  'lessons, a quiet space to eat lunch with one friend, pre-teaching new vocabulary for the science topic, ' +
  'reading buddy from year six twice a week, local autism outreach team for advice on sensory needs, ' +
  'speech and language therapy drop-in at the health centre, parent and carer workshop on routines at home, '
).split(' ');

/**
 * A card text of exactly `length` characters, made of ordinary words about strategies (never a child's name or
 * anything personal), numbered so every card is told apart.
 */
export function cardText(number: number, length: number): string {
  let text = `Card ${number}:`;
  for (let word = number; text.length < length; word++) text += ` ${WORDS[word % WORDS.length]}`;
  return text.slice(0, length).trimEnd().padEnd(length, '.');
}

/** Lengths from 20 to 400 characters, mixed as a room writes them: mostly short, some long. */
export function mixedLengths(count: number): number[] {
  const pattern = [40, 400, 120, 20, 260, 75, 180, 30, 340, 95, 55, 220];
  return Array.from({ length: count }, (_, index) => pattern[(index * 7 + Math.floor(index / 12)) % pattern.length]);
}
