import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NOTES_LIMITS } from '@consultboard/domain';
import { parseTrustProxy, type TrustProxy } from './auth/clientAddress.js';
import { parseAllowedOrigins } from './auth/origin.js';
import { parseRedisUrl } from './cluster/cluster.js';
import { parseSynchronous, type Synchronous } from './db/database.js';
import { type NotesFlush, parseNotesFlush } from './db/notesStore.js';
import type { MeetingSettings } from './meeting/meetingSettings.js';
import type { ExportPoolSettings } from './workers/exportPool.js';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /**
   * The address people reach the app at: the join QR code points here, and it sets the allowed Origin.
   * Unset, it is http://localhost:<port> once the port is known.
   */
  publicUrl: string | null;
  /** Further browser origins allowed besides PUBLIC_URL's (ALLOWED_ORIGINS), for deployments with several names. */
  allowedOrigins: string[];
  /** Whether and how far to believe X-Forwarded-For for the client's address (TRUST_PROXY); null ignores it. */
  trustProxy: TrustProxy;
  /** SQLite's `synchronous` (SQLITE_SYNCHRONOUS, FULL unless set): see openDatabase. */
  synchronous: Synchronous;
  /** How the live notes reach the disk before they are relayed (NOTES_FLUSH, async unless set): see openNotesStore. */
  notesFlush: NotesFlush;
  /** The built web app to serve, or null to serve the API alone. */
  webDist: string | null;
  /** Cookies are marked Secure when the public URL is HTTPS. */
  secureCookies: boolean;
  /** Timings of the notes rooms (NOTES_LIMITS unless set; tests shorten them). */
  notes: { idleRoomMs: number; compactAfterUpdates: number };
  /** The meeting gateway's budgets (MEETING_SETTINGS unless set; tests change them). */
  meeting?: Partial<MeetingSettings>;
  /** Issue 14: DATABASE_URL keeps everything in PostgreSQL instead of SQLite in DATA_DIR (null: SQLite). */
  databaseUrl: string | null;
  /** Issue 14: REDIS_URL joins this node to the others (null: one node alone). */
  redisUrl: string | null;
  /** The name of the cluster's Redis stream and channels (CLUSTER_NAME), so two services can share one Redis. */
  clusterName: string;
  /** Issue 14: this node's name (NODE_NAME), sent as X-Consultboard-Node on every HTTP answer; null sends none. */
  nodeName: string | null;
  /** The export workers and their limits (EXPORT_WORKERS, EXPORT_QUEUE, EXPORT_QUEUE_PER_USER, EXPORT_TIMEOUT_MS, EXPORT_HEAP_MB). */
  exports: ExportPoolSettings;
}

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Reads the configuration from the environment (PORT, HOST, DATA_DIR, PUBLIC_URL, ALLOWED_ORIGINS, TRUST_PROXY,
 * WEB_DIST, DATABASE_URL, REDIS_URL, CLUSTER_NAME, NODE_NAME, SQLITE_SYNCHRONOUS, NOTES_FLUSH, NOTES_IDLE_ROOM_MS and NOTES_COMPACT_AFTER_UPDATES for the notes rooms, and EXPORT_* for the export
 * workers).
 */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const port = overrides.port ?? Number.parseInt(env.PORT ?? '3000', 10);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  const host = overrides.host ?? env.HOST ?? '0.0.0.0';
  const dataDir = path.resolve(overrides.dataDir ?? env.DATA_DIR ?? path.join(process.cwd(), 'data'));
  const publicUrl = (overrides.publicUrl ?? env.PUBLIC_URL ?? '').replace(/\/+$/, '') || null;
  if (publicUrl !== null && !URL.canParse(publicUrl)) {
    throw new Error(`PUBLIC_URL must be an absolute URL, not "${publicUrl}"`);
  }
  const allowedOrigins = overrides.allowedOrigins ?? parseAllowedOrigins(env.ALLOWED_ORIGINS);
  const trustProxy = overrides.trustProxy !== undefined ? overrides.trustProxy : parseTrustProxy(env.TRUST_PROXY);
  const defaultDist = path.resolve(here, '../../web/dist');
  const webDist = overrides.webDist !== undefined ? overrides.webDist : (env.WEB_DIST ?? defaultDist);
  const notes = {
    idleRoomMs: positiveInteger(env, 'NOTES_IDLE_ROOM_MS', NOTES_LIMITS.idleRoomMs),
    compactAfterUpdates: positiveInteger(env, 'NOTES_COMPACT_AFTER_UPDATES', NOTES_LIMITS.compactAfterUpdates),
  };
  const exports = {
    // One per core, at most two: exports must not crowd out the live meetings on a small machine.
    workers: positiveInteger(env, 'EXPORT_WORKERS', Math.min(2, os.availableParallelism())),
    maxQueued: positiveInteger(env, 'EXPORT_QUEUE', 8),
    maxQueuedPerUser: positiveInteger(env, 'EXPORT_QUEUE_PER_USER', 2),
    timeoutMs: positiveInteger(env, 'EXPORT_TIMEOUT_MS', 60_000),
    heapMb: positiveInteger(env, 'EXPORT_HEAP_MB', 1024),
  };
  return {
    port,
    host,
    dataDir,
    publicUrl,
    allowedOrigins,
    trustProxy,
    webDist,
    synchronous: parseSynchronous(env.SQLITE_SYNCHRONOUS),
    notesFlush: parseNotesFlush(env.NOTES_FLUSH),
    secureCookies: publicUrl?.startsWith('https:') ?? false,
    notes,
    exports,
    databaseUrl: env.DATABASE_URL?.trim() || null,
    redisUrl: parseRedisUrl(env.REDIS_URL),
    clusterName: clusterName(env.CLUSTER_NAME),
    nodeName: nodeName(env.NODE_NAME),
    ...overrides,
  };
}

function clusterName(value: string | undefined): string {
  if (value === undefined || value === '') return 'consultboard';
  if (!/^[a-z0-9][a-z0-9_-]{0,62}$/.test(value))
    throw new Error(`CLUSTER_NAME must be 1 to 63 lowercase letters, digits, "-" or "_", not "${value}"`);
  return value;
}

/** NODE_NAME: optional; a name an operator reads in a header and a log, so plain DNS-label characters only. */
function nodeName(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  if (!/^[a-z0-9-]{1,63}$/.test(value))
    throw new Error(`NODE_NAME must be 1 to 63 lowercase letters, digits or "-", not "${value}"`);
  return value;
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number.parseInt(raw, 10);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number, not "${raw}"`);
  return value;
}
