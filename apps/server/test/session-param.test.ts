import { NOTES_PATH, notesDocName, type SessionView } from '@consultboard/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinAsPhone } from './helpers/http.js';
import { NotesClient, notesToken, upgradeStatus } from './helpers/notes.js';
import { connect, MeetingClient } from './helpers/sockets.js';
import { startTestServer } from './helpers/testServer.js';
import { buildSession, buildWorld, type World } from './helpers/world.js';

/**
 * Issue 14: the web app puts `?session=<id>` on its meeting socket and notes requests so a load balancer can send a
 * meeting to one node. The server must accept the parameter and give it no meaning at all: who connects, and to
 * which session, is decided by the token or the sign-in cookie alone.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
let world: World;
let north: SessionView;
let south: SessionView;

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server.url);
  north = await buildSession(world, { cases: ['J5M'] });
  south = await buildSession(world, { area: 'south', cases: ['K7F'] });
}, 60_000);
afterAll(async () => {
  await server?.close();
});

const caseOf = (session: SessionView) => session.cases[0]?.id as string;

describe('the session parameter on the meeting socket', () => {
  it('is accepted, and a phone is still in the session of its own token', async () => {
    const token = await joinAsPhone(server.url, north.joinCode as string, 'SENCO A');
    for (const transports of [['websocket'], ['polling']] as const) {
      const phone = await connect(server.url, { token }, { query: { session: south.id }, transports: [...transports] });
      expect(phone.welcomes[0]?.sessionId).toBe(north.id);
      expect(phone.state.cases.map((agendaCase) => agendaCase.id)).toEqual([caseOf(north)]);
      phone.close();
    }
  });

  it("is accepted, and the EP's console is still the session named in its handshake", async () => {
    const console_ = await connect(
      server.url,
      { sessionId: north.id, role: 'facilitator' },
      { cookie: world.north.ep.cookie, query: { session: south.id } },
    );
    expect(console_.welcomes[0]?.sessionId).toBe(north.id);
    console_.close();
  });

  it('lets in nobody without a token or a sign-in, whatever session it names', async () => {
    const stranger = new MeetingClient(server.url, { token: 'not-a-token' }, { query: { session: north.id } });
    await expect(stranger.ready()).rejects.toThrow();
    stranger.close();
    // The north EP may not run the south session: naming it in the parameter too changes nothing.
    const elsewhere = new MeetingClient(
      server.url,
      { sessionId: south.id, role: 'facilitator' },
      { cookie: world.north.ep.cookie, query: { session: south.id } },
    );
    await expect(elsewhere.ready()).rejects.toThrow();
    elsewhere.close();
  });
});

describe('the session parameter on the notes', () => {
  it('is accepted beside a token, which alone decides the document', async () => {
    const token = await joinAsPhone(server.url, north.joinCode as string, 'SENCO B');
    const own = `${NOTES_PATH}/${encodeURIComponent(notesDocName(caseOf(north)))}`;
    const other = `${NOTES_PATH}/${encodeURIComponent(notesDocName(caseOf(south)))}`;
    // Its own session's notes, though the parameter names another: let in.
    expect(await upgradeStatus(server.url, `${own}?session=${south.id}&token=${token}`)).toBe(101);
    // The other session's notes, named in the parameter too: still refused.
    expect(await upgradeStatus(server.url, `${other}?session=${south.id}&token=${token}`)).toBe(403);
    // No token at all: refused, whichever session is named.
    expect(await upgradeStatus(server.url, `${own}?session=${north.id}`)).toBe(401);
  });

  it("syncs a stock provider that sends it, as the web app's does", async () => {
    const token = await notesToken(world.north.ep, north.id, 'facilitator');
    const notes = new NotesClient(server.url, notesDocName(caseOf(north)), token, { params: { session: north.id } });
    await notes.whenSynced();
    expect(notes.provider.url).toContain(`session=${north.id}`);
    notes.destroy();
  });
});
