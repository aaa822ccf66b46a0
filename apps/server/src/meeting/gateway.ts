import type { Server as HttpServer } from 'node:http';
import {
  type ClientToServer,
  LIMITS,
  type MeetingEvent,
  refuse,
  type ServerToClient,
  SOCKET_PATH,
} from '@consultboard/domain';
import { Server, type Socket } from 'socket.io';
import { z } from 'zod';
import { originAllowed } from '../auth/origin.js';
import { RateLimiter } from '../auth/rateLimiter.js';
import type { Repos } from '../db/repos.js';
import type { LiveConnections } from '../live/liveConnections.js';
import { logger } from '../logger.js';
import { handleCommand } from './commandHandler.js';
import { HandshakeRefused, identify, type SocketIdentity } from './handshake.js';
import type { MeetingStore } from './meetingStore.js';
import { Presence } from './presence.js';
import { joinUrl } from './sessionViews.js';

type MeetingSocket = Socket<ClientToServer, ServerToClient, Record<string, never>, SocketIdentity>;

const roomOf = (sessionId: string) => `session:${sessionId}`;
const catchUpSchema = z.object({ after: z.number().int().min(0) }).strict();

/**
 * The meeting gateway: socket.io on the HTTP server. Authenticates each socket at the handshake,
 * replays what it missed, runs its commands, and broadcasts every committed event to the session's room.
 */
export function attachGateway(
  httpServer: HttpServer,
  deps: {
    repos: Repos;
    meetings: MeetingStore;
    live: LiveConnections;
    publicUrl: string;
    allowedOrigins: ReadonlySet<string>;
  },
) {
  const { repos, meetings, publicUrl } = deps;
  const presence = new Presence();
  const io = new Server<ClientToServer, ServerToClient, Record<string, never>, SocketIdentity>(httpServer, {
    path: SOCKET_PATH,
    serveClient: false,
    maxHttpBufferSize: LIMITS.socketMessageBytes,
    destroyUpgrade: false,
    allowRequest: (request, callback) => callback(null, originAllowed(request, deps.allowedOrigins)),
  });

  io.use((socket, next) => {
    try {
      socket.data = identify(repos, socket.handshake.auth, socket.handshake.headers.cookie);
      next();
    } catch (error) {
      if (error instanceof HandshakeRefused) return next(error);
      logger.error({ err: error }, 'handshake failed');
      next(new HandshakeRefused('internal'));
    }
  });

  const broadcastPresence = (sessionId: string) =>
    io.to(roomOf(sessionId)).emit('presence', presence.people(sessionId));

  io.on('connection', (socket: MeetingSocket) => {
    const who = socket.data;
    const limiter = new RateLimiter(40, 10_000, 1);
    socket.join(roomOf(who.sessionId));
    presence.add(who.sessionId, socket.id, { id: who.personId, name: who.name, role: who.role });

    const session = repos.consultSessions.byId(who.sessionId);
    const showsJoin = who.role !== 'participant' && session?.status === 'live' && session.join_code;
    socket.emit('welcome', {
      sessionId: who.sessionId,
      role: who.role,
      name: who.name,
      serverNow: Date.now(),
      events: meetings.eventsAfter(who.sessionId, who.lastSeq),
      join:
        showsJoin && session.join_code ? { code: session.join_code, url: joinUrl(publicUrl, session.join_code) } : null,
      locality: session?.locality ?? '',
    });
    broadcastPresence(who.sessionId);

    socket.on('command', (...args: unknown[]) => {
      const ack = typeof args.at(-1) === 'function' ? (args.pop() as (result: unknown) => void) : () => {};
      try {
        if (!limiter.hit(socket.id)) return ack(refuse('rate_limited'));
        ack(handleCommand({ repos, meetings }, who, args[0]));
      } catch (error) {
        logger.error({ err: error, sessionId: who.sessionId }, 'command failed');
        ack(refuse('internal'));
      }
    });

    socket.on('catchUp', (...args: unknown[]) => {
      const ack = typeof args.at(-1) === 'function' ? (args.pop() as (result: unknown) => void) : () => {};
      const request = catchUpSchema.safeParse(args[0]);
      if (!request.success) return ack(refuse('invalid_payload'));
      try {
        ack({ ok: true, events: meetings.eventsAfter(who.sessionId, request.data.after) });
      } catch (error) {
        logger.error({ err: error }, 'catch-up failed');
        ack(refuse('internal'));
      }
    });

    socket.on('disconnect', () => {
      const left = presence.remove(who.sessionId, socket.id);
      if (left === 0 && meetings.state(who.sessionId).status === 'ended') meetings.forget(who.sessionId);
      else broadcastPresence(who.sessionId);
    });
  });

  meetings.onEvent((sessionId: string, event: MeetingEvent) => {
    io.to(roomOf(sessionId)).emit('event', event);
    if (event.type === 'session.ended') {
      // Phones see nothing once the session closes: they have the ended event, now they go.
      for (const socketId of presence.socketsOf(sessionId, 'participant'))
        io.sockets.sockets.get(socketId)?.disconnect(true);
    }
  });

  // A deactivated account's console and projector go at once (their personId is `<role>:<userId>`).
  deps.live.onEndUser((userId) => {
    for (const socket of io.sockets.sockets.values()) {
      if ((socket.data as SocketIdentity | undefined)?.userId === userId) socket.disconnect(true);
    }
  });

  return io;
}
