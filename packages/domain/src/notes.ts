/** The shared notes: one Yjs document per case, a named XML fragment per stage, synced on /yjs/<docName>. */
/** Where the y-websocket endpoint lives; the stock provider connects to `${origin}${NOTES_PATH}` with a room name. */
export const NOTES_PATH = '/yjs';

/** The limits of the notes endpoint. */
export const NOTES_LIMITS = {
  /** One WebSocket message. */
  messageBytes: 1024 * 1024,
  /** A whole case's notes, as stored (a snapshot of the document). */
  documentBytes: 4 * 1024 * 1024,
  /** Awareness (carets and names) from one connection, at most this many a second. */
  awarenessPerSecond: 10,
  /** Rooms with nobody connected are dropped from memory after this long. */
  idleRoomMs: 10_000,
  /** The update log is compacted into a snapshot after this many updates. */
  compactAfterUpdates: 500,
} as const;

/** WebSocket close codes the notes endpoint uses, so a client can tell people what happened. */
export const NOTES_CLOSE = {
  malformed: { code: 4400, reason: 'malformed message' },
  forbidden: { code: 4403, reason: 'not allowed' },
  tooLarge: { code: 4413, reason: 'document too large' },
  sessionEnded: { code: 4410, reason: 'session ended' },
  unavailable: { code: 4503, reason: 'notes could not be loaded' },
} as const;

const DOC_NAME = /^case:([A-Za-z0-9-]{1,64})$/;

/** The document name of a case's notes. */
export function notesDocName(caseId: string): string {
  return `case:${caseId}`;
}

/** Reads a document name back into its case id, or null when it is not one of ours. */
export function parseNotesDocName(name: string): { caseId: string } | null {
  const match = DOC_NAME.exec(name);
  return match?.[1] ? { caseId: match[1] } : null;
}

/** The XML fragment of a stage's notes within its case's document (Tiptap's Collaboration `field`). */
export function notesFragmentName(stageId: string): string {
  return `stage:${stageId}`;
}
