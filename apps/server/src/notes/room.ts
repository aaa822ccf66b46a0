import { NOTES_CLOSE, NOTES_FULL_REASON, notesFragmentName } from '@consultboard/domain';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { applyStored, type StoredNotes } from '../db/notes.js';
import { logger } from '../logger.js';
import { checkUpdate, type DecodedUpdate, type UpdateVerdict } from './checkUpdate.js';
import type { Committable, DiskFlush, GroupCommit, Written } from './groupCommit.js';
import {
  awarenessMessage,
  notesFullMessage,
  syncStep1Message,
  syncStep2Message,
  updateMessage,
} from './notesProtocol.js';

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
  /** Runs appends in one transaction: all of them are stored, or none (the group commit). */
  transaction(run: () => void): void;
  /** Flushes committed transactions to the disk off the event loop, when commits do not (see GroupCommit). */
  diskFlush?: DiskFlush;
  /** Replaces the snapshot and deletes the updates up to `uptoId`, in one transaction. */
  compact(docName: string, state: Uint8Array, uptoId: number): void;
}

export interface RoomLimits {
  documentBytes: number;
  compactAfterUpdates: number;
}

/**
 * 'pending': it builds on edits the room does not hold (nothing is applied); 'refused': the notes' schema does not
 * allow it.
 */
export type UpdateOutcome = 'applied' | 'malformed' | 'pending' | 'refused' | 'tooLarge' | 'unavailable';

/** The origin of the server's own edits (clearing a stage), so they are told apart from a peer's. */
const SERVER = Symbol('server');

/** An update applied to the room's copy that waits for its transaction, and who sent it (null: the server). */
interface Uncommitted {
  update: Uint8Array;
  from: NotesPeer | null;
}

/**
 * One case's live document: the server's copy, the awareness of who is in it, and its connections.
 * An incoming update is checked against the room's state (`checkUpdate`: no pending data, the notes'
 * schema, the cap) and applied to the server's copy; it waits there for the group commit (`GroupCommit`:
 * every room's updates of one event-loop turn in one SQLite transaction) and is relayed only once that
 * has committed. Until then no one can see it: sync answers wait for the commit too, and a failed commit
 * drops the room (memory is ahead of the disk) and relays nothing.
 * A document stored over the cap (before the cap counted what is stored) loads, but is read-only until
 * the EP clears a stage (`clearStage`).
 */
export class Room implements Committable {
  readonly doc = new Y.Doc();
  readonly awareness = new Awareness(this.doc);
  readonly peers = new Set<NotesPeer>();
  /** Settles once the stored document is in memory; rejects if it could not be loaded. */
  loading: Promise<void> = Promise.resolve();
  idleTimer: ReturnType<typeof setTimeout> | null = null;
  status: 'loading' | 'ready' | 'closed' = 'loading';

  private readonly awarenessOf = new Map<NotesPeer, Set<number>>();
  /** Awareness clients changed this turn, relayed together at its end. */
  private readonly awarenessChanged = new Set<number>();
  private awarenessRelay: ReturnType<typeof setImmediate> | null = null;
  private lastId = 0;
  private bytes = 0;
  private sinceCompaction = 0;
  private full = false;
  /** Applied to the copy, not yet relayed, in order: the first `writtenCount` are written and wait for the disk. */
  private uncommitted: Uncommitted[] = [];
  private writtenCount = 0;
  /** What waits for the commit: sync answers, the server's own edits, a compaction. */
  private afterCommit: (() => void)[] = [];
  private onCommitFailed: ((error: unknown) => void)[] = [];
  private compactWanted: { force: boolean; tell: boolean } | null = null;

  constructor(
    readonly docName: string,
    private readonly store: NotesStore,
    private readonly limits: RoomLimits,
    private readonly commits: GroupCommit,
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
    // Stored before updates were checked: edits that wait for others nobody sent. Dropped, and the
    // document compacted without them, so they are neither merged again on every update nor sent out.
    const pending = this.doc.store.pendingStructs !== null || this.doc.store.pendingDs !== null;
    if (pending) {
      logger.warn({ docName: this.docName }, 'notes held pending data on load: dropped');
      this.doc.store.pendingStructs = null;
      this.doc.store.pendingDs = null;
    }
    this.status = 'ready';
    // The peers waiting for the load are told whether it is full in their welcome, not before it.
    this.full = this.bytes > this.limits.documentBytes;
    if (pending || this.sinceCompaction >= this.limits.compactAfterUpdates) this.compact(pending, false);
  }

  get storedBytes(): number {
    return this.bytes;
  }

  /** Over the cap as stored: read-only for everyone until the EP clears a stage. */
  get isFull(): boolean {
    return this.full;
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

  /** What a peer is sent once the room is ready: our sync step 1, who is already here, and whether it is full. */
  welcome(peer: NotesPeer): Uint8Array[] {
    const messages = [syncStep1Message(this.doc)];
    const clients = [...this.awareness.getStates().keys()];
    if (clients.length > 0) messages.push(awarenessMessage(encodeAwarenessUpdate(this.awareness, clients)));
    if (this.full && !peer.readOnly) messages.push(notesFullMessage(NOTES_FULL_REASON));
    return messages;
  }

  /** The answer to a peer's sync step 1. Read only through `whenCommitted`: it holds the whole copy. */
  syncStep2(stateVector: Uint8Array): Uint8Array {
    return syncStep2Message(this.doc, stateVector);
  }

  /** Runs `then` once the room's copy holds nothing that is not stored (at once if it holds nothing such). */
  whenCommitted(then: () => void): void {
    if (this.uncommitted.length === 0) then();
    else this.afterCommit.push(then);
  }

  /**
   * Checks and applies one update from a writable peer; it is stored by the next group commit and relayed
   * after it. Only what the room lacks is stored and relayed; an update refused for any reason leaves the
   * document exactly as it was. 'applied' means accepted: a failed commit later closes the room's connections.
   */
  applyUpdate(update: Uint8Array, from: NotesPeer, decoded?: DecodedUpdate): UpdateOutcome {
    if (this.status !== 'ready') return 'unavailable';
    let verdict: UpdateVerdict;
    try {
      verdict = checkUpdate(this.doc, decoded ?? Y.decodeUpdate(update));
    } catch (error) {
      // The check only reads: whatever it tripped over, nothing has changed.
      logger.debug({ err: error, docName: this.docName }, 'notes update could not be checked');
      return 'malformed';
    }
    if (!verdict.ok) {
      logger.debug({ docName: this.docName, reason: verdict.reason, detail: verdict.detail }, 'notes update refused');
      return verdict.reason === 'malformed' ? 'malformed' : verdict.reason === 'pending' ? 'pending' : 'refused';
    }
    const stored = verdict.update;
    if (!stored) return 'applied';
    if (this.bytes + stored.byteLength > this.limits.documentBytes) return 'tooLarge';
    try {
      Y.applyUpdate(this.doc, stored, from);
    } catch (error) {
      // The check let through something Yjs could not integrate: memory may hold part of it, the disk
      // none. The room goes, and reloads from the disk for whoever comes back.
      logger.error({ err: error, docName: this.docName }, 'notes update failed to integrate');
      this.onBroken(this);
      return 'unavailable';
    }
    if (this.doc.store.pendingStructs !== null || this.doc.store.pendingDs !== null) {
      logger.error({ docName: this.docName }, 'notes update left pending data despite the check');
      this.onBroken(this);
      return 'unavailable';
    }
    this.enqueue(stored, from);
    return 'applied';
  }

  /**
   * The server's own edit of the notes (clearing a stage, or any other server-side change): applied to the
   * copy in one Yjs transaction, then stored and relayed by the group commit like a peer's update. Resolves
   * once it is stored and relayed; rejects (and the room is dropped) if it could not be stored.
   */
  edit(change: (doc: Y.Doc) => void): Promise<void> {
    if (this.status !== 'ready') return Promise.reject(new Error('the room is not ready'));
    const captured: Uint8Array[] = [];
    // Listening only for the server's own edit: with a listener, Yjs encodes every transaction's update, and a
    // peer's update is stored as it came.
    const capture = (update: Uint8Array) => captured.push(update);
    this.doc.on('update', capture);
    try {
      this.doc.transact(() => change(this.doc), SERVER);
    } finally {
      this.doc.off('update', capture);
    }
    if (captured.length === 0) return Promise.resolve();
    for (const update of captured) this.enqueue(update, null);
    return new Promise((resolve, reject) => {
      this.afterCommit.push(resolve);
      this.onCommitFailed.push(reject);
    });
  }

  /** Holds an applied update for the next group commit; the cap counts it from now. */
  private enqueue(update: Uint8Array, from: NotesPeer | null): void {
    this.uncommitted.push({ update, from });
    this.bytes += update.byteLength;
    this.commits.schedule(this);
  }

  /** The group commit: writes the updates not yet written, inside its transaction (changing nothing here). */
  writeBatch(): Written | null {
    if (this.status !== 'ready' || this.uncommitted.length === this.writtenCount) return null;
    const updates = this.uncommitted.slice(this.writtenCount).map((entry) => entry.update);
    return { lastId: this.store.append(this.docName, updates), count: updates.length };
  }

  /** The group commit: their transaction committed; they wait for the disk before anyone sees them. */
  written(batch: Written): void {
    if (this.status === 'ready') this.writtenCount += batch.count;
  }

  /** The group commit: they are on the disk. Each frame is encoded once and sent to everyone but its sender. */
  committed(batch: Written): void {
    if (this.status !== 'ready') return;
    const relayed = this.uncommitted.splice(0, batch.count);
    this.writtenCount -= batch.count;
    this.lastId = batch.lastId;
    this.sinceCompaction += relayed.length;
    for (const { update, from } of relayed) this.broadcast(updateMessage(update), from ?? undefined);
    // Sync answers, the server's edits and compaction wait until the copy holds nothing that is not on the disk.
    if (this.uncommitted.length > 0) return;
    this.onCommitFailed = [];
    const waiting = this.afterCommit;
    this.afterCommit = [];
    for (const then of waiting) then();
    const wanted = this.compactWanted;
    this.compactWanted = null;
    if (wanted) this.compact(wanted.force, wanted.tell);
    else if (this.sinceCompaction >= this.limits.compactAfterUpdates) this.compact();
  }

  /** The group commit: they could not be stored. Memory is ahead of the disk: the room goes, relaying nothing. */
  failed(error: unknown): void {
    logger.error({ err: error, docName: this.docName }, 'notes update could not be stored');
    const rejects = this.onCommitFailed;
    this.uncommitted = [];
    this.writtenCount = 0;
    this.afterCommit = [];
    this.onCommitFailed = [];
    this.onBroken(this);
    for (const reject of rejects) reject(new Error('the notes could not be stored'));
  }

  /**
   * Deletes a stage's notes (the EP's repair of notes that are full): applied, stored and relayed like any
   * update, then compacted so the deleted text is gone from the snapshot. If that brings the notes under
   * the cap, the writable connections are closed with `reopened`, and come back writable.
   */
  async clearStage(stageId: string): Promise<{ bytes: number; full: boolean }> {
    await this.edit((doc) => {
      const fragment = doc.getXmlFragment(notesFragmentName(stageId));
      if (fragment.length === 0) return;
      fragment.delete(0, fragment.length);
      // One empty paragraph, as an editor shows empty notes: else each editor open on them adds its own.
      fragment.insert(0, [new Y.XmlElement('paragraph')]);
    });
    if (this.status !== 'ready') throw new Error('the room closed while its notes were cleared');
    this.compact(true);
    return { bytes: this.bytes, full: this.full };
  }

  /**
   * Issue 10: an edit the server makes into the live room (Replace with… in Check before keeping), through `edit`:
   * applied, stored by the group commit, then relayed to everyone, so every copy converges. Resolves with what
   * `change` returned once the edit is stored; rejects if it could not be.
   */
  async serverEdit<T>(change: (doc: Y.Doc) => T): Promise<T> {
    let result: T | undefined;
    await this.edit((doc) => {
      result = change(doc);
    });
    return result as T;
  }

  /**
   * Applies an awareness update (decoded already) and relays it to everyone at the end of the turn, with the
   * turn's other changes, the sender included: the stock provider counts its own echo as a sign of life. A peer
   * may not speak for a client another peer speaks for.
   */
  applyAwareness(update: Uint8Array, clients: readonly number[], from: NotesPeer): void {
    if (this.status !== 'ready' || !this.peers.has(from)) return;
    for (const [peer, owned] of this.awarenessOf) {
      if (peer !== from && clients.some((client) => owned.has(client))) return;
    }
    applyAwarenessUpdate(this.awareness, update, from);
  }

  /** Folds the update log into one snapshot, if anything was added since the last one (or when told to). */
  compact(force = false, tell = true): void {
    if (this.status !== 'ready') return;
    // Never a snapshot of what is not stored yet: it waits for the commit.
    if (this.uncommitted.length > 0) {
      this.compactWanted = { force: force || !!this.compactWanted?.force, tell };
      return;
    }
    if (this.sinceCompaction === 0 && !force) return;
    try {
      const state = Y.encodeStateAsUpdate(this.doc);
      this.store.compact(this.docName, state, this.lastId);
      this.bytes = state.byteLength;
      this.sinceCompaction = 0;
    } catch (error) {
      // The log still holds every update: nothing is lost, the next compaction tries again.
      logger.warn({ err: error, docName: this.docName }, 'notes compaction failed');
    }
    this.refreshFull(tell);
  }

  /** Whether the room's copy holds updates that wait for the group commit. */
  get hasUncommitted(): boolean {
    return this.uncommitted.length > 0;
  }

  /** Frees the document and the awareness timer; the room takes nothing more (what is not committed is dropped). */
  destroy(): void {
    if (this.status === 'closed') return;
    this.uncommitted = [];
    this.writtenCount = 0;
    this.afterCommit = [];
    const rejects = this.onCommitFailed;
    this.onCommitFailed = [];
    for (const reject of rejects) reject(new Error('the room closed before the notes were stored'));
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    this.status = 'closed';
    if (this.awarenessRelay) clearImmediate(this.awarenessRelay);
    this.awarenessRelay = null;
    this.awarenessChanged.clear();
    this.awareness.off('update', this.relayAwareness);
    this.awareness.destroy();
    this.doc.destroy();
    this.peers.clear();
    this.awarenessOf.clear();
  }

  /**
   * Follows the stored size across the cap: writable peers are told when the notes become full (a snapshot
   * can be larger than the updates it folds), and closed with `reopened` when they no longer are.
   */
  private refreshFull(tell: boolean): void {
    const full = this.bytes > this.limits.documentBytes;
    if (full === this.full) return;
    this.full = full;
    if (!tell) return;
    for (const peer of [...this.peers]) {
      if (peer.readOnly) continue;
      if (full) peer.send(notesFullMessage(NOTES_FULL_REASON));
      else peer.close(NOTES_CLOSE.reopened.code, NOTES_CLOSE.reopened.reason);
    }
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
    for (const list of [changes.added, changes.updated, changes.removed])
      for (const client of list) this.awarenessChanged.add(client);
    if (this.awarenessChanged.size > 0) this.awarenessRelay ??= setImmediate(this.relayAwarenessNow);
  };

  /**
   * Carets move at typing speed in every room: the changes of one event-loop turn go out as one update, encoded
   * once, with each client's latest state (what a receiver would end with anyway).
   */
  private readonly relayAwarenessNow = (): void => {
    this.awarenessRelay = null;
    if (this.status !== 'ready' || this.awarenessChanged.size === 0) return;
    const changed = [...this.awarenessChanged];
    this.awarenessChanged.clear();
    this.broadcast(awarenessMessage(encodeAwarenessUpdate(this.awareness, changed)));
  };
}
