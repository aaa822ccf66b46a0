import type { ChildProcess } from 'node:child_process';
import { notesDocName, type SessionView } from '@consultboard/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { joinAsPhone } from './helpers/http.js';
import { TestNginx } from './helpers/nginx.js';
import { NotesClient, notesToken, paragraphsOf, waitFor } from './helpers/notes.js';
import { createTestDatabase } from './helpers/postgres.js';
import { TestRedis } from './helpers/redis.js';
import { freePort, kill, spawnServer } from './helpers/serverProcess.js';
import { commandId, MeetingClient } from './helpers/sockets.js';
import { tempDataDir } from './helpers/testServer.js';
import { buildSession, buildWorld, type World } from './helpers/world.js';

/**
 * Issue 14, item 5: a node's death loses nothing. PostgreSQL, Redis, two real node processes and nginx with
 * deploy/nginx.conf, all on loopback. The EP's console, the board and four phones talk through nginx; the phones add
 * cards and two of them type notes all along. The node running the session is killed with SIGKILL at a random moment,
 * ROUNDS times (and started again each time, so there are always two): nginx moves the clients to the other node,
 * which takes the session's lock, loads it from PostgreSQL and carries on. Afterwards every card any phone saw
 * acknowledged is there exactly once, every notes paragraph any client received is there, and every client has
 * caught up by itself.
 */
const ROUNDS = Number(process.env.FAILOVER_ROUNDS ?? 20);
const STRATEGIES = 'strategies-and-resources';

interface Node {
  name: string;
  port: number;
  dataDir: string;
  child: ChildProcess | null;
}

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let redis: TestRedis;
let nginx: TestNginx;
let nginxPort: number;
const nodes: Node[] = [];
let world: World;
let session: SessionView;
const clients: MeetingClient[] = [];
const notesClients: NotesClient[] = [];
const clusterName = `failover-${process.pid}-${Date.now().toString(36)}`;

async function start(node: Node): Promise<void> {
  node.child = await spawnServer(node.dataDir, node.port, {
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    CLUSTER_NAME: clusterName,
    NODE_NAME: node.name,
    PUBLIC_URL: `http://127.0.0.1:${nginxPort}`,
    TRUST_PROXY: '1',
  });
}

async function health(node: Node): Promise<{ running?: number } | null> {
  try {
    const response = await fetch(`http://127.0.0.1:${node.port}/api/health`, { signal: AbortSignal.timeout(1000) });
    return (await response.json()) as { running?: number };
  } catch {
    return null;
  }
}

/** The node running the session (the test has one live session), once one does. */
async function runningNode(timeoutMs = 15_000): Promise<Node> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const node of nodes) if (((await health(node))?.running ?? 0) > 0) return node;
    if (Date.now() > deadline) throw new Error('no node runs the session');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The last reason each client could not connect (for the message of a failed round). */
const lastErrors = new Map<MeetingClient, string>();

/**
 * A client through nginx that comes back by itself as the web app's does: socket.io reconnects after a dropped
 * connection; a refusal the server may lift (the session is moving) or a server's disconnect is tried again shortly.
 */
function resilient(auth: ConstructorParameters<typeof MeetingClient>[1], cookie?: string): MeetingClient {
  const client = new MeetingClient(nginx.url, auth, { cookie, reconnection: true, query: { session: session.id } });
  let stopped = false;
  const again = () =>
    setTimeout(() => {
      // Not while socket.io is itself reconnecting (`active`): two attempts at once would count twice.
      if (!stopped && !client.socket.active) client.socket.connect();
    }, 200);
  client.socket.on('connect_error', (error: Error & { data?: { code?: string } }) => {
    lastErrors.set(client, error.data?.code ?? error.message);
    again();
  });
  client.socket.on('disconnect', (reason) => {
    if (reason === 'io server disconnect') again();
  });
  // A welcome that holds only the first page of what was missed: the rest is asked for, as the web app does.
  client.socket.on('welcome', (welcome) => {
    if (welcome.more) setTimeout(() => void client.catchUpToEnd().catch(() => {}), 0);
  });
  const close = client.close.bind(client);
  client.close = () => {
    stopped = true;
    close();
  };
  clients.push(client);
  return client;
}

/** Resolves once the client has been welcomed (after however many refusals while the session moved). */
const welcomedOnce = (client: MeetingClient) =>
  waitFor(() => client.welcomes.length > 0, 20_000, 'a client was never welcomed');

/** A phone adding cards all along: each card is sent with one command id until the server acknowledges it. */
class CardWriter {
  readonly acknowledged: string[] = [];
  private running = true;
  readonly done: Promise<void>;

  constructor(
    readonly phone: MeetingClient,
    private readonly name: string,
  ) {
    this.done = this.run();
  }

  stop(): void {
    this.running = false;
  }

  private async run(): Promise<void> {
    const caseId = session.cases[0]?.id as string;
    for (let n = 1; this.running; n++) {
      const text = `${this.name} idea ${n}`;
      const command = { id: commandId(), type: 'card.add', caseId, stageId: STRATEGIES, kind: 'strategy', text };
      // Sent again (the same command) until acknowledged: once the phone has an ack, the card is the server's.
      for (;;) {
        if (this.phone.socket.connected) {
          try {
            const ack = await this.phone.socket.timeout(2000).emitWithAck('command', command as never);
            if ((ack as { ok: boolean }).ok) break;
          } catch {
            // No answer (the node died): send it again.
          }
        }
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
      this.acknowledged.push(text);
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
    }
  }
}

/** Every paragraph a notes client ever held, whoever typed it (what it received, or typed itself). */
function everParagraphs(client: NotesClient): Set<string> {
  const seen = new Set<string>();
  const look = () => {
    for (const text of paragraphsOf(client.doc, STRATEGIES)) seen.add(text);
  };
  client.doc.on('update', look);
  look();
  return seen;
}

beforeAll(async () => {
  database = await createTestDatabase();
  redis = await TestRedis.start();
  nginxPort = await freePort();
  for (const name of ['node-a', 'node-b'])
    nodes.push({ name, port: await freePort(), dataDir: tempDataDir(), child: null });
  for (const node of nodes) await start(node);
  nginx = await TestNginx.start(
    nodes.map((node) => node.port),
    nginxPort,
  );
  world = await buildWorld(nginx.url);
  session = await buildSession(world, { cases: ['J5M'] });
}, 120_000);

afterAll(async () => {
  for (const client of clients) client.close();
  for (const client of notesClients) client.destroy();
  await nginx?.stop();
  for (const node of nodes) if (node.child) await kill(node.child, 'SIGTERM');
  await redis?.down();
  await database?.drop();
});

describe("a node's death", () => {
  it(`loses nothing, ${ROUNDS} times over: every acknowledged card and every received note is there`, async () => {
    const epCookie = world.north.ep.cookie as string;
    const console_ = resilient({ sessionId: session.id, role: 'facilitator' }, epCookie);
    await welcomedOnce(console_);
    while (console_.state.stages[console_.state.stageIndex]?.id !== STRATEGIES)
      expect((await console_.send({ type: 'stage.next' })).ok).toBe(true);
    const board = resilient({ sessionId: session.id, role: 'projector' }, epCookie);
    const welcomed = [welcomedOnce(board)];
    const phones: MeetingClient[] = [];
    const tokens: string[] = [];
    for (let i = 1; i <= 4; i++) {
      const token = await joinAsPhone(nginx.url, session.joinCode as string, `SENCO ${String.fromCharCode(64 + i)}`);
      tokens.push(token);
      const phone = resilient({ token });
      welcomed.push(welcomedOnce(phone));
      phones.push(phone);
    }
    await Promise.all(welcomed);
    const writers = phones.map((phone, i) => new CardWriter(phone, `Phone ${i + 1}`));

    // Notes: two phones type a paragraph every 150 ms; the console's notes only read.
    const docName = notesDocName(session.cases[0]?.id as string);
    const open = (token: string) => {
      const client = new NotesClient(nginx.url, docName, token, { params: { session: session.id } });
      notesClients.push(client);
      return client;
    };
    const reader = open(await notesToken(world.north.ep, session.id, 'facilitator'));
    const typists = [open(tokens[0] as string), open(tokens[1] as string)];
    await Promise.all([reader.whenSynced(10_000), ...typists.map((typist) => typist.whenSynced(10_000))]);
    // What each client received from the server: all the reader holds, and a typist's copy of the other's notes.
    const received = [everParagraphs(reader), ...typists.map((typist) => everParagraphs(typist))];
    const others = (seen: Set<string>, own: string) => [...seen].filter((text) => !text.startsWith(own));
    const typed: string[] = [];
    let typing = true;
    const typingDone = (async () => {
      for (let n = 1; typing; n++) {
        for (const [i, typist] of typists.entries()) {
          const text = `Note ${i + 1}.${n}`;
          typist.write(text, STRATEGIES);
          typed.push(text);
        }
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
    })();

    for (let round = 1; round <= ROUNDS; round++) {
      await new Promise((resolve) => setTimeout(resolve, 300 + Math.random() * 1200));
      const victim = await runningNode();
      const before = writers.reduce((sum, writer) => sum + writer.acknowledged.length, 0);
      await kill(victim.child as ChildProcess, 'SIGKILL');
      victim.child = null;
      // The other node takes the session over, and the phones' cards are acknowledged there.
      const survivor = nodes.find((node) => node !== victim) as Node;
      expect(await runningNode()).toBe(survivor);
      await waitFor(
        () => writers.reduce((sum, writer) => sum + writer.acknowledged.length, 0) > before + 4,
        20_000,
        `round ${round}: the phones' cards were not acknowledged after the node died`,
      ).catch(async (error) => {
        const states = await Promise.all(
          nodes.map(async (node) => `${node.name}: ${JSON.stringify(await health(node))}`),
        );
        const sockets = [console_, board, ...phones].map(
          (client) => `${client.socket.connected}/${lastErrors.get(client) ?? '-'}/${client.socket.active}`,
        );
        throw new Error(
          `${(error as Error).message}; ${states.join(', ')}; sockets ${sockets.join(' ')}; nginx ${[
            ...new Set(
              nginx
                .errors()
                .split('\n')
                .map((line) =>
                  line
                    .replace(/^.*?\[\w+\] [\d#*]+ /, '')
                    .replace(/client: .*?, server/, 'server')
                    .slice(0, 160),
                ),
            ),
          ]
            .slice(-12)
            .join(' | ')}`,
        );
      });
      // The dead node's machine comes back: two nodes again (the balancer may send the session back to it).
      await start(victim);
    }

    // Done: the last cards are acknowledged, the typists' last notes sent.
    for (const writer of writers) writer.stop();
    await Promise.all(writers.map((writer) => writer.done));
    typing = false;
    await typingDone;

    // Every acknowledged card is in the meeting exactly once, as a fresh console reads it from the log.
    const acknowledged = writers.flatMap((writer) => writer.acknowledged);
    expect(acknowledged.length).toBeGreaterThan(ROUNDS * 4);
    const fresh = resilient({ sessionId: session.id, role: 'facilitator' }, epCookie);
    await welcomedOnce(fresh);
    await waitFor(() => fresh.welcomes.length > 0, 1000);
    await fresh.catchUpToEnd();
    const texts = fresh.state.cards.map((card) => card.text);
    for (const text of acknowledged)
      expect(
        texts.filter((seen) => seen === text),
        text,
      ).toHaveLength(1);
    // No card twice, acknowledged or not (a command resent after a node's death is applied once).
    expect(new Set(texts).size).toBe(texts.length);
    // Every client caught up by itself: the board and each phone hold every card.
    for (const client of [console_, board, ...phones])
      await waitFor(
        () => client.state.cards.length === fresh.state.cards.length,
        20_000,
        'a client did not catch up with the cards',
      );

    // Notes: every paragraph any client ever received is stored, and every typed one (the typists' own copies
    // send what the server had not stored when they reconnect).
    const check = new NotesClient(nginx.url, docName, await notesToken(world.north.ep, session.id, 'facilitator'), {
      params: { session: session.id },
    });
    notesClients.push(check);
    const [byReader, byFirst, bySecond] = received as [Set<string>, Set<string>, Set<string>];
    const everReceived = new Set([...byReader, ...others(byFirst, 'Note 1.'), ...others(bySecond, 'Note 2.')]);
    await waitFor(
      () => {
        if (!check.synced) return false;
        const stored = new Set(paragraphsOf(check.doc, STRATEGIES));
        return [...everReceived, ...typed].every((text) => stored.has(text));
      },
      30_000,
      'a notes paragraph a client had received (or typed) is not stored',
    ).catch((error) => {
      const stored = new Set(paragraphsOf(check.doc, STRATEGIES));
      const lostReceived = [...everReceived].filter((text) => !stored.has(text));
      const lostTyped = typed.filter((text) => !stored.has(text));
      const links = [reader, ...typists, check].map(
        (client) => `${client.provider.wsconnected}/${client.synced}/${client.closes.map((c) => c.code).join(',')}`,
      );
      throw new Error(
        `${(error as Error).message}: received ${lostReceived.length} (${lostReceived.slice(0, 5).join('; ')}), typed ${lostTyped.length} (${lostTyped.slice(0, 5).join('; ')}); stored ${stored.size}; links ${links.join(' ')}`,
      );
    });
    const stored = paragraphsOf(check.doc, STRATEGIES);
    expect(new Set(stored).size).toBe(stored.length);
    expect(Y.encodeStateAsUpdate(check.doc).byteLength).toBeGreaterThan(0);
  }, 600_000);
});
