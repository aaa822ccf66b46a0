import { logger } from '../logger.js';

/** A room as the group commit sees it. */
export interface Committable {
  /** Writes the updates it holds for this batch to the store (inside the batch's transaction); returns the last id. */
  writeBatch(): number | null;
  /** The transaction holding its updates has committed: they may be relayed now. */
  committed(lastId: number | null): void;
  /** Its updates could not be stored: memory is ahead of the disk, so the room must go. */
  failed(error: unknown): void;
}

/**
 * Group commit: the updates that arrive together (in one turn of the event loop, until `setImmediate`) are
 * written in one SQLite transaction, so one disk flush serves every keystroke of the turn, however many rooms
 * they came from. Only after the commit are they relayed. If the shared transaction fails, each room is tried
 * again alone, so one room the store refuses does not take the others with it.
 */
export class GroupCommit {
  private readonly waiting = new Set<Committable>();
  private scheduled: NodeJS.Immediate | null = null;
  /** Transactions committed, and the rooms they served (for tests and the benchmark). */
  commits = 0;
  roomsCommitted = 0;

  constructor(private readonly transaction: (run: () => void) => void) {}

  /** A room holds updates to commit: they go in the next batch. */
  schedule(room: Committable): void {
    this.waiting.add(room);
    this.scheduled ??= setImmediate(() => this.flush());
  }

  /** Whether a room waits for the next batch. */
  has(room: Committable): boolean {
    return this.waiting.has(room);
  }

  /** Commits what waits now (the batch's own turn, or a room that must be written before it goes). */
  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = null;
    if (this.waiting.size === 0) return;
    const batch = [...this.waiting];
    this.waiting.clear();
    const done: { room: Committable; lastId: number | null }[] = [];
    try {
      const ids: (number | null)[] = [];
      this.transaction(() => {
        for (const room of batch) ids.push(room.writeBatch());
      });
      this.commits += 1;
      for (const [i, room] of batch.entries()) done.push({ room, lastId: ids[i] ?? null });
    } catch (error) {
      if (batch.length === 1) this.fail(batch[0] as Committable, error);
      else {
        logger.warn({ err: error, rooms: batch.length }, 'notes batch could not be stored: each room alone');
        for (const room of batch) {
          let lastId: number | null = null;
          try {
            this.transaction(() => {
              lastId = room.writeBatch();
            });
            this.commits += 1;
            done.push({ room, lastId });
          } catch (alone) {
            this.fail(room, alone);
          }
        }
      }
    }
    this.roomsCommitted += done.length;
    for (const { room, lastId } of done) {
      try {
        room.committed(lastId);
      } catch (error) {
        logger.error({ err: error }, 'notes could not be relayed after their commit');
      }
    }
  }

  private fail(room: Committable, error: unknown): void {
    try {
      room.failed(error);
    } catch (failure) {
      logger.error({ err: failure }, 'notes room could not be dropped after a failed commit');
    }
  }
}
