/** The shared notes: one Yjs document per case, a named XML fragment per stage, synced on /yjs/<docName>. */
/** Where the y-websocket endpoint lives; the stock provider connects to `${origin}${NOTES_PATH}` with a room name. */
export const NOTES_PATH = '/yjs';

/** The limits of the notes endpoint. */
export const NOTES_LIMITS = {
  /** One WebSocket message. */
  messageBytes: 1024 * 1024,
  /** A whole case's notes, as stored (the snapshot and the updates logged after it). */
  documentBytes: 4 * 1024 * 1024,
  /** Awareness (carets and names) relayed for one token (all its connections together), at most this many a second. */
  awarenessPerSecond: 10,
  /** Rooms with nobody connected are dropped from memory after this long. */
  idleRoomMs: 10_000,
  /** The update log is compacted into a snapshot after this many updates. */
  compactAfterUpdates: 500,
  /**
   * Notes connections one token may hold at once: one per case on the agenda, and this many more, so a phone
   * that reconnects before the server has noticed its old connection drop is not turned away.
   */
  connectionsSlack: 2,
  /**
   * Sync requests (sync step 1) answered per connection: a stock provider sends one when it connects (and one
   * every `resyncInterval`, if set). A burst, then one per `syncRequestMs`; more wait (only the latest).
   */
  syncRequestBurst: 3,
  syncRequestMs: 5_000,
  /** The same for all of one token's connections together: room for every case to reconnect at once. */
  syncRequestBurstPerToken: 12,
  syncRequestMsPerToken: 1_000,
} as const;

/** WebSocket close codes the notes endpoint uses, so a client can tell people what happened. */
export const NOTES_CLOSE = {
  malformed: { code: 4400, reason: 'malformed message' },
  forbidden: { code: 4403, reason: 'not allowed' },
  tooLarge: { code: 4413, reason: 'document too large' },
  sessionEnded: { code: 4410, reason: 'session ended' },
  /** An update that would leave the notes waiting for edits nobody sent, or that the notes' schema does not allow. */
  refused: { code: 4422, reason: 'update refused' },
  /** The token already holds as many notes connections as it may. */
  tooManyConnections: { code: 4429, reason: 'too many connections' },
  unavailable: { code: 4503, reason: 'notes could not be loaded' },
  /** The notes were full and are writable again (the EP cleared a stage): connect again to carry on. */
  reopened: { code: 4509, reason: 'notes reopened' },
} as const;

/**
 * Sent (as a y-protocols auth "permission denied" message, which a stock provider only logs) to a writable
 * connection whose notes are over the document cap: they are read-only until the EP clears a stage.
 */
export const NOTES_FULL_REASON = 'notes full';

const DOC_NAME = /^case:([A-Za-z0-9-]{1,64})$/;
const STAGE_ID = /^[a-z0-9-]{1,64}$/;

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

/** Whether a name can be a stage's fragment (the only top-level types a notes document holds). */
export function isNotesFragmentName(name: string): boolean {
  return name.startsWith('stage:') && isNotesStageId(name.slice('stage:'.length));
}

/** Whether a string has the shape of a stage id. */
export function isNotesStageId(stageId: string): boolean {
  return STAGE_ID.test(stageId);
}

/**
 * The notes schema, as the web's Tiptap extensions define it (`apps/web/src/notes/notesExtensions.ts`) and as
 * y-prosemirror stores it: each block is an XML element named after its node, with the node's attributes; text
 * is an XML text whose formatting attributes are the marks. The server refuses any update with anything else.
 */
export const NOTES_SCHEMA = {
  /** Elements and the attributes each may carry (ordered lists keep their start number and list type). */
  nodes: {
    paragraph: [],
    bulletList: [],
    orderedList: ['start', 'type'],
    listItem: [],
  } as Readonly<Record<string, readonly string[]>>,
  /** Marks and their attributes (a link's `href` must pass `isAllowedNoteLink`). */
  marks: {
    bold: [],
    italic: [],
    link: ['href', 'target', 'rel', 'class', 'title'],
  } as Readonly<Record<string, readonly string[]>>,
} as const;

/** The only kinds of link the notes keep: web pages and e-mail addresses. */
export const NOTE_LINK_PROTOCOLS = ['http', 'https', 'mailto'] as const;

const ALLOWED_LINK_PROTOCOLS = new Set(NOTE_LINK_PROTOCOLS.map((protocol) => `${protocol}:`));

/** Whether an address may be a link in the notes (checked on typing, pasting, on every render and by the server). */
export function isAllowedNoteLink(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (!ALLOWED_LINK_PROTOCOLS.has(parsed.protocol)) return false;
  return parsed.protocol === 'mailto:' ? parsed.pathname.includes('@') : parsed.hostname !== '';
}
