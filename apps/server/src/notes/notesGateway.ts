import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type MeetingEvent, NOTES_CLOSE, NOTES_LIMITS } from '@consultboard/domain';
import { WebSocketServer } from 'ws';
import type * as Y from 'yjs';
import { originAllowed } from '../auth/origin.js';
import type { Repos } from '../db/repos.js';
import type { LiveConnections } from '../live/liveConnections.js';
import { logger } from '../logger.js';
import type { MeetingStore } from '../meeting/meetingStore.js';
import { authoriseNotes, NotesRefused, readNotesRequest } from './notesAuth.js';
import { NotesConnection } from './notesConnection.js';
import { NotesHolders } from './notesHolders.js';
import type { NotesStore } from './room.js';
import { Rooms } from './rooms.js';

/** The notes limits a server runs with: NOTES_LIMITS, with the timings adjustable for tests. */
export type NotesSettings = { -readonly [K in keyof typeof NOTES_LIMITS]: number };

const STATUS_TEXT = {
  401: 'Unauthorized',
  403: 'Forbidden',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
} as const;

/**
 * How often every connection is pinged: one that has not answered the last ping is cut, so a phone that
 * dropped off the network does not keep holding one of its token's connections.
 */
const HEARTBEAT_MS = 30_000;

/** Refuses an upgrade with a plain HTTP answer before any WebSocket exists. */
function refuseUpgrade(socket: Duplex, status: keyof typeof STATUS_TEXT): void {
  if (socket.destroyed) return;
  socket.once('finish', () => socket.destroy());
  socket.end(`HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * The notes endpoint: y-websocket on `/yjs/<docName>`, sharing the HTTP server's port. Authorises
 * each upgrade before it completes, then hands the socket to a NotesConnection in its room. When a
 * session ends, phones are sent away and every other connection to its notes becomes read-only.
 */
export function createNotesGateway(deps: {
  repos: Repos;
  meetings: MeetingStore;
  /** Absent in unit tests that build a gateway by hand. */
  live?: LiveConnections;
  publicUrl: string;
  /** Browser origins allowed to connect (PUBLIC_URL's and ALLOWED_ORIGINS). */
  allowedOrigins: ReadonlySet<string>;
  settings?: Partial<NotesSettings>;
  /** Where the rooms write (the server's own notes connection, see openNotesStore); `repos.notes` unless given. */
  store?: NotesStore;
}) {
  const { repos, meetings } = deps;
  const settings: NotesSettings = { ...NOTES_LIMITS, ...deps.settings };
  const wss = new WebSocketServer({ noServer: true, maxPayload: settings.messageBytes, perMessageDeflate: false });
  const rooms = new Rooms({
    store: deps.store ?? repos.notes,
    documentBytes: settings.documentBytes,
    compactAfterUpdates: settings.compactAfterUpdates,
    idleRoomMs: settings.idleRoomMs,
  });
  const connections = new Set<NotesConnection>();
  const holders = new NotesHolders(settings);

  const alive = new WeakSet<object>();
  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();

  function handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', (error) => logger.debug({ err: error }, 'notes upgrade socket error'));
    try {
      if (!originAllowed(request, deps.allowedOrigins)) throw new NotesRefused(403);
      const { docName, token } = readNotesRequest(request.url);
      const identity = authoriseNotes(repos, docName, token, Date.now());
      // Issue 14: the notes of a session are written by the node that runs it. Refused here, the provider tries
      // again by itself, and the balancer brings it to that node (or here, once this node may run it).
      const ranHere = meetings.runs(identity.sessionId);
      if (!meetings.claim(identity.sessionId, true)) throw new NotesRefused(503);
      // Taken just now: a room kept from an earlier time here may lack what another node wrote meanwhile.
      if (!ranHere) dropRoomsOf(identity.sessionId);
      docsOf(identity.sessionId).add(identity.docName);
      // One connection per case on the agenda, and a little slack for reconnects.
      const most = repos.consultSessions.cases(identity.sessionId).length + settings.connectionsSlack;
      wss.handleUpgrade(request, socket, head, (ws) => {
        alive.add(ws);
        ws.on('pong', () => alive.add(ws));
        // Counted once the socket is open (upgrades in flight are not), and refused with a close code
        // rather than an HTTP status, which a browser's WebSocket never shows the page.
        const budgets = holders.admit(identity, most, ws);
        if (!budgets) {
          logger.debug({ sessionId: identity.sessionId, docName }, 'notes connection refused: too many');
          ws.close(NOTES_CLOSE.tooManyConnections.code, NOTES_CLOSE.tooManyConnections.reason);
          return;
        }
        const connection = new NotesConnection(ws, identity, rooms, budgets, (closed) => {
          connections.delete(closed);
          holders.release(identity, ws);
        });
        connections.add(connection);
      });
    } catch (error) {
      if (error instanceof NotesRefused) refuseUpgrade(socket, error.status);
      else {
        logger.error({ err: error }, 'notes upgrade failed');
        refuseUpgrade(socket, 500);
      }
    }
  }

  /** The notes documents of each session opened here (to drop them when another node may have written them). */
  const sessionDocs = new Map<string, Set<string>>();
  function docsOf(sessionId: string): Set<string> {
    let docs = sessionDocs.get(sessionId);
    if (!docs) {
      docs = new Set();
      sessionDocs.set(sessionId, docs);
    }
    return docs;
  }
  /** Issue 14: this node does not run the session (any more): its rooms go, unwritten, and their connections close. */
  function dropRoomsOf(sessionId: string): void {
    for (const docName of sessionDocs.get(sessionId) ?? []) rooms.drop(docName);
    sessionDocs.delete(sessionId);
  }

  function sessionEnded(sessionId: string): void {
    for (const connection of [...connections]) {
      if (connection.identity.sessionId !== sessionId) continue;
      if (connection.identity.role === 'participant') connection.close(NOTES_CLOSE.sessionEnded);
      else connection.makeReadOnly();
    }
  }

  meetings.onEvent((sessionId: string, event: MeetingEvent) => {
    if (event.type !== 'session.ended') return;
    try {
      sessionEnded(sessionId);
    } catch (error) {
      logger.error({ err: error, sessionId }, 'notes could not close after the session ended');
    }
  });

  meetings.onLost((sessionIds) => {
    for (const sessionId of sessionIds) dropRoomsOf(sessionId);
  });
  // Sessions with notes connections here are in use: not to be released (see MeetingStore.releaseIdle).
  meetings.onListInUse(function* () {
    for (const connection of connections) yield connection.identity.sessionId;
  });

  // A deactivated account's console and projector notes close at once (their personId is `<role>:<userId>`).
  deps.live?.onEndUser((userId) => {
    for (const connection of [...connections]) {
      if (connection.identity.role !== 'participant' && connection.identity.personId.endsWith(`:${userId}`))
        connection.close(NOTES_CLOSE.forbidden);
    }
  });

  deps.live?.onListUsers(function* () {
    for (const connection of connections) {
      const { role, personId } = connection.identity;
      if (role !== 'participant') yield personId.slice(personId.indexOf(':') + 1);
    }
  });

  // A phone the EP removed from the meeting loses its notes at once too.
  deps.live?.onEndParticipant((participantId) => {
    for (const connection of [...connections]) {
      if (connection.identity.role === 'participant' && connection.identity.personId === participantId)
        connection.close(NOTES_CLOSE.forbidden);
    }
  });

  return {
    handleUpgrade,
    rooms,
    holders,
    /**
     * Deletes a stage's notes in the case's room (loaded if nobody is in it), compacting it so the deleted
     * text leaves the snapshot; the connected clients converge as on any edit.
     */
    clearStage: async (docName: string, stageId: string) => (await rooms.open(docName)).clearStage(stageId),
    /**
     * Issue 10: reads a case's notes as the room holds them, or changes them as the server (Check before keeping),
     * in the case's room (loaded if nobody is in it), so the connected clients converge as on any edit.
     */
    readNotes: async <T>(docName: string, look: (doc: Y.Doc) => T) => look((await rooms.open(docName)).doc),
    /**
     * Issue 12: a document as its live room holds it now, with what is applied but not yet on the disk; undefined
     * when no room of it is open and loaded here. Synchronous, for the minutes written inside a meeting event.
     */
    liveDoc: (docName: string): Y.Doc | undefined => {
      const room = rooms.get(docName);
      return room?.status === 'ready' ? room.doc : undefined;
    },
    editNotes: async <T>(docName: string, change: (doc: Y.Doc) => T) => (await rooms.open(docName)).serverEdit(change),
    /** How many notes connections are open. */
    get connectionCount() {
      return connections.size;
    },
    /** Closes every connection, compacts and frees every room, and stops the WebSocket server. */
    close: async (): Promise<void> => {
      clearInterval(heartbeat);
      const sockets = [...wss.clients];
      rooms.close();
      // Every accepted update is committed; its disk flush finishes before the database is closed.
      await rooms.commits.settled();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      // Give clients a moment to answer the close frame, then cut whoever has not.
      const deadline = Date.now() + 1000;
      while (sockets.some((ws) => ws.readyState !== ws.CLOSED) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      for (const ws of sockets) ws.terminate();
    },
  };
}
export type NotesGateway = ReturnType<typeof createNotesGateway>;
