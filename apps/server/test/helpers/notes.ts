import { NOTES_PATH, type NotesTokenRequest } from '@consultboard/domain';
import { WebSocket } from 'ws';
import * as authProtocol from 'y-protocols/auth';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { notesRepo } from '../../src/db/notes.js';
import type { Browser } from './http.js';
import { openTestStore } from './store.js';

/** A notes token for the EP's console or the projector, from the HTTP route the web app calls. */
export async function notesToken(ep: Browser, sessionId: string, role: NotesTokenRequest['role']): Promise<string> {
  const result = await ep.post(`/api/sessions/${sessionId}/notes-token`, { role });
  if (result.status !== 200) throw new Error(`notes token refused: ${JSON.stringify(result.json)}`);
  return result.json.token;
}

/** The ws: address of the notes endpoint of a server at an http: address. */
export const notesUrl = (baseUrl: string) => `${baseUrl.replace(/^http/, 'ws')}${NOTES_PATH}`;

/**
 * A stock y-websocket provider in Node, as the web app makes it (with `ws` for WebSocket). The
 * BroadcastChannel is off: clients in one process must meet through the server, not behind its back.
 */
export class NotesClient {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  readonly closes: { code: number; reason: string }[] = [];
  /** The reasons of the "permission denied" messages the server sent (the notes are full). */
  readonly denied: string[] = [];
  synced = false;

  constructor(
    baseUrl: string,
    docName: string,
    token: string | null,
    options: { connect?: boolean; resyncInterval?: number; params?: Record<string, string> } = {},
  ) {
    this.provider = new WebsocketProvider(notesUrl(baseUrl), docName, this.doc, {
      // `params` beside the token: the web app's `session`, for a load balancer (issue 14).
      params: { ...options.params, ...(token === null ? {} : { token }) },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      maxBackoffTime: 300,
      connect: options.connect ?? true,
      ...(options.resyncInterval ? { resyncInterval: options.resyncInterval } : {}),
    });
    // The stock provider only logs a "permission denied"; the web app (and this client) read it.
    this.provider.messageHandlers[2] = (_encoder, decoder) =>
      authProtocol.readAuthMessage(decoder, this.doc, (_doc, reason) => this.denied.push(reason));
    this.provider.on('sync', (state: boolean) => {
      if (state) this.synced = true;
    });
    this.provider.on('connection-close', (event: { code: number; reason: string } | null) => {
      if (event) this.closes.push({ code: event.code, reason: event.reason });
    });
  }

  /** The notes of a stage, as the editor binds them. */
  stage(stageId = 'current-situation'): Y.XmlFragment {
    return this.doc.getXmlFragment(`stage:${stageId}`);
  }

  /** Appends a paragraph of text to a stage's notes, as typing in the editor would. */
  write(text: string, stageId?: string): void {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(text)]);
    this.stage(stageId).push([paragraph]);
  }

  /** The paragraphs of a stage's notes. */
  paragraphs(stageId?: string): string[] {
    return paragraphsOf(this.doc, stageId);
  }

  whenSynced(timeoutMs = 5000): Promise<void> {
    return waitFor(() => this.synced, timeoutMs, 'the provider never synced');
  }

  destroy(): void {
    this.provider.destroy();
    this.doc.destroy();
  }
}

/** The paragraphs of a stage's notes in any document. */
export function paragraphsOf(doc: Y.Doc, stageId = 'current-situation'): string[] {
  return doc
    .getXmlFragment(`stage:${stageId}`)
    .toArray()
    .map((node) => (node instanceof Y.XmlElement ? node.toArray().map(String).join('') : String(node)));
}

/** Connects a stock client and waits until it has synced with the server. */
export async function openNotes(baseUrl: string, docName: string, token: string): Promise<NotesClient> {
  const client = new NotesClient(baseUrl, docName, token);
  await client.whenSynced();
  return client;
}

/**
 * Tries a raw upgrade to a notes path; resolves with the HTTP status the server answered
 * (101 when it let the WebSocket open).
 */
export function upgradeStatus(baseUrl: string, pathAndQuery: string, headers: Record<string, string> = {}) {
  return new Promise<number>((resolve, reject) => {
    const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}${pathAndQuery}`, { headers });
    ws.on('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('open', () => {
      resolve(101);
      ws.close();
    });
    ws.on('error', (error) => reject(error));
  });
}

/** Reads a case's notes straight from the store (SQLite file or PostgreSQL), as a later export would. */
export function notesOnDisk(dataDir: string, caseId: string): Y.Doc {
  const db = openTestStore(dataDir).db;
  try {
    return notesRepo(db).readNotes(caseId);
  } finally {
    db.close();
  }
}

/** Waits until a condition holds (updates arrive asynchronously). */
export async function waitFor(condition: () => boolean, timeoutMs = 5000, message = 'condition not met') {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(message);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
