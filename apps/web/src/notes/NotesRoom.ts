import { NOTES_CLOSE, NOTES_FULL_REASON, NOTES_PATH, notesDocName } from '@consultboard/domain';
import { IndexeddbPersistence } from 'y-indexeddb';
import { readAuthMessage } from 'y-protocols/auth';
import { messageAuth, WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { apiGet, apiPost } from '../api';
import { deriveNotesStatus, type NotesConnectionFacts, type NotesStatus } from './notesStatus';

/** Who opens the notes: a phone with its participant token, or the EP's console or projector by their sign-in. */
export type NotesAccess =
  | { role: 'participant'; sessionId: string; token: string }
  | { role: 'facilitator' | 'projector'; sessionId: string };

export interface NotesRoomOptions {
  caseId: string;
  access: NotesAccess;
  /** Keep a copy in IndexedDB (phones), so typing survives a dropped connection and a reload. */
  persistOffline: boolean;
}

/** Refused upgrades in a row (while the server answers HTTP) before the room stops trying. */
const MAX_REFUSED_ATTEMPTS = 4;
/** A phone whose IndexedDB never answers (some private modes) still shows the notes after this long. */
const LOCAL_LOAD_TIMEOUT_MS = 3000;

/** The room's key in the registry: one provider per document per role on a page. */
export function notesRoomKey({ access, caseId }: NotesRoomOptions): string {
  const who = access.role === 'participant' ? `participant:${access.token}` : access.role;
  return `${who}:${access.sessionId}:${notesDocName(caseId)}`;
}

function notesServerUrl(): string {
  return `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}${NOTES_PATH}`;
}

/**
 * One case's notes on this page: the Yjs document every stage editor binds to, its y-websocket provider, and
 * (on phones) its IndexedDB copy. Created and destroyed through the room registry, never directly by components.
 */
export class NotesRoom {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  readonly docName: string;
  private readonly persistence: IndexeddbPersistence | null;
  private readonly access: NotesAccess;
  private readonly listeners = new Set<() => void>();
  private facts: NotesConnectionFacts;
  private status: NotesStatus;
  private refusedAttempts = 0;
  private openedThisAttempt = false;
  private tokenRefreshed = false;
  private checking = false;
  private destroyed = false;
  /** The server said the notes are full on the connection being made (it says so in its welcome). */
  private fullThisConnection = false;

  constructor(options: NotesRoomOptions) {
    this.access = options.access;
    this.docName = notesDocName(options.caseId);
    this.provider = new WebsocketProvider(notesServerUrl(), this.docName, this.doc, {
      connect: false,
      // Every tab syncs through the server: a read-only projector tab must not relay for a console tab.
      disableBc: true,
      // `session` routes every connection of a meeting to one node behind a load balancer (issue 14); it grants
      // nothing: the token alone decides.
      params: {
        session: options.access.sessionId,
        ...(options.access.role === 'participant' ? { token: options.access.token } : {}),
      },
    });
    this.persistence = options.persistOffline ? new IndexeddbPersistence(this.docName, this.doc) : null;
    this.facts = {
      loaded: this.persistence === null,
      ended: false,
      closedCode: null,
      gaveUp: false,
      online: navigator.onLine,
      full: false,
      synced: false,
      everSynced: false,
    };
    this.status = deriveNotesStatus(this.facts);

    this.provider.on('status', ({ status }) => {
      if (status === 'connecting') {
        this.openedThisAttempt = false;
        this.fullThisConnection = false;
      }
      if (status === 'connected') this.openedThisAttempt = true;
    });
    // A stock provider only logs the server's "permission denied": here it says the notes are full.
    this.provider.messageHandlers[messageAuth] = (_encoder, decoder) =>
      readAuthMessage(decoder, this.doc, (_doc, reason) => {
        if (reason !== NOTES_FULL_REASON) return;
        this.fullThisConnection = true;
        this.update({ full: true });
      });
    this.provider.on('sync', (synced) => {
      if (synced) this.refusedAttempts = 0;
      // The welcome comes before the answer to our sync request: a synced connection without it is not full.
      const full = synced ? this.fullThisConnection : this.facts.full;
      this.update({ synced, everSynced: this.facts.everSynced || synced, full });
    });
    this.provider.on('connection-close', (event) => {
      this.update({ synced: false });
      // A connection that never opened while the device is online: the upgrade was refused or the server is down.
      if (event && !this.openedThisAttempt && navigator.onLine) {
        this.refusedAttempts++;
        if (this.refusedAttempts >= MAX_REFUSED_ATTEMPTS) void this.checkRefusal();
      }
    });
    this.provider.on('closed', ({ code }) => this.update({ closedCode: code }));
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);

    void this.start();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getStatus = (): NotesStatus => this.status;

  /** The meeting ended: the notes stay on screen, read-only. */
  setEnded(ended: boolean): void {
    this.update({ ended });
  }

  /**
   * The EP cleared a stage's notes and they fit again: a connection the server closed because a change would
   * not fit is opened again (connections it left open are sent to reconnect by the server itself).
   */
  reopen(): void {
    if (this.destroyed || this.facts.closedCode !== NOTES_CLOSE.tooLarge.code) return;
    this.update({ closedCode: null, full: false });
    this.provider.connect();
  }

  destroy(): void {
    this.destroyed = true;
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    this.provider.destroy();
    this.provider.awareness.destroy();
    void this.persistence?.destroy();
    this.doc.destroy();
    this.listeners.clear();
  }

  private async start(): Promise<void> {
    if (this.persistence) {
      const loaded = this.persistence.whenSynced.then(() => undefined);
      const timeout = new Promise<void>((resolve) => setTimeout(resolve, LOCAL_LOAD_TIMEOUT_MS));
      await Promise.race([loaded, timeout]);
      if (this.destroyed) return;
      this.update({ loaded: true });
    }
    if (this.access.role !== 'participant' && !(await this.fetchToken())) return;
    if (this.destroyed) return;
    if (navigator.onLine) this.provider.connect();
  }

  /** The console and projector ask the API for a notes token with their sign-in; false when refused. */
  private async fetchToken(): Promise<boolean> {
    const { role, sessionId } = this.access;
    for (;;) {
      try {
        const { token } = await apiPost<{ token: string }>(
          `/api/sessions/${encodeURIComponent(sessionId)}/notes-token`,
          { role },
        );
        this.provider.params = { session: sessionId, token };
        return true;
      } catch (error) {
        if (this.destroyed) return false;
        const status = (error as { status?: number }).status ?? 0;
        if (status >= 400 && status < 500) {
          this.update({ gaveUp: true });
          return false;
        }
        // Offline or the server restarting: try again shortly.
        await new Promise((resolve) => setTimeout(resolve, 3000));
        if (this.destroyed) return false;
      }
    }
  }

  /**
   * Several upgrades in a row failed while the device says it is online. If the server answers HTTP, they were
   * refused (a stale token, or no longer allowed): stop retrying, after one fresh token for the console and board.
   */
  private async checkRefusal(): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    let reachable = false;
    try {
      await apiGet('/api/health');
      reachable = true;
    } catch {
      reachable = false;
    }
    this.checking = false;
    if (this.destroyed || this.facts.synced) return;
    this.refusedAttempts = 0;
    if (!reachable) return;
    if (this.access.role !== 'participant' && !this.tokenRefreshed) {
      this.tokenRefreshed = true;
      this.provider.disconnect();
      if (await this.fetchToken()) this.provider.connect();
      return;
    }
    this.provider.disconnect();
    this.update({ gaveUp: true });
  }

  private readonly onOnline = () => {
    this.update({ online: true });
    // Reconnect at once rather than waiting out the provider's back-off.
    if (this.facts.loaded && !this.facts.gaveUp && this.facts.closedCode === null && this.hasToken()) {
      this.provider.connect();
    }
  };

  private readonly onOffline = () => {
    // Close the socket so what is typed offline is honestly offline, kept locally and merged on return.
    this.provider.disconnect();
    this.update({ online: false, synced: false });
  };

  private hasToken(): boolean {
    return typeof this.provider.params.token === 'string';
  }

  private update(change: Partial<NotesConnectionFacts>): void {
    if (this.destroyed) return;
    this.facts = { ...this.facts, ...change };
    const status = deriveNotesStatus(this.facts);
    if (status === this.status) return;
    this.status = status;
    for (const listener of this.listeners) listener();
  }
}
