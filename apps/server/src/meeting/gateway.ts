import type { Server as HttpServer } from 'node:http';
import {
  type ClientToServer,
  DIRECTORY_LIMITS,
  ERROR_CODES,
  LIMITS,
  type MeetingEvent,
  redactEvent,
  refuse,
  type ServerToClient,
  SOCKET_PATH,
} from '@consultboard/domain';
import { Server, type Socket } from 'socket.io';
import { z } from 'zod';
import { originAllowed } from '../auth/origin.js';
import type { Repos } from '../db/repos.js';
import type { LiveConnections } from '../live/liveConnections.js';
import { logger } from '../logger.js';
import { Coalescer } from './coalescer.js';
import { handleCommand } from './commandHandler.js';
import { HandshakeRefused, identify, mayStillRun, personIn, type SocketIdentity } from './handshake.js';
import { MeetingLimiters } from './meetingLimiters.js';
import { MEETING_SETTINGS, type MeetingSettings } from './meetingSettings.js';
import { type MeetingStore, SessionElsewhere } from './meetingStore.js';
import { Presence } from './presence.js';
import { replayFor } from './replay.js';
import { joinUrl } from './sessionViews.js';
import { SocketQuota } from './socketQuota.js';
import { TurnQueue } from './turnQueue.js';

type MeetingSocket = Socket<ClientToServer, ServerToClient, Record<string, never>, SocketIdentity>;

/**
 * Each session has two socket.io rooms: the EP's console, sent every event whole, and everyone else (phones and
 * the projector), sent the redacted view in which hidden cards carry no text.
 */
const consoleRoom = (sessionId: string) => `session:${sessionId}:console`;
const roomOf = (sessionId: string) => `session:${sessionId}:room`;
const catchUpSchema = z.object({ after: z.number().int().min(0) }).strict();
const suggestSchema = z.object({ q: z.string().max(DIRECTORY_LIMITS.query) }).strict();

/**
 * The meeting gateway: socket.io on the HTTP server. Authenticates each socket at the handshake (and holds each
 * person to a few sockets), replays what it missed a page at a time, runs its commands within each person's
 * budget, and broadcasts every committed event to the session's console and, redacted, to its room.
 */
export function attachGateway(
  httpServer: HttpServer,
  deps: {
    repos: Repos;
    meetings: MeetingStore;
    live: LiveConnections;
    publicUrl: string;
    allowedOrigins: ReadonlySet<string>;
    settings?: Partial<MeetingSettings>;
  },
) {
  const { repos, meetings, publicUrl } = deps;
  const settings: MeetingSettings = { ...MEETING_SETTINGS, ...deps.settings };
  const presence = new Presence();
  const limiters = new MeetingLimiters(settings);
  const quota = new SocketQuota<MeetingSocket>();
  // Catch-up pages are built one per turn of the event loop, however many arrive at once.
  const pages = new TurnQueue((error) => logger.error({ err: error }, 'catch-up failed'));
  const io = new Server<ClientToServer, ServerToClient, Record<string, never>, SocketIdentity>(httpServer, {
    path: SOCKET_PATH,
    serveClient: false,
    maxHttpBufferSize: LIMITS.socketMessageBytes,
    destroyUpgrade: false,
    allowRequest: (request, callback) => callback(null, originAllowed(request, deps.allowedOrigins)),
  });

  io.use((socket, next) => {
    try {
      const who = identify(repos, socket.handshake.auth, socket.handshake.headers.cookie);
      // Issue 14: a session's sockets are served by the node that runs it. Refused here (before the connection
      // budgets: a session moving between nodes must not use up its clients' reconnects), the client comes back by
      // itself, and the balancer brings it to that node (or here, once this node may run it).
      if (!meetings.claim(who.sessionId, true)) return next(new HandshakeRefused('session_elsewhere'));
      const limit = who.role === 'participant' ? settings.socketsPerParticipant : settings.socketsPerAccount;
      if (!quota.take(personIn(who), socket, limit)) return next(new HandshakeRefused('too_many_connections'));
      // Connecting over and over (each welcome is a replay) is limited too, counted only for those let in.
      if (!limiters.connect(who)) {
        quota.release(personIn(who), socket);
        return next(new HandshakeRefused('rate_limited'));
      }
      socket.data = who;
      next();
    } catch (error) {
      if (error instanceof HandshakeRefused) return next(error);
      logger.error({ err: error }, 'handshake failed');
      next(new HandshakeRefused('internal'));
    }
  });

  // A live session's sockets are all on the node that runs it (issue 14): its broadcasts stay on this node
  // (`local`), so a cluster's Redis carries none of a meeting's traffic.
  const presenceBroadcasts = new Coalescer(settings.presenceEveryMs, (sessionId) => {
    io.local.to(consoleRoom(sessionId)).emit('presence', presence.people(sessionId));
    io.local.to(roomOf(sessionId)).emit('presence', presence.roomPeople(sessionId));
  });

  io.on('connection', (socket: MeetingSocket) => {
    const who = socket.data;
    socket.join(who.role === 'facilitator' ? consoleRoom(who.sessionId) : roomOf(who.sessionId));
    presence.add(who.sessionId, socket.id, {
      id: who.personId,
      name: who.name,
      role: who.role,
      // Issue 9 item 3: shown as "Presenting SENCO" for these cases wherever the room lists people.
      ...(who.presenting?.length ? { presents: who.presenting.map((presented) => presented.reference) } : {}),
    });

    const session = repos.consultSessions.byId(who.sessionId);
    const showsJoin = who.role !== 'participant' && session?.status === 'live' && session.join_code;
    const first = replayFor(meetings, who, who.lastSeq);
    socket.emit('welcome', {
      sessionId: who.sessionId,
      role: who.role,
      name: who.name,
      serverNow: Date.now(),
      events: first.events,
      more: first.more,
      join:
        showsJoin && session.join_code ? { code: session.join_code, url: joinUrl(publicUrl, session.join_code) } : null,
      locality: session?.locality ?? '',
      ...(who.presenting?.length ? { presenting: who.presenting.map((presented) => presented.id) } : {}),
    });
    presenceBroadcasts.request(who.sessionId);

    socket.on('command', (...args: unknown[]) => {
      const ack = typeof args.at(-1) === 'function' ? (args.pop() as (result: unknown) => void) : () => {};
      try {
        const type = (args[0] as { type?: unknown } | null)?.type;
        if (!limiters.command(who, type)) return ack(refuse('rate_limited'));
        ack(handleCommand({ repos, meetings }, who, args[0]));
      } catch (error) {
        if (error instanceof SessionElsewhere) {
          // This node stopped running the session: nothing was written; the client resends once it is back.
          ack(refuse('session_elsewhere'));
          socket.disconnect(true);
          return;
        }
        logger.error({ err: error, sessionId: who.sessionId }, 'command failed');
        ack(refuse('internal'));
      }
    });

    socket.on('catchUp', (...args: unknown[]) => {
      const ack = typeof args.at(-1) === 'function' ? (args.pop() as (result: unknown) => void) : () => {};
      const request = catchUpSchema.safeParse(args[0]);
      if (!request.success) return ack(refuse('invalid_payload'));
      if (!limiters.catchUp(who, socket.id)) return ack(refuse('rate_limited'));
      pages.push(() => {
        if (!socket.connected) return;
        try {
          ack({ ok: true, ...replayFor(meetings, who, request.data.after) });
        } catch (error) {
          logger.error({ err: error }, 'catch-up failed');
          ack(refuse('internal'));
        }
      });
    });

    // Issue 13: the Resource box's suggestions, from the directory of the session's locality (and for all). Phones
    // are not accounts: their participant token, checked at the handshake, is what lets them ask, within a budget.
    socket.on('suggest', (...args: unknown[]) => {
      const ack = typeof args.at(-1) === 'function' ? (args.pop() as (result: unknown) => void) : () => {};
      const request = suggestSchema.safeParse(args[0]);
      if (!request.success) return ack(refuse('invalid_payload'));
      if (!limiters.suggest(who)) return ack(refuse('rate_limited'));
      try {
        // The projector types no cards; an account's console asks only while it may still run the session.
        if (who.role === 'projector' || !mayStillRun(repos, who)) return ack(refuse('forbidden'));
        if (meetings.state(who.sessionId).status !== 'live') return ack(refuse('session_not_live'));
        if (who.role === 'participant' && meetings.state(who.sessionId).removed.includes(who.personId))
          return ack(refuse('participant_removed'));
        const localityId = repos.consultSessions.byId(who.sessionId)?.locality_id;
        if (!localityId) return ack(refuse('session_not_live'));
        ack({ ok: true, suggestions: repos.directory.suggestions(localityId, request.data.q) });
      } catch (error) {
        logger.error({ err: error, sessionId: who.sessionId }, 'suggestions failed');
        ack(refuse('internal'));
      }
    });

    socket.on('disconnect', () => {
      quota.release(personIn(who), socket);
      limiters.socketClosed(socket.id);
      const left = presence.remove(who.sessionId, socket.id);
      if (left === 0 && meetings.state(who.sessionId).status === 'ended') meetings.forget(who.sessionId);
      else presenceBroadcasts.request(who.sessionId);
    });
  });

  /** Tells a phone's sockets why they are going, then closes them (the phone shows the reason, not the board). */
  function sendAway(sessionId: string, participantId: string): void {
    for (const socket of quota.socketsOf(personIn({ sessionId, personId: participantId }))) {
      socket.emit('refused', { code: 'participant_removed', message: ERROR_CODES.participant_removed });
      socket.disconnect(true);
    }
  }

  meetings.onEvent((sessionId: string, event: MeetingEvent) => {
    io.local.to(consoleRoom(sessionId)).emit('event', event);
    io.local.to(roomOf(sessionId)).emit('event', redactEvent(event, meetings.state(sessionId)));
    if (event.type === 'participant.removed') {
      sendAway(sessionId, event.participantId);
      deps.live.endParticipant(event.participantId);
    }
    if (event.type === 'session.ended') {
      // Phones see nothing once the session closes: they have the ended event, now they go.
      for (const socketId of presence.socketsOf(sessionId, 'participant'))
        io.sockets.sockets.get(socketId)?.disconnect(true);
    }
  });

  // Issue 14: sessions this node stopped running: their sockets go, and come back to whichever node runs them.
  meetings.onLost((sessionIds) => {
    const lost = new Set(sessionIds);
    for (const socket of io.sockets.sockets.values()) {
      const sessionId = (socket.data as SocketIdentity | undefined)?.sessionId;
      if (sessionId && lost.has(sessionId)) socket.disconnect(true);
    }
  });
  meetings.onListInUse(function* () {
    for (const socket of io.sockets.sockets.values()) {
      const sessionId = (socket.data as SocketIdentity | undefined)?.sessionId;
      if (sessionId) yield sessionId;
    }
  });

  // A deactivated account's console and projector go at once (their personId is `<role>:<userId>`).
  deps.live.onEndUser((userId) => {
    for (const socket of io.sockets.sockets.values()) {
      if ((socket.data as SocketIdentity | undefined)?.userId === userId) socket.disconnect(true);
    }
  });
  deps.live.onListUsers(function* () {
    for (const socket of io.sockets.sockets.values()) {
      const userId = (socket.data as SocketIdentity | undefined)?.userId;
      if (userId) yield userId;
    }
  });

  return io;
}
