import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { applyStored, type StoredNotes } from '../db/notes.js';
import { logger } from '../logger.js';
import { awarenessMessage, syncStep1Message, syncStep2Message, updateMessage } from './notesProtocol.js';

/** One connection as a room sees it. */
export interface NotesPeer {
  /** A read-only peer's document updates are dropped. */
  readonly readOnly: boolean;
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
}

/** Where rooms keep their documents (the SQLite notes repository, or a stand-in in unit tests). */
export interface NotesStore {
  load(docName: string): StoredNotes | Promise<StoredNotes>;
  /** Appends updates durably, in order; returns the id of the last. */
  append(docName: string, updates: readonly Uint8Array[]): number;
  /** Replaces the snapshot and deletes the updates up to `uptoId`, in one transaction. */
  compact(docName: string, state: Uint8Array, uptoId: number): void;
}

export interface RoomLimits {
  documentBytes: number;
  compactAfterUpdates: number;
}

export type UpdateOutcome = 'applied' | 'malformed' | 'tooLarge' | 'unavailable';

/**
 * One case's live document: the server's copy, the awareness of who is in it, and its connections.
 * An incoming update is applied to the server's copy, appended to the store and only then relayed,
 * all in one synchronous turn, so no one can see (by relay or by a sync answer) what is not stored.
 */
export class Room {
  readonly doc = new Y.Doc();
  readonly awareness = new Awareness(this.doc);
  readonly peers = new Set<NotesPeer>();
  /** Settles once the stored document is in memory; rejects if it could not be loaded. */
  loading: Promise<void> = Promise.resolve();
  idleTimer: ReturnType<typeof setTimeout> | null = null;
  status: 'loading' | 'ready' | 'closed' = 'loading';

  private readonly awarenessOf = new Map<NotesPeer, Set<number>>();
  private captured: Uint8Array[] | null = null;
  private lastId = 0;
  private bytes = 0;
  private sinceCompaction = 0;

  constructor(
    readonly docName: string,
    private readonly store: NotesStore,
    private readonly limits: RoomLimits,
    /** Called when the store failed under a write: memory is then ahead of disk and the room must go. */
    private readonly onBroken: (room: Room) => void,
  ) {
    // The server is not a person in the room: it has no awareness state of its own.
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.relayAwareness);
  }

  /** Puts the stored document in memory (throws if it cannot be read) and opens the room for updates. */
  hydrate(stored: StoredNotes): void {
    applyStored(this.doc, stored);
    this.lastId = stored.lastId;
    this.bytes = stored.bytes;
    this.sinceCompaction = stored.updates.length;
    // Listening only from here on: loading must never write anything back.
    this.doc.on('update', (update: Uint8Array) => this.captured?.push(update));
    this.status = 'ready';
    if (this.sinceCompaction >= this.limits.compactAfterUpdates) this.compact();
  }

  get storedBytes(): number {
    return this.bytes;
  }

  addPeer(peer: NotesPeer): void {
    this.peers.add(peer);
    this.awarenessOf.set(peer, new Set());
  }

  /** Removes a peer and its carets; returns true when nobody is left. */
  removePeer(peer: NotesPeer): boolean {
    if (!this.peers.delete(peer)) return false;
    const clients = this.awarenessOf.get(peer);
    this.awarenessOf.delete(peer);
    if (this.status === 'ready' && clients && clients.size > 0) {
      removeAwarenessStates(this.awareness, [...clients], null);
    }
    return this.peers.size === 0;
  }

  /** What a peer is sent once the room is ready: our sync step 1 and who is already here. */
  welcome(): Uint8Array[] {
    const messages = [syncStep1Message(this.doc)];
    const clients = [...this.awareness.getStates().keys()];
    if (clients.length > 0) messages.push(awarenessMessage(encodeAwarenessUpdate(this.awareness, clients)));
    return messages;
  }

  /** The answer to a peer's sync step 1. */
  syncStep2(stateVector: Uint8Array): Uint8Array {
    return syncStep2Message(this.doc, stateVector);
  }

  /** Applies, stores, then relays one update from a writable peer (the update has been decoded already). */
  applyUpdate(update: Uint8Array, from: NotesPeer): UpdateOutcome {
    if (this.status !== 'ready') return 'unavailable';
    if (this.bytes + update.byteLength > this.limits.documentBytes) return 'tooLarge';
    const captured: Uint8Array[] = [];
    this.captured = captured;
    let failed = false;
    try {
      Y.applyUpdate(this.doc, update, from);
    } catch {
      // Yjs decoded it but could not integrate it. Whatever it did integrate was captured and is
      // stored and relayed below, so memory, disk and the other peers still agree.
      failed = true;
    } finally {
      this.captured = null;
    }
    if (captured.length > 0) {
      try {
        this.lastId = this.store.append(this.docName, captured);
      } catch (error) {
        logger.error({ err: error, docName: this.docName }, 'notes update could not be stored');
        this.onBroken(this);
        return 'unavailable';
      }
      for (const stored of captured) {
        this.bytes += stored.byteLength;
        this.sinceCompaction += 1;
        this.broadcast(updateMessage(stored), from);
      }
      if (this.sinceCompaction >= this.limits.compactAfterUpdates) this.compact();
    }
    return failed ? 'malformed' : 'applied';
  }

  /**
   * Applies an awareness update (decoded already) and relays it to everyone, the sender included:
   * the stock provider counts its own echo as a sign of life. A peer may not speak for a client
   * another peer speaks for.
   */
  applyAwareness(update: Uint8Array, clients: readonly number[], from: NotesPeer): void {
    if (this.status !== 'ready' || !this.peers.has(from)) return;
    for (const [peer, owned] of this.awarenessOf) {
      if (peer !== from && clients.some((client) => owned.has(client))) return;
    }
    applyAwarenessUpdate(this.awareness, update, from);
  }

  /** Folds the update log into one snapshot, if anything was added since the last one. */
  compact(): void {
    if (this.status !== 'ready' || this.sinceCompaction === 0) return;
    try {
      const state = Y.encodeStateAsUpdate(this.doc);
      this.store.compact(this.docName, state, this.lastId);
      this.bytes = state.byteLength;
      this.sinceCompaction = 0;
    } catch (error) {
      // The log still holds every update: nothing is lost, the next compaction tries again.
      logger.warn({ err: error, docName: this.docName }, 'notes compaction failed');
    }
  }

  /** Frees the document and the awareness timer; the room takes nothing more. */
  destroy(): void {
    if (this.status === 'closed') return;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    this.status = 'closed';
    this.awareness.off('update', this.relayAwareness);
    this.awareness.destroy();
    this.doc.destroy();
    this.peers.clear();
    this.awarenessOf.clear();
  }

  private broadcast(message: Uint8Array, except?: NotesPeer): void {
    for (const peer of this.peers) if (peer !== except) peer.send(message);
  }

  private readonly relayAwareness = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const owned = this.awarenessOf.get(origin as NotesPeer);
    if (owned) {
      // "updated" too: a provider that reconnects keeps its client id, which Yjs then reports as updated.
      for (const client of [...changes.added, ...changes.updated]) owned.add(client);
      for (const client of changes.removed) owned.delete(client);
    }
    const changed = [...changes.added, ...changes.updated, ...changes.removed];
    if (changed.length > 0) this.broadcast(awarenessMessage(encodeAwarenessUpdate(this.awareness, changed)));
  };
}
