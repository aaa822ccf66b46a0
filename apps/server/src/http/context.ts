import type { AccessActor } from '@consultboard/domain';
import type { HttpBindings } from '@hono/node-server';
import type * as Y from 'yjs';
import type { TrustProxy } from '../auth/clientAddress.js';
import type { Limiters } from '../auth/limiters.js';
import type { Cluster } from '../cluster/cluster.js';
import type { Repos } from '../db/repos.js';
import type { UserRow } from '../db/users.js';
import type { LiveConnections } from '../live/liveConnections.js';
import type { MeetingStore } from '../meeting/meetingStore.js';
import type { ExportPool } from '../workers/exportPool.js';

/** What the HTTP routes are built from. */
export interface HttpDeps {
  repos: Repos;
  meetings: MeetingStore;
  /** Closes an account's sockets when it is deactivated. */
  live: LiveConnections;
  publicUrl: string;
  /** Browser origins allowed to change things (PUBLIC_URL's and ALLOWED_ORIGINS). */
  allowedOrigins: ReadonlySet<string>;
  trustProxy: TrustProxy;
  secureCookies: boolean;
  webDist: string | null;
  limiters: Limiters;
  /** The notes endpoint, once it runs (set after the server listens): the EP's repair of full notes. */
  notes?: {
    clearStage(docName: string, stageId: string): Promise<{ bytes: number; full: boolean }>;
    /** Issue 10: Check before keeping reads the live notes and makes its replacements in them. */
    readNotes<T>(docName: string, look: (doc: Y.Doc) => T): Promise<T>;
    editNotes<T>(docName: string, change: (doc: Y.Doc) => T): Promise<T>;
  };
  /** The worker threads that build Word and PDF files. */
  exports: ExportPool;
  /** Issue 14: how this node stands with the others (set once the cluster is joined; a node alone is `off`). */
  cluster?: Pick<Cluster, 'state'>;
  /** Issue 14: this node's name (NODE_NAME), sent as X-Consultboard-Node; null or absent sends none. */
  nodeName?: string | null;
}

export type AppEnv = { Bindings: HttpBindings; Variables: { user: UserRow | null; actor: AccessActor | null } };
