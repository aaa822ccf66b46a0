import { currentStage, ERROR_CODES, NOTES_CLOSE, notesDocName } from '@consultboard/domain';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Browser, joinAsPhone } from './helpers/http.js';
import { type NotesClient, openNotes, upgradeStatus, waitFor } from './helpers/notes.js';
import { commandId, connect, type MeetingClient } from './helpers/sockets.js';
import { startTestServer } from './helpers/testServer.js';
import { buildSession, buildWorld, type World } from './helpers/world.js';

/**
 * Issue 8, items 7, 11 and 12: the EP decides who is in the room (Remove, Lock the room), phones add cards only to
 * the case being discussed, and presence shows phones no account ids.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
let world: World;
let ep: Browser;
const open: MeetingClient[] = [];
const notes: NotesClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server.url);
  ep = world.north.ep;
});
afterEach(() => {
  for (const client of open.splice(0)) client.close();
  for (const client of notes.splice(0)) client.destroy();
});
afterAll(async () => {
  await server.close();
});

async function room() {
  const session = await buildSession(world);
  const code = session.joinCode as string;
  const cookie = ep.cookie as string;
  const facilitator = await connect(server.url, { sessionId: session.id, role: 'facilitator' }, { cookie });
  const projector = await connect(server.url, { sessionId: session.id, role: 'projector' }, { cookie });
  const tokenA = await joinAsPhone(server.url, code, 'SENCO A');
  const tokenB = await joinAsPhone(server.url, code, 'SENCO B');
  const phoneA = await connect(server.url, { token: tokenA });
  const phoneB = await connect(server.url, { token: tokenB });
  open.push(facilitator, projector, phoneA, phoneB);
  await facilitator.until(() => facilitator.people.length === 4);
  const idOf = (name: string) => facilitator.people.find((person) => person.name === name)?.id as string;
  return { session, code, facilitator, projector, phoneA, phoneB, tokenA, tokenB, idOf };
}

function join(code: string, name: string) {
  return new Browser(server.url).post('/api/join', { code, name });
}

describe('Remove', () => {
  it('stops the phone at once on its meeting sockets and its notes, and its token cannot come back', async () => {
    const { session, facilitator, phoneA, phoneB, tokenA, idOf } = await room();
    const docName = notesDocName(session.cases[0]?.id as string);
    const notesA = await openNotes(server.url, docName, tokenA);
    notes.push(notesA);
    const secondTab = await connect(server.url, { token: tokenA });
    open.push(secondTab);
    const dropped = Promise.all(
      [phoneA, secondTab].map(
        (client) => new Promise<string>((resolve) => client.socket.on('disconnect', (reason) => resolve(reason))),
      ),
    );

    const removedId = idOf('SENCO A');
    const ack = await facilitator.send({ type: 'participant.remove', participantId: removedId });
    expect(ack).toMatchObject({ ok: true });
    expect(await dropped).toEqual(['io server disconnect', 'io server disconnect']);
    for (const tab of [phoneA, secondTab])
      expect(tab.refusals).toEqual([{ code: 'participant_removed', message: ERROR_CODES.participant_removed }]);
    await waitFor(() => notesA.closes.some((close) => close.code === NOTES_CLOSE.forbidden.code));

    phoneA.socket.connect();
    await expect(phoneA.ready()).rejects.toMatchObject({ data: { code: 'participant_removed' } });
    expect(await upgradeStatus(server.url, `/yjs/${docName}?token=${tokenA}`)).toBe(401);
    await facilitator.until(() => !facilitator.people.some((person) => person.name === 'SENCO A'));
    expect(facilitator.state.removed).toEqual([removedId]);

    // The rest of the room carries on.
    expect((await facilitator.send({ type: 'stage.next' })).ok).toBe(true);
    await phoneB.until((state) => state.stageIndex === 1);
    expect(phoneB.state.removed).toHaveLength(1);
  });

  it('refuses a phone or the projector, and a person who is not in this session', async () => {
    const { facilitator, projector, phoneA, phoneB, idOf } = await room();
    const other = await room();
    const target = idOf('SENCO B');
    expect(await phoneA.send({ type: 'participant.remove', participantId: target })).toMatchObject({
      code: 'forbidden',
    });
    expect(await projector.send({ type: 'participant.remove', participantId: target })).toMatchObject({
      code: 'forbidden',
    });
    expect(await facilitator.send({ type: 'participant.remove', participantId: other.idOf('SENCO A') })).toMatchObject({
      code: 'no_such_participant',
    });
    expect(
      await facilitator.sendRaw({ id: commandId(), type: 'participant.remove', participantId: 'x'.repeat(65) }),
    ).toMatchObject({ code: 'invalid_payload' });
    expect(await facilitator.sendRaw({ id: commandId(), type: 'participant.remove' })).toMatchObject({
      code: 'invalid_payload',
    });
    expect(phoneB.socket.connected).toBe(true);
    expect(facilitator.state.removed).toEqual([]);
  });
});

describe('Lock the room', () => {
  it('refuses new joins with a clear message until unlocked; those in the room stay', async () => {
    const { code, facilitator, phoneB } = await room();
    expect((await facilitator.send({ type: 'room.lock', locked: true })).ok).toBe(true);
    await phoneB.until((state) => state.locked);
    const refused = await join(code, 'SENCO C');
    expect(refused.status).toBe(403);
    expect(refused.json.error).toEqual({
      code: 'room_locked',
      message: 'This room is locked. Ask the EP to let you in.',
    });

    // A phone already in the room reconnects as before.
    phoneB.close();
    phoneB.socket.connect();
    await phoneB.ready();

    expect((await facilitator.send({ type: 'room.lock', locked: false })).ok).toBe(true);
    expect((await join(code, 'SENCO C')).status).toBe(200);
  });

  it('may be locked by the console only', async () => {
    const { code, projector, phoneA, facilitator } = await room();
    expect(await phoneA.send({ type: 'room.lock', locked: true })).toMatchObject({ code: 'forbidden' });
    expect(await projector.send({ type: 'room.lock', locked: true })).toMatchObject({ code: 'forbidden' });
    expect(await facilitator.sendRaw({ id: commandId(), type: 'room.lock', locked: 'yes' })).toMatchObject({
      code: 'invalid_payload',
    });
    expect((await join(code, 'SENCO C')).status).toBe(200);
  });
});

describe('cards go to the case being discussed', () => {
  it('refuses another case or a stage not reached yet, and takes a kept draft for an earlier stage', async () => {
    const { facilitator, phoneA } = await room();
    while (currentStage(facilitator.state)?.id !== 'desired-situation') await facilitator.send({ type: 'stage.next' });
    const [first, second] = facilitator.state.cases;
    const card = (caseId: string, stageId: string, kind: 'question' | 'strategy' | 'affirmation') =>
      phoneA.send({ type: 'card.add', caseId, stageId, kind, text: 'What helps at lunchtime?' });
    expect(await card(second?.id as string, 'desired-situation', 'question')).toMatchObject({
      code: 'not_current_case',
    });
    expect(await card(first?.id as string, 'strategies-and-resources', 'strategy')).toMatchObject({
      code: 'stage_not_reached',
    });
    expect(await card(first?.id as string, 'clarifying-questions', 'affirmation')).toMatchObject({ ok: true });
    expect(await card(first?.id as string, 'desired-situation', 'question')).toMatchObject({ ok: true });
    while (facilitator.state.stageIndex < 5) await facilitator.send({ type: 'stage.next' });
    expect((await facilitator.send({ type: 'case.next' })).ok).toBe(true);
    expect(await card(first?.id as string, 'clarifying-questions', 'question')).toMatchObject({
      code: 'not_current_case',
    });
  });
});

describe('presence', () => {
  it('shows phones and the board names and roles with opaque ids, and the console the ids it acts on', async () => {
    const { facilitator, projector, phoneA, idOf } = await room();
    await phoneA.until(() => phoneA.people.length === 4);
    await projector.until(() => projector.people.length === 4);
    const accountId = ep.userId;
    const participantIds = ['SENCO A', 'SENCO B'].map(idOf);
    for (const screen of [phoneA, projector]) {
      const sent = JSON.stringify(screen.presences);
      expect(sent).not.toContain(accountId);
      expect(sent).not.toContain('facilitator:');
      for (const id of participantIds) expect(sent).not.toContain(id);
      expect(screen.people.map((p) => `${p.role}:${p.name}`).sort()).toEqual([
        'facilitator:EP North',
        'participant:SENCO A',
        'participant:SENCO B',
        'projector:Projector',
      ]);
      expect(new Set(screen.people.map((p) => p.id)).size).toBe(4);
    }
    expect(facilitator.people.map((p) => p.id)).toEqual(expect.arrayContaining(participantIds));
  });

  it('sends a few presence lists for a storm of connects and disconnects, not one per change', async () => {
    const { code, facilitator } = await room();
    const tokens: string[] = [];
    for (let i = 0; i < 12; i++) tokens.push(await joinAsPhone(server.url, code, `SENCO ${i + 10}`));
    const before = facilitator.presences.length;
    const phones = await Promise.all(tokens.map((token) => connect(server.url, { token })));
    open.push(...phones);
    for (const phone of phones) phone.close();
    await facilitator.until(() => facilitator.people.length === 4 && facilitator.presences.length > before);
    await new Promise((resolve) => setTimeout(resolve, 400));
    // 24 changes; before, each sent the whole list to every socket in the room.
    expect(facilitator.presences.length - before).toBeLessThanOrEqual(6);
  });
});
