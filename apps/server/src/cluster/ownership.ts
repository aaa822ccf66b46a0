import { logger } from '../logger.js';

/**
 * Which live sessions this node runs. On several nodes (PostgreSQL), each live session is run by one node at a time:
 * the one that holds the session's advisory lock. Only that node appends the session's events and notes and relays
 * them; another node asked for the session tells the client to come back (the balancer's routing brings it to the
 * owner, or here once the owner is gone: PostgreSQL drops a dead node's locks with its connection).
 */
export interface SessionOwnership {
  /** Whether this node runs the session now (no query). */
  holds(sessionId: string): boolean;
  /** Runs the session from now on if nobody else does; whether this node runs it. */
  claim(sessionId: string): boolean;
  /** Stops running the session (nobody here uses it any more). */
  release(sessionId: string): void;
  /** Told of sessions this node no longer runs without having released them (its database connection went). */
  onLost(listener: (sessionIds: string[]) => void): void;
  /** The sessions this node runs. */
  held(): string[];
}

/** One node alone (SQLite): it runs every session. */
export const soleOwner: SessionOwnership = {
  holds: () => true,
  claim: () => true,
  release: () => {},
  onLost: () => {},
  held: () => [],
};

/** The statements advisory locks need, on the one connection that also runs every query of this node. */
export interface LockConnection {
  prepare(sql: string): { get(...params: unknown[]): unknown };
  /** Called when the connection was replaced: the locks it held are gone. */
  onReconnect(listener: () => void): void;
}

/**
 * The advisory lock's two keys: a constant for "a Consultboard session" and the session id's hash. Two sessions whose
 * ids hash alike share a lock, so one node runs both: harmless.
 */
const LOCK_CLASS = 0x43420001;

/**
 * Session ownership by PostgreSQL advisory locks (session-level: held until released or until the connection
 * closes, whatever its transactions do). They are taken on this node's own connection, the one every statement
 * runs on, so a node that dies or loses PostgreSQL loses its sessions at once.
 */
export class AdvisoryLocks implements SessionOwnership {
  private readonly mine = new Set<string>();
  private readonly lostListeners: ((sessionIds: string[]) => void)[] = [];
  private readonly tryLock;
  private readonly unlock;

  constructor(connection: LockConnection) {
    this.tryLock = connection.prepare('SELECT pg_try_advisory_lock(?, hashtext(?)) AS taken');
    this.unlock = connection.prepare('SELECT pg_advisory_unlock(?, hashtext(?)) AS released');
    connection.onReconnect(() => this.lostAll());
  }

  holds(sessionId: string): boolean {
    return this.mine.has(sessionId);
  }

  claim(sessionId: string): boolean {
    if (this.mine.has(sessionId)) return true;
    const row = this.tryLock.get(LOCK_CLASS, sessionId) as { taken: boolean } | undefined;
    if (!row?.taken) return false;
    this.mine.add(sessionId);
    logger.info({ sessionId }, 'this node runs the session');
    return true;
  }

  release(sessionId: string): void {
    if (!this.mine.delete(sessionId)) return;
    try {
      this.unlock.get(LOCK_CLASS, sessionId);
      logger.info({ sessionId }, 'this node no longer runs the session');
    } catch (error) {
      // The connection is gone, and the lock with it.
      logger.warn({ err: error, sessionId }, 'could not release a session: the database connection went');
    }
  }

  onLost(listener: (sessionIds: string[]) => void): void {
    this.lostListeners.push(listener);
  }

  held(): string[] {
    return [...this.mine];
  }

  private lostAll(): void {
    if (this.mine.size === 0) return;
    const lost = [...this.mine];
    this.mine.clear();
    logger.warn({ sessions: lost.length }, 'the database connection went: this node no longer runs its sessions');
    // Told after the statement that found out has finished: the listeners close connections.
    setImmediate(() => {
      for (const listener of this.lostListeners) listener(lost);
    });
  }
}
