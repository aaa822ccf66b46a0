import { notesDocName, type SessionView } from '@consultboard/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, joinAsPhone } from './helpers/http.js';
import { type LoggedRequest, TestNginx } from './helpers/nginx.js';
import { NotesClient, notesToken, waitFor } from './helpers/notes.js';
import { freePort } from './helpers/serverProcess.js';
import { connect, type MeetingClient } from './helpers/sockets.js';
import { startTestServer, tempDataDir } from './helpers/testServer.js';
import { buildSession, buildWorld, type World } from './helpers/world.js';

/**
 * Issue 14, item 4: deploy/nginx.conf, run by Debian's nginx in front of two nodes, sends every request of a live
 * session to one node (by the session's id), spreads the rest, and moves a session's clients to the other node when
 * its node stops. The nodes share one SQLite folder (one machine's stand-in for the shared database). Which node
 * answered is read three ways: the X-Consultboard-Node header, the nodes' own connection counts, and nginx's access
 * log (the address of every node it tried for every request, WebSockets and long-polls included).
 */
type Node = Awaited<ReturnType<typeof startTestServer>>;
const NAMES = ['node-a', 'node-b'] as const;
type Name = (typeof NAMES)[number];

let nginx: TestNginx;
const nodes = new Map<Name, Node>();
const stopped = new Set<Name>();
let world: World;
/** Every client opened, closed at the end whatever happened. */
const opened: { close(): void }[] = [];

beforeAll(async () => {
  // The nodes' PUBLIC_URL is the balancer's address, as in a deployment: they must know it before nginx runs.
  const port = await freePort();
  const dataDir = tempDataDir();
  for (const name of NAMES)
    nodes.set(name, await startTestServer(dataDir, { nodeName: name, publicUrl: `http://127.0.0.1:${port}` }));
  nginx = await TestNginx.start(
    NAMES.map((name) => node(name).port),
    port,
  );
  // Everything from here goes through nginx, as a browser's requests would.
  world = await buildWorld(nginx.url);
}, 60_000);

afterAll(async () => {
  for (const client of opened) client.close();
  await nginx?.stop();
  for (const name of NAMES) if (!stopped.has(name)) await nodes.get(name)?.close();
});

function node(name: Name): Node {
  const found = nodes.get(name);
  if (!found) throw new Error(`no ${name}`);
  return found;
}
const other = (name: Name): Name => (name === 'node-a' ? 'node-b' : 'node-a');
const nameOfPort = (address: string): Name | 'unknown' =>
  NAMES.find((name) => address === `127.0.0.1:${node(name).port}`) ?? 'unknown';

/** The node that answered a request through nginx, by its header. */
async function answeredBy(browser: Browser, pathname: string): Promise<Name> {
  const result = await browser.get(pathname);
  expect(result.status).toBe(200);
  const name = result.headers.get('x-consultboard-node');
  if (name !== 'node-a' && name !== 'node-b') throw new Error(`${pathname} answered without a node: ${name}`);
  return name;
}

/** The node serving a session: where its own API address is sent. */
const servingNode = (session: SessionView) => answeredBy(world.north.ep, `/api/sessions/${session.id}`);

/** The EP's console socket through nginx, with `?session=` as the web app sends it. */
async function consoleOf(session: SessionView, options: { reconnection?: boolean } = {}) {
  const client = await connect(
    nginx.url,
    { sessionId: session.id, role: 'facilitator' },
    { cookie: world.north.ep.cookie, query: { session: session.id }, ...options },
  );
  opened.push(client);
  return client;
}

/** A phone joined through nginx, on long-polling only (what a network that refuses WebSockets leaves). */
async function pollingPhone(session: SessionView, name: string) {
  const token = await joinAsPhone(nginx.url, session.joinCode as string, name);
  const phone = await connect(
    nginx.url,
    { token },
    { query: { session: session.id }, transports: ['polling'], reconnection: true },
  );
  opened.push(phone);
  return { phone, token };
}

/** A stock y-websocket provider through nginx, with `?session=` beside its token as the web app sends it. */
async function notesOf(session: SessionView, token: string) {
  const notes = new NotesClient(nginx.url, notesDocName(session.cases[0]?.id as string), token, {
    params: { session: session.id },
  });
  opened.push({ close: () => notes.destroy() });
  await notes.whenSynced();
  return notes;
}

/** The console moves to the next stage; resolves once a screen has folded it. */
async function nextStageSeenBy(console_: MeetingClient, screen: MeetingClient) {
  const ack = await console_.send({ type: 'stage.next' });
  if (!ack.ok) throw new Error(`stage.next refused: ${ack.code}`);
  await screen.until((state) => state.seq === console_.state.seq);
}

/** What the access log holds for a session, once a condition on it holds (WebSockets are logged as they close). */
async function loggedFor(sessionId: string, done: (lines: LoggedRequest[]) => boolean): Promise<LoggedRequest[]> {
  let lines: LoggedRequest[] = [];
  await waitFor(
    () => {
      lines = nginx.requests().filter((line) => line.session === sessionId);
      return done(lines);
    },
    10_000,
    'the access log never showed the requests of the session',
  );
  return lines;
}

const kinds = (lines: LoggedRequest[]) => ({
  websocket: lines.some((line) => line.target.startsWith('/socket.io/') && line.target.includes('transport=websocket')),
  polling: lines.some((line) => line.target.startsWith('/socket.io/') && line.target.includes('transport=polling')),
  notes: lines.some((line) => line.target.startsWith('/yjs/') && line.status === 101),
  api: lines.some((line) => line.target.startsWith('/api/sessions/')),
});

describe('nginx with deploy/nginx.conf in front of two nodes', () => {
  it('sends every request of one session to one node: sockets, long-polls, notes and its API', async () => {
    const session = await buildSession(world, { cases: ['J5M'] });
    const serving = await servingNode(session);
    for (let i = 0; i < 5; i++) expect(await servingNode(session)).toBe(serving);
    const held = (name: Name) => ({
      sockets: node(name).meetingConnectionCount,
      notes: node(name).notes.connectionCount,
    });
    const before = { [serving]: held(serving), [other(serving)]: held(other(serving)) };

    const console_ = await consoleOf(session);
    const { phone, token } = await pollingPhone(session, 'SENCO A');
    const consoleNotes = await notesOf(session, await notesToken(world.north.ep, session.id, 'facilitator'));
    const phoneNotes = await notesOf(session, token);

    // Both sockets and both notes connections are on the serving node, none on the other.
    const gained = (name: Name) => ({
      sockets: held(name).sockets - (before[name]?.sockets ?? 0),
      notes: held(name).notes - (before[name]?.notes ?? 0),
    });
    expect(gained(serving)).toEqual({ sockets: 2, notes: 2 });
    expect(gained(other(serving))).toEqual({ sockets: 0, notes: 0 });
    // And the meeting works through nginx: a command reaches the long-polling phone, typing reaches the console.
    await nextStageSeenBy(console_, phone);
    phoneNotes.write('Likes a visual timetable');
    await waitFor(() => consoleNotes.paragraphs().includes('Likes a visual timetable'));
    expect(await answeredBy(world.north.ep, `/api/sessions/${session.id}/submitted`)).toBe(serving);

    for (const client of [console_, phone]) client.close();
    for (const notes of [consoleNotes, phoneNotes]) notes.destroy();
    // nginx's own record: every request of this session, of every kind, went to the serving node and nowhere else.
    const lines = await loggedFor(session.id, (logged) => Object.values(kinds(logged)).every(Boolean));
    expect(kinds(lines)).toEqual({ websocket: true, polling: true, notes: true, api: true });
    expect(new Set(lines.flatMap((line) => line.upstreams.map(nameOfPort)))).toEqual(new Set([serving]));
    await waitFor(() => gained(serving).sockets === 0 && gained(serving).notes === 0, 5000, 'the clients stayed open');
  });

  it('spreads sessions over both nodes, each staying on its own', async () => {
    const servedBy = new Map<Name, SessionView>();
    // Each session lands on either node by its id; 12 sessions all on one node would be 1 chance in 2,048.
    for (let made = 0; made < 12 && servedBy.size < 2; made++) {
      const session = await buildSession(world, { cases: ['J5M'] });
      servedBy.set(await servingNode(session), session);
    }
    expect([...servedBy.keys()].sort()).toEqual([...NAMES]);
    for (const name of NAMES) {
      const session = servedBy.get(name) as SessionView;
      const before = node(name).meetingConnectionCount;
      const console_ = await consoleOf(session);
      expect(node(name).meetingConnectionCount).toBe(before + 1);
      for (let i = 0; i < 3; i++) expect(await servingNode(session)).toBe(name);
      console_.close();
    }
  });

  it('answers requests of no session whichever node is up, spread over both', async () => {
    const seen = new Set<Name>();
    for (let i = 0; i < 40 && seen.size < 2; i++) seen.add(await answeredBy(new Browser(nginx.url), '/api/health'));
    expect([...seen].sort()).toEqual([...NAMES]);
  });

  it("moves a session's clients to the other node when its node stops, and they carry on by themselves", async () => {
    const session = await buildSession(world, { cases: ['J5M'] });
    const serving = await servingNode(session);
    const survivor = other(serving);
    const console_ = await consoleOf(session, { reconnection: true });
    const { phone, token } = await pollingPhone(session, 'SENCO B');
    const consoleNotes = await notesOf(session, await notesToken(world.north.ep, session.id, 'facilitator'));
    const phoneNotes = await notesOf(session, token);
    phoneNotes.write('Before the node stopped');
    await waitFor(() => consoleNotes.paragraphs().includes('Before the node stopped'));
    await nextStageSeenBy(console_, phone);
    // What the survivor held before (other tests' clients, if one failed to close them): it must gain exactly these.
    const sockets = node(survivor).meetingConnectionCount;
    const notesOpen = node(survivor).notes.connectionCount;

    const mark = nginx.requests().length;
    const seqBefore = console_.state.seq;
    stopped.add(serving);
    await node(serving).close();

    // Nobody reconnects them: socket.io and the notes provider come back through nginx, to the other node.
    await waitFor(
      () =>
        console_.socket.connected &&
        phone.socket.connected &&
        node(survivor).meetingConnectionCount === sockets + 2 &&
        node(survivor).notes.connectionCount === notesOpen + 2 &&
        consoleNotes.provider.synced &&
        phoneNotes.provider.synced,
      20_000,
      'the clients did not come back through nginx to the other node',
    ).catch((error: Error) => {
      // Say where it stopped: which client is back, what the survivor holds, what nginx did since the stop.
      const where = {
        consoleBack: console_.socket.connected,
        phoneBack: phone.socket.connected,
        survivorSockets: node(survivor).meetingConnectionCount - sockets,
        survivorNotes: node(survivor).notes.connectionCount - notesOpen,
        notesSynced: [consoleNotes.provider.synced, phoneNotes.provider.synced],
        logged: nginx.requests().slice(mark),
        nginx: nginx.errors(),
      };
      throw new Error(`${error.message}: ${JSON.stringify(where)}`);
    });
    // Each socket was welcomed again, by the survivor, with the meeting as it stood.
    for (const client of [console_, phone]) {
      expect(client.welcomes).toHaveLength(2);
      expect(client.state.seq).toBe(seqBefore);
    }
    // Not checked here: a command after the move. The survivor may hold a stale copy of this meeting, folded when
    // the phone's join (POST /api/join names no session, so nginx spreads it) happened to land on it; its next
    // append then collides with the log (issue 14 item 3: the node taking a session must load it afresh).
    phoneNotes.write('After the node stopped');
    await waitFor(() => consoleNotes.paragraphs().includes('After the node stopped'));
    expect(consoleNotes.paragraphs()).toEqual(['Before the node stopped', 'After the node stopped']);
    expect(await servingNode(session)).toBe(survivor);
    // Requests of no session: every one answered, by the node that is up.
    for (let i = 0; i < 10; i++) expect(await answeredBy(new Browser(nginx.url), '/api/health')).toBe(survivor);

    for (const client of [console_, phone]) client.close();
    for (const notes of [consoleNotes, phoneNotes]) notes.destroy();
    // In nginx's log: since the stop, the session's requests of every kind were answered by the survivor. The stopped
    // node's only lines since then are its old WebSockets and long-polls, logged as they ended.
    const sinceStop = (name: Name) =>
      nginx
        .requests()
        .slice(mark)
        .filter((line) => line.session === session.id && nameOfPort(line.upstreams.at(-1) as string) === name);
    await waitFor(() => Object.values(kinds(sinceStop(survivor))).every(Boolean), 10_000, 'not every kind was logged');
    expect(kinds(sinceStop(survivor))).toEqual({ websocket: true, polling: true, notes: true, api: true });
    for (const line of sinceStop(serving))
      expect(line.target.startsWith('/socket.io/') || line.status === 101).toBe(true);
  });
});
