import { performance } from 'node:perf_hooks';
import { logger } from '../logger.js';

/** What a room wrote in a batch: the id of its last update, and how many of its waiting updates that covers. */
export interface Written {
  lastId: number;
  count: number;
}

/** A room as the group commit sees it. */
export interface Committable {
  /** Writes the updates it holds that are not yet written (inside the batch's transaction); null if none. */
  writeBatch(): Written | null;
  /** The transaction holding them has committed (they may not be on the disk yet: nothing is relayed). */
  written(batch: Written): void;
  /** They are on the disk: they may be relayed now. */
  committed(batch: Written): void;
  /** They could not be stored: memory is ahead of the disk, so the room must go. */
  failed(error: unknown): void;
}

/**
 * Flushes what SQLite has committed to the disk without blocking the event loop (an fsync of the WAL on libuv's
 * thread pool), or undefined when each commit is already on the disk (`synchronous=FULL`) or durability against
 * a power cut is not asked for.
 */
export type DiskFlush = (done: (error?: Error | null) => void) => void;

type Done = { room: Committable; batch: Written };

const SLOW_COMMIT_MS = 50;

/**
 * Group commit: the updates that arrive together (in one turn of the event loop, until `setImmediate`) are
 * written in one SQLite transaction, so one commit (and one disk flush) serves every keystroke of the turn,
 * however many rooms they came from. Only once they are on the disk are they relayed. With a `DiskFlush`, the
 * flush runs off the event loop, and what arrives while it runs is committed when it ends, in one transaction,
 * whose own flush then serves it all. If the shared transaction fails, each room is tried again alone, so one room the store refuses does
 * not take the others with it.
 */
export class GroupCommit {
  private readonly waiting = new Set<Committable>();
  private scheduled: NodeJS.Immediate | null = null;
  private flushing = false;
  private toFlush: Done[] = [];
  /** Transactions committed, disk flushes, and the rooms they served (for tests and the benchmark). */
  commits = 0;
  diskFlushes = 0;
  roomsCommitted = 0;

  constructor(
    private readonly transaction: (run: () => void) => void,
    private readonly diskFlush?: DiskFlush,
  ) {}

  /** A room holds updates to commit: they go in the next batch. */
  schedule(room: Committable): void {
    this.waiting.add(room);
    // While a disk flush runs, what arrives waits for its end: relayed only after the next flush anyway, it then
    // costs one transaction for the whole flush's time instead of one per event-loop turn.
    if (this.flushing) return;
    this.scheduled ??= setImmediate(() => this.flush());
  }

  /** Commits what waits now (the batch's own turn, or a room that must be written before it goes). */
  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = null;
    if (this.waiting.size === 0) return;
    const batch = [...this.waiting];
    this.waiting.clear();
    const done: Done[] = [];
    const started = performance.now();
    try {
      const written: (Written | null)[] = [];
      this.transaction(() => {
        for (const room of batch) written.push(room.writeBatch());
      });
      this.commits += 1;
      const took = performance.now() - started;
      // A commit that holds the event loop this long is the disk's doing (a checkpoint): worth knowing.
      if (took > SLOW_COMMIT_MS) logger.warn({ ms: Math.round(took), rooms: batch.length }, 'notes commit was slow');
      for (const [i, room] of batch.entries()) {
        const wrote = written[i];
        if (wrote) done.push({ room, batch: wrote });
      }
    } catch (error) {
      if (batch.length === 1) this.fail(batch[0] as Committable, error);
      else {
        logger.warn({ err: error, rooms: batch.length }, 'notes batch could not be stored: each room alone');
        for (const room of batch) {
          let wrote: Written | null = null;
          try {
            this.transaction(() => {
              wrote = room.writeBatch();
            });
            this.commits += 1;
            if (wrote) done.push({ room, batch: wrote });
          } catch (alone) {
            this.fail(room, alone);
          }
        }
      }
    }
    for (const { room, batch: wrote } of done) room.written(wrote);
    if (!this.diskFlush) {
      this.deliver(done);
      return;
    }
    this.toFlush.push(...done);
    this.startDiskFlush();
  }

  /** Whether anything committed still waits for the disk (for tests). */
  get pendingDiskFlush(): boolean {
    return this.flushing || this.toFlush.length > 0;
  }

  /** Resolves once nothing committed waits for the disk (the server is shutting down: close the file after). */
  async settled(): Promise<void> {
    while (this.pendingDiskFlush) await new Promise((resolve) => setTimeout(resolve, 5));
  }

  private startDiskFlush(): void {
    if (this.flushing || this.toFlush.length === 0 || !this.diskFlush) return;
    const batch = this.toFlush;
    this.toFlush = [];
    this.flushing = true;
    this.diskFlush((error) => {
      this.flushing = false;
      this.diskFlushes += 1;
      // What waited during this flush is committed, and its own flush started, before this batch is relayed: the
      // disk works while the frames go out.
      if (this.waiting.size > 0) this.flush();
      else this.startDiskFlush();
      if (error) {
        const rooms = new Set(batch.map((entry) => entry.room));
        for (const room of rooms) this.fail(room, error);
      } else this.deliver(batch);
    });
  }

  private deliver(done: Done[]): void {
    this.roomsCommitted += done.length;
    for (const { room, batch } of done) {
      try {
        room.committed(batch);
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
