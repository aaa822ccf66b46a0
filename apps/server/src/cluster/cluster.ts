import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient, type RedisClientType } from 'redis';
import type { Server } from 'socket.io';
import { logger } from '../logger.js';

/**
 * How this node stands with the others: `off` (no REDIS_URL: one node), `connected` (broadcasts reach every node),
 * `degraded` (Redis is unreachable: broadcasts reach this node only, until it is back).
 */
export type ClusterState = 'off' | 'connected' | 'degraded';

/** A problem with the configuration found at start: the process ends with this one line. */
export class StartupError extends Error {}

/** How long the first connection to Redis may take before the node refuses to start. */
const CONNECT_TIMEOUT_MS = 5_000;
/** Between two attempts to reach a Redis that went away: soon at first, then every 2 s. */
const reconnectDelay = (retries: number) => Math.min(100 * 2 ** retries, 2_000);

/** The URL as it may be printed: never a password. */
export function redactedUrl(raw: string): string {
  try {
    const url = new URL(raw);
    url.username = '';
    url.password = '';
    return url.toString().replace(/\/$/, '');
  } catch {
    return '(not a URL)';
  }
}

/** Reads REDIS_URL: unset is one node; anything but a redis:// or rediss:// URL is refused. */
export function parseRedisUrl(value: string | undefined): string | null {
  if (value === undefined || value.trim() === '') return null;
  const raw = value.trim();
  if (!URL.canParse(raw) || !['redis:', 'rediss:'].includes(new URL(raw).protocol))
    throw new StartupError(`REDIS_URL must be a redis:// or rediss:// URL, not "${redactedUrl(raw)}"`);
  return raw;
}

/** Messages between nodes: names only this product sends. */
const END_USER = 'consultboard:end-user';
const END_PARTICIPANT = 'consultboard:end-participant';
const HAND_OVER = 'consultboard:hand-over';
const MAX_ID_LENGTH = 200;

export interface Cluster {
  readonly state: ClusterState;
  /** Tells every other node to close an account's live connections (a deactivation). */
  endUser(userId: string): void;
  /** Tells every other node to close a phone's live connections (the EP removed it). */
  endParticipant(participantId: string): void;
  /** Asks the node that runs a session to hand it over: its clients come to this node now (issue 14). */
  askHandOver(sessionId: string): void;
  close(): Promise<void>;
}

/** One node alone: nothing to tell anyone. */
export const singleNode: Cluster = {
  state: 'off',
  endUser() {},
  endParticipant() {},
  askHandOver() {},
  close: async () => {},
};

/** A connection to Redis that knows whether it is up, and says so in the log when that changes. */
export interface RedisLink {
  readonly client: RedisClientType;
  readonly state: Exclude<ClusterState, 'off'>;
  /** Runs after Redis came back from an outage (what other nodes said meanwhile may have been missed). */
  onRecovered(then: () => void): void;
  close(): Promise<void>;
}

/**
 * Connects to REDIS_URL and checks that it answers. A Redis that cannot be reached at start is a StartupError (a
 * node half joined is worse than none); one that goes away later is tried again every 2 s at most, with a warning
 * when it goes and when it is back.
 */
export async function connectRedis(redisUrl: string): Promise<RedisLink> {
  let state: Exclude<ClusterState, 'off'> = 'connected';
  let started = false;
  const recovered: (() => void)[] = [];
  const client: RedisClientType = createClient({
    url: redisUrl,
    socket: {
      connectTimeout: CONNECT_TIMEOUT_MS,
      // Before the node has started, one failed attempt ends the start; afterwards it keeps trying.
      reconnectStrategy: (retries: number, cause: Error) => (started ? reconnectDelay(retries) : cause),
    },
  });
  client.on('error', (error: Error) => {
    if (!started || state === 'degraded') return;
    state = 'degraded';
    logger.warn(
      { err: error, redis: redactedUrl(redisUrl) },
      'Redis is unreachable: broadcasts reach this node only until it is back',
    );
  });
  client.on('ready', () => {
    if (state !== 'degraded') return;
    state = 'connected';
    logger.warn({ redis: redactedUrl(redisUrl) }, 'Redis is back: broadcasts reach every node again');
    for (const then of recovered) then();
  });
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    client.destroy();
    const reason = error instanceof Error ? error.message || error.name : String(error);
    throw new StartupError(`REDIS_URL: cannot connect to ${redactedUrl(redisUrl)} (${reason})`);
  }
  started = true;
  return {
    client,
    get state() {
      return state;
    },
    onRecovered: (then) => recovered.push(then),
    close: async () => {
      started = false;
      client.destroy();
    },
  };
}

/**
 * Joins this node to the others: socket.io's Redis Streams adapter carries socket.io's broadcasts between nodes
 * (it reads a stream from where it left off, so a Redis restart loses none of them), and `serverSideEmit` this
 * product's node-to-node messages (ends of connections). If Redis goes away, the node carries on alone.
 */
export function joinCluster(
  io: Server,
  redis: RedisLink,
  handlers: {
    endUser: (userId: string) => void;
    endParticipant: (participantId: string) => void;
    handOver: (sessionId: string) => void;
  },
  streamName = 'consultboard',
): Cluster {
  // Short blocking reads: a node shutting down waits at most this long for its reader to let go.
  io.adapter(createAdapter(redis.client, { streamName, channelPrefix: streamName, blockTimeInMs: 1_000 }));
  // Another node's message: only well-formed ids are acted on (Redis is ours, but nothing is taken on trust).
  const id = (value: unknown) =>
    typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_LENGTH ? value : null;
  const events = io as unknown as { on(event: string, listener: (value: unknown) => void): void };
  events.on(END_USER, (userId) => {
    const valid = id(userId);
    if (valid) handlers.endUser(valid);
  });
  events.on(END_PARTICIPANT, (participantId) => {
    const valid = id(participantId);
    if (valid) handlers.endParticipant(valid);
  });
  events.on(HAND_OVER, (sessionId) => {
    const valid = id(sessionId);
    if (valid) handlers.handOver(valid);
  });
  const tell = (event: string, value: string) => {
    if (redis.state === 'degraded') return;
    try {
      (io as unknown as { serverSideEmit(event: string, value: string): void }).serverSideEmit(event, value);
    } catch (error) {
      logger.warn({ err: error, event }, 'could not tell the other nodes');
    }
  };
  logger.info({ streamName }, 'joined the cluster');
  return {
    get state() {
      return redis.state;
    },
    endUser: (userId) => tell(END_USER, userId),
    endParticipant: (participantId) => tell(END_PARTICIPANT, participantId),
    askHandOver: (sessionId) => tell(HAND_OVER, sessionId),
    close: () => redis.close(),
  };
}
