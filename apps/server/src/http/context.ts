import type { AccessActor } from '@consultboard/domain';
import type { HttpBindings } from '@hono/node-server';
import type { RateLimiter } from '../auth/rateLimiter.js';
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
  secureCookies: boolean;
  webDist: string | null;
  limiters: { signIn: RateLimiter; signInPerAddress: RateLimiter; join: RateLimiter };
  /** The worker threads that build Word and PDF files. */
  exports: ExportPool;
}

export type AppEnv = { Bindings: HttpBindings; Variables: { user: UserRow | null; actor: AccessActor | null } };
