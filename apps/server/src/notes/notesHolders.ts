import type { NOTES_LIMITS } from '@consultboard/domain';
import type { NotesIdentity } from './notesAuth.js';
import type { ConnectionBudgets } from './notesConnection.js';
import { TokenBucket } from './tokenBucket.js';

type Limits = { [K in keyof typeof NOTES_LIMITS]: number };

interface Holder {
  connections: Set<object>;
  awareness: TokenBucket;
  syncRequests: TokenBucket;
  forget: ReturnType<typeof setTimeout> | null;
}

/** A connection's budgets when nothing is shared (unit tests of a single connection). */
export function connectionBudgets(limits: Limits): ConnectionBudgets {
  return {
    awareness: [new TokenBucket(limits.awarenessPerSecond, 1000 / limits.awarenessPerSecond)],
    syncRequests: [new TokenBucket(limits.syncRequestBurst, limits.syncRequestMs)],
  };
}

/**
 * Who holds notes connections: a phone by its participant token, the EP's console or projector by role and
 * account, within one session. Each holder may hold as many connections as the session has cases, and a few
 * more; its awareness and sync-request budgets are shared by all its connections and outlive them for a
 * while, so opening a fresh socket never buys a fresh budget.
 */
export class NotesHolders {
  private readonly holders = new Map<string, Holder>();

  constructor(
    private readonly limits: Limits,
    /** How long a holder's budgets are kept after its last connection closes. */
    private readonly keepMs = 60_000,
  ) {}

  /** Admits one more connection, with its budgets; null when the holder already holds `max`. */
  admit(identity: NotesIdentity, max: number, connection: object): ConnectionBudgets | null {
    const key = keyOf(identity);
    let holder = this.holders.get(key);
    if (!holder) {
      holder = {
        connections: new Set(),
        awareness: new TokenBucket(this.limits.awarenessPerSecond, 1000 / this.limits.awarenessPerSecond),
        syncRequests: new TokenBucket(this.limits.syncRequestBurstPerToken, this.limits.syncRequestMsPerToken),
        forget: null,
      };
      this.holders.set(key, holder);
    }
    if (holder.connections.size >= max) return null;
    if (holder.forget) clearTimeout(holder.forget);
    holder.forget = null;
    holder.connections.add(connection);
    return {
      awareness: [holder.awareness],
      syncRequests: [new TokenBucket(this.limits.syncRequestBurst, this.limits.syncRequestMs), holder.syncRequests],
    };
  }

  /** A connection closed; the holder's budgets are forgotten once it has held none for a while. */
  release(identity: NotesIdentity, connection: object): void {
    const key = keyOf(identity);
    const holder = this.holders.get(key);
    if (!holder?.connections.delete(connection) || holder.connections.size > 0) return;
    holder.forget = setTimeout(() => {
      if (this.holders.get(key) === holder && holder.connections.size === 0) this.holders.delete(key);
    }, this.keepMs);
    holder.forget.unref?.();
  }

  /** How many connections a holder has open (for tests). */
  count(identity: NotesIdentity): number {
    return this.holders.get(keyOf(identity))?.connections.size ?? 0;
  }
}

function keyOf(identity: NotesIdentity): string {
  return `${identity.sessionId} ${identity.personId}`;
}
