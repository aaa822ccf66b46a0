import { describe, expect, it } from 'vitest';
import type { SocketIdentity } from './handshake.js';
import { MeetingLimiters } from './meetingLimiters.js';
import { MEETING_SETTINGS } from './meetingSettings.js';

const phone = (personId: string, sessionId = 's1'): SocketIdentity => ({
  sessionId,
  role: 'participant',
  personId,
  name: 'SENCO A',
  lastSeq: 0,
  userId: null,
});
const console_: SocketIdentity = { ...phone('facilitator:u1'), role: 'facilitator', userId: 'u1' };

function count(times: number, attempt: () => boolean): number {
  return Array.from({ length: times }, attempt).filter(Boolean).length;
}

describe('MeetingLimiters', () => {
  const settings = {
    ...MEETING_SETTINGS,
    commands: { limit: 10, windowMs: 60_000 },
    cards: { limit: 3, windowMs: 60_000 },
    roomCommands: { limit: 12, windowMs: 60_000 },
  };

  it('holds each phone to its card and command budgets', () => {
    const limiters = new MeetingLimiters(settings);
    expect(count(10, () => limiters.command(phone('p1'), 'card.add'))).toBe(3);
    expect(count(20, () => limiters.command(phone('p2', 's2'), 'stage.next'))).toBe(10);
  });

  it('stops the phones of one room together at the backstop, but never the console', () => {
    const limiters = new MeetingLimiters(settings);
    const phones = ['p1', 'p2', 'p3', 'p4'].map((id) => phone(id));
    expect(count(20, () => limiters.command(phones[0] as SocketIdentity, 'stage.next'))).toBe(10);
    expect(count(5, () => limiters.command(phones[1] as SocketIdentity, 'stage.next'))).toBe(2);
    expect(count(5, () => limiters.command(phones[2] as SocketIdentity, 'stage.next'))).toBe(0);
    expect(limiters.command(phone('p9', 's2'), 'stage.next')).toBe(true);
    expect(count(10, () => limiters.command(console_, 'card.hide'))).toBe(10);
  });

  it('counts catch-ups per socket and per person across their sockets', () => {
    const limiters = new MeetingLimiters(MEETING_SETTINGS);
    const { catchUpsPerSocket, catchUps } = MEETING_SETTINGS;
    expect(count(100, () => limiters.catchUp(phone('p1'), 'socket-1'))).toBe(catchUpsPerSocket.limit);
    expect(count(100, () => limiters.catchUp(phone('p1'), 'socket-2'))).toBe(catchUps.limit - catchUpsPerSocket.limit);
  });
});
