import { NOT_WELL_FORMED_MESSAGE, ROLE_NAME_MESSAGE } from '@consultboard/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, joinAsPhone } from './helpers/http.js';
import { connect, type MeetingClient } from './helpers/sockets.js';
import { openTestStore } from './helpers/store.js';
import { startTestServer } from './helpers/testServer.js';
import { buildSession, buildWorld, type World } from './helpers/world.js';

// Issue 8, items 8 and 12: a lone surrogate in a display name was stored as the bytes ED A0 80 and a topic read back
// with replacement characters. Such text is refused at the edge and nothing is stored; so are direction overrides
// in names, references and cards, and display names that read like the roles the board shows.

let server: Awaited<ReturnType<typeof startTestServer>>;
let world: World;
const open: MeetingClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server.url);
});
afterAll(async () => {
  for (const client of open) client.close();
  await server.close();
});

/** Reads rows straight from the SQLite file, with the bytes as stored. */
function onDisk<T>(sql: string, ...params: unknown[]): T[] {
  const db = openTestStore(server.dataDir).db;
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

describe('text that is not well-formed', () => {
  it('refuses a lone surrogate in a display name with 400, and stores no participant', async () => {
    const session = await buildSession(world);
    for (const name of ['SENCO \uD800', '\uDC00', 'SENCO \uD83D A']) {
      const result = await new Browser(server.url).post('/api/join', { code: session.joinCode, name });
      expect(result.status).toBe(400);
      expect(result.json.error.fields.name).toBe(NOT_WELL_FORMED_MESSAGE);
    }
    expect(onDisk('SELECT name FROM participants WHERE session_id = ?', session.id)).toEqual([]);
  });

  it('refuses a lone surrogate or a direction override in a topic, and stores no case', async () => {
    const { senco } = world.north;
    const before = onDisk<{ reference: string }>('SELECT reference FROM cases');
    for (const reference of ['Year 3 transition \uD800', 'Year 3 \u202Enoitisnart']) {
      const result = await senco.post('/api/cases', { type: 'group', reference });
      expect(result.status).toBe(400);
      expect(result.json.error.code).toBe('invalid_payload');
      expect(result.json.error.fields.reference).toBeTruthy();
    }
    const after = onDisk<{ reference: string }>('SELECT reference FROM cases');
    expect(after).toEqual(before);
    // Nothing stored holds a half character or a replacement character.
    for (const { reference } of after) expect(reference).not.toMatch(/\p{Cs}|\uFFFD/u);
  });

  it('refuses a lone surrogate or an override in a card over the meeting socket, and stores no event', async () => {
    const session = await buildSession(world);
    const facilitator = await connect(
      server.url,
      { sessionId: session.id, role: 'facilitator' },
      { cookie: world.north.ep.cookie },
    );
    const phone = await connect(server.url, { token: await joinAsPhone(server.url, session.joinCode as string) });
    open.push(facilitator, phone);
    for (let i = 0; i < 2; i++) await facilitator.send({ type: 'stage.next' });
    const card = { type: 'card.add', caseId: session.cases[0]?.id as string, stageId: 'clarifying-questions' } as const;
    for (const text of ['Who knows J5M best? \uD800', 'Who knows \u202EM5J best?']) {
      expect(await phone.send({ ...card, kind: 'question', text })).toMatchObject({
        ok: false,
        code: 'invalid_payload',
      });
    }
    expect((await phone.send({ ...card, kind: 'question', text: 'Who knows J5M best?' })).ok).toBe(true);
    const cards = onDisk<{ body: string }>(
      "SELECT body FROM meeting_events WHERE session_id = ? AND type = 'card.added'",
      session.id,
    );
    expect(cards.map((row) => JSON.parse(row.body).card.text)).toEqual(['Who knows J5M best?']);
  });
});

describe('display names that read like roles', () => {
  it.each(['EP', 'EP Jones', 'e.p.', 'Facilitator', 'Projector', 'Presenting SENCO', 'educational psychologist'])(
    'refuses %j when joining, and stores no participant',
    async (name) => {
      const session = await buildSession(world);
      const result = await new Browser(server.url).post('/api/join', { code: session.joinCode, name });
      expect(result.status).toBe(400);
      expect(result.json.error.fields.name).toBe(ROLE_NAME_MESSAGE);
      expect(onDisk('SELECT name FROM participants WHERE session_id = ?', session.id)).toEqual([]);
    },
  );

  it('lets "SENCO A" join', async () => {
    const session = await buildSession(world);
    const result = await new Browser(server.url).post('/api/join', { code: session.joinCode, name: 'SENCO A' });
    expect(result.status).toBe(200);
    expect(onDisk('SELECT name FROM participants WHERE session_id = ?', session.id)).toEqual([{ name: 'SENCO A' }]);
  });
});
