import { NOTES_CLOSE } from '@consultboard/domain';
import { logger } from '../logger.js';
import { GroupCommit } from './groupCommit.js';
import { type NotesPeer, type NotesStore, Room, type RoomLimits } from './room.js';

export interface RoomsOptions extends RoomLimits {
  store: NotesStore;
  /** How long a room with nobody in it stays in memory. */
  idleRoomMs: number;
}

/** A close code and reason, as NOTES_CLOSE holds them. */
type Close = { code: number; reason: string };

/**
 * The live rooms, by document name. A document is loaded once however many connect at the same
 * moment (they all wait on the room's loading promise); a failed load closes everyone in the room
 * and writes nothing; a room nobody is in is compacted at once and dropped after `idleRoomMs`.
 * Every room's updates go through one group commit (one transaction per event-loop turn).
 */
export class Rooms {
  private readonly rooms = new Map<string, Room>();
  readonly commits: GroupCommit;

  constructor(private readonly options: RoomsOptions) {
    this.commits = new GroupCommit((run) => options.store.transaction(run), options.store.diskFlush);
  }

  /** Puts a peer in a document's room, loading the room if it is not live; resolves once it is ready. */
  enter(docName: string, peer: NotesPeer): Promise<Room> {
    let room = this.rooms.get(docName);
    const fresh = !room;
    if (!room) {
      room = this.create(docName);
      this.rooms.set(docName, room);
    }
    room.addPeer(peer);
    this.cancelIdle(room);
    if (fresh) {
      room.loading = this.load(room);
      room.loading.catch(() => {}); // each caller of enter() handles the failure through its own promise
    }
    const entered = room;
    return entered.loading.then(() => entered);
  }

  /**
   * A document's room for the server's own use (the EP clearing a stage), loaded if nobody is in it; a room
   * loaded this way with nobody in it is compacted and dropped like any other once idle.
   */
  async open(docName: string): Promise<Room> {
    let room = this.rooms.get(docName);
    if (!room) {
      room = this.create(docName);
      this.rooms.set(docName, room);
      room.loading = this.load(room);
    }
    await room.loading;
    if (room.status !== 'ready') throw new Error('the room closed while it was loading');
    return room;
  }

  /** Takes a peer out of its room; the last one out compacts the room and starts its idle timer. */
  leave(docName: string, peer: NotesPeer): void {
    const room = this.rooms.get(docName);
    if (!room?.removePeer(peer)) return;
    if (room.status !== 'ready') return;
    room.compact();
    this.scheduleIdle(room);
  }

  /** The live room of a document, if any (for tests and the benchmark). */
  get(docName: string): Room | undefined {
    return this.rooms.get(docName);
  }

  get size(): number {
    return this.rooms.size;
  }

  /**
   * Drops a room without writing anything more, closing everyone in it with `unavailable` (this node no longer runs
   * its session: another node may be writing the document now). What it held unstored was never relayed, and the
   * clients' own copies send it again where they reconnect.
   */
  drop(docName: string): void {
    const room = this.rooms.get(docName);
    if (room) this.evict(room, NOTES_CLOSE.unavailable);
  }

  /** Closes every connection, compacts and frees every room (the server is shutting down). */
  close(): void {
    // What was accepted is stored (and relayed) before anyone is sent away.
    this.commits.flush();
    for (const room of [...this.rooms.values()]) {
      this.rooms.delete(room.docName);
      for (const peer of [...room.peers]) peer.close(1001, 'server shutting down');
      room.compact();
      room.destroy();
    }
  }

  private create(docName: string): Room {
    return new Room(docName, this.options.store, this.options, this.commits, (broken) =>
      this.evict(broken, NOTES_CLOSE.unavailable),
    );
  }

  private async load(room: Room): Promise<void> {
    try {
      // Always asynchronous, even over a synchronous store: every caller sees the same ordering.
      await Promise.resolve();
      const stored = await this.options.store.load(room.docName);
      if (room.status !== 'loading') throw new Error('the room closed while it was loading');
      room.hydrate(stored);
    } catch (error) {
      logger.error({ err: error, docName: room.docName }, 'notes could not be loaded');
      this.evict(room, NOTES_CLOSE.unavailable);
      throw error;
    }
    if (room.peers.size === 0) this.scheduleIdle(room);
  }

  /** Drops a room without writing anything, closing everyone in it. */
  private evict(room: Room, close: Close): void {
    if (this.rooms.get(room.docName) === room) this.rooms.delete(room.docName);
    for (const peer of [...room.peers]) peer.close(close.code, close.reason);
    room.destroy();
  }

  private scheduleIdle(room: Room): void {
    this.cancelIdle(room);
    room.idleTimer = setTimeout(() => {
      room.idleTimer = null;
      if (room.peers.size > 0 || this.rooms.get(room.docName) !== room) return;
      if (room.hasUncommitted) this.commits.flush();
      if (room.status !== 'ready') return;
      // Written but not yet on the disk: the room stays until it is (and is relayed, to nobody).
      if (room.hasUncommitted) {
        this.scheduleIdle(room);
        return;
      }
      this.rooms.delete(room.docName);
      room.compact();
      room.destroy();
      logger.info({ docName: room.docName, idleMs: this.options.idleRoomMs }, 'notes room freed');
    }, this.options.idleRoomMs);
    room.idleTimer.unref?.();
  }

  private cancelIdle(room: Room): void {
    if (room.idleTimer) clearTimeout(room.idleTimer);
    room.idleTimer = null;
  }
}
