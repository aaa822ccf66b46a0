import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NOTES_PATH, notesDocName, SOCKET_PATH } from '@consultboard/domain';
import { createAdaptorServer } from '@hono/node-server';
import { createLimiters } from './auth/limiters.js';
import { allowedOrigins } from './auth/origin.js';
import { keepBankOnCaseLeft } from './bank/bankWriter.js';
import { type Cluster, connectRedis, joinCluster, type RedisLink, singleNode } from './cluster/cluster.js';
import { AdvisoryLocks, soleOwner } from './cluster/ownership.js';
import type { Config } from './config.js';
import { createRepos } from './db/repos.js';
import { openStore } from './db/store.js';
import { createHttpApp, NODE_HEADER } from './http/app.js';
import type { HttpDeps } from './http/context.js';
import { LiveConnections } from './live/liveConnections.js';
import { logger } from './logger.js';
import { attachGateway } from './meeting/gateway.js';
import { MeetingStore } from './meeting/meetingStore.js';
import { minutesWriter } from './minutes/minutesWriter.js';
import { startMinutesPurge } from './minutes/retention.js';
import { createNotesGateway, type NotesGateway } from './notes/notesGateway.js';
import { ExportPool } from './workers/exportPool.js';

/** How often a node releases the sessions nobody uses there, and checks its database connection (issue 14). */
const OWNERSHIP_SWEEP_MS = 5_000;

export interface RunningServer {
  port: number;
  url: string;
  /** The notes endpoint (its rooms and connections), for tests and the benchmark. */
  notes: NotesGateway;
  /** The export workers, for tests and the benchmark. */
  exports: ExportPool;
  /** How many meeting sockets (socket.io clients, either transport) this node holds, for the cluster tests. */
  readonly meetingConnectionCount: number;
  close: () => Promise<void>;
}

/**
 * Wires the server in a fixed order: storage → meeting store → HTTP app → listen → meeting gateway →
 * notes gateway → upgrade routing.
 * One port carries the API, the web app and the live sockets.
 */
export async function startServer(config: Config): Promise<RunningServer> {
  // Issue 14: Redis first, so a node that cannot join its cluster stops before it opens anything.
  const redis: RedisLink | null = config.redisUrl ? await connectRedis(config.redisUrl) : null;
  const store = await openStore(config);
  const repos = createRepos(store.db);
  // Issue 14: on PostgreSQL (several nodes), each live session is run by the node holding its advisory lock.
  const meetings = new MeetingStore(repos, store.postgres ? new AdvisoryLocks(store.postgres) : soleOwner);
  // Issue 12: leaving a case keeps its minutes in the locality file, in the event's transaction, with the notes as
  // the case's live room holds them (the notes gateway starts later; until then there is no room to read).
  let notesGateway: NotesGateway | undefined;
  meetings.onCaseLeft(minutesWriter(repos, (caseId) => notesGateway?.liveDoc(notesDocName(caseId))));
  // Issue 12: leaving a case keeps its helpful strategies and resources in the locality's strategy bank.
  keepBankOnCaseLeft(repos, meetings);
  // Without PUBLIC_URL the public URL is known only once listening (PORT=0 in tests): filled in below.
  const deps = {
    repos,
    meetings,
    live: new LiveConnections(),
    publicUrl: config.publicUrl ?? `http://localhost:${config.port}`,
    allowedOrigins: allowedOrigins(config.publicUrl, config.port, config.allowedOrigins),
    trustProxy: config.trustProxy,
    secureCookies: config.secureCookies,
    webDist: config.webDist,
    limiters: createLimiters(),
    exports: new ExportPool(config.exports),
    nodeName: config.nodeName,
  };

  let app: ReturnType<typeof createHttpApp> | undefined;
  const httpServer = createAdaptorServer({
    fetch: (request, env) => (app ? app.fetch(request, env) : new Response('Starting', { status: 503 })),
  }) as HttpServer;
  const port = await new Promise<number>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve((httpServer.address() as AddressInfo).port));
  });
  deps.publicUrl = config.publicUrl ?? `http://localhost:${port}`;
  deps.allowedOrigins = allowedOrigins(config.publicUrl, port, config.allowedOrigins);
  app = createHttpApp(deps);
  if (!config.publicUrl && !['127.0.0.1', 'localhost', '::1'].includes(config.host)) {
    // Phones in the room cannot use localhost: without PUBLIC_URL their browsers would be refused and the QR code wrong.
    logger.warn(
      { allowedOrigins: [...deps.allowedOrigins] },
      'PUBLIC_URL is not set: only browsers on this machine are let in. Set it to the address phones can reach.',
    );
  }

  const io = attachGateway(httpServer, { ...deps, settings: config.meeting });
  // socket.io answers its own HTTP requests (long-polling, the WebSocket upgrade): they name the node too.
  const nodeName = config.nodeName;
  if (nodeName)
    io.engine.on('headers', (headers: Record<string, string>) => Object.assign(headers, { [NODE_HEADER]: nodeName }));
  // Issue 14: with REDIS_URL, socket.io's broadcasts and the ends of connections reach every node.
  let cluster: Cluster = singleNode;
  if (redis) {
    cluster = joinCluster(
      io as unknown as Parameters<typeof joinCluster>[0],
      redis,
      {
        endUser: (userId) => deps.live.endUserHere(userId),
        endParticipant: (participantId) => deps.live.endParticipantHere(participantId),
        handOver: (sessionId) => meetings.handOver(sessionId),
      },
      config.clusterName,
    );
    deps.live.tellOthers(cluster);
    // Issue 14: a client of a session another node runs came here (the balancer sends it here now): ask for it.
    const asking = cluster;
    meetings.onElsewhere((sessionId) => asking.askHandOver(sessionId));
    // What another node said while Redis was away may be lost: accounts deactivated meanwhile go now.
    redis.onRecovered(() => {
      const ended = deps.live.sweepUsers((userId) => {
        const user = repos.users.byId(userId);
        return !!user && user.deactivated_at === null;
      });
      if (ended > 0) logger.warn({ ended }, 'closed the connections of accounts deactivated while Redis was away');
    });
  }
  Object.assign(deps, { cluster } satisfies Pick<HttpDeps, 'cluster'>);
  const notes = createNotesGateway({
    repos,
    store: store.notes,
    meetings,
    live: deps.live,
    publicUrl: deps.publicUrl,
    allowedOrigins: deps.allowedOrigins,
    settings: config.notes,
  });
  notesGateway = notes;
  // The HTTP app was built before the notes ran: its notes routes find them here from now on.
  Object.assign(deps, { notes } satisfies Pick<HttpDeps, 'notes'>);
  // socket.io answers its own path; the notes take theirs; any other upgrade is refused at once
  // rather than left hanging.
  httpServer.on('upgrade', (request, socket, head) => {
    const path = request.url ?? '';
    if (path.startsWith(`${SOCKET_PATH}/`)) return;
    if (path.startsWith(`${NOTES_PATH}/`)) return notes.handleUpgrade(request, socket, head);
    socket.destroy();
  });

  // Issue 14: sessions nobody here uses are released for another node; while this node runs any, a statement every
  // few seconds notices a lost database connection (and with it the sessions' locks) even when the room is quiet.
  const ownershipTimer = setInterval(() => {
    if (!store.postgres) return;
    try {
      meetings.releaseIdle();
      if (meetings.running().length > 0) store.postgres.exec('SELECT 1');
    } catch (error) {
      logger.warn({ err: error }, 'the database did not answer');
    }
  }, OWNERSHIP_SWEEP_MS);
  ownershipTimer.unref();

  const timer = setInterval(() => {
    const now = Date.now();
    repos.authSessions.purgeExpired(now);
    repos.notesTokens.purgeExpired(now);
  }, 60 * 60_000);
  timer.unref();
  // Issue 12: minutes past their retention go at start and then daily.
  const stopPurge = startMinutesPurge(repos);

  logger.info(
    { port, publicUrl: deps.publicUrl, allowedOrigins: [...deps.allowedOrigins], dataDir: config.dataDir },
    'Consultboard is listening',
  );
  const server = httpServer;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    notes,
    exports: deps.exports,
    get meetingConnectionCount() {
      return io.engine.clientsCount;
    },
    close: async () => {
      clearInterval(timer);
      clearInterval(ownershipTimer);
      stopPurge();
      await deps.exports.close();
      await notes.close();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await cluster.close();
      server.closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}
