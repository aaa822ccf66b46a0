import { normaliseJoinCode } from '@consultboard/domain';
import { forgetPhoneNotes } from '../notes/phoneNotes';
import { draftsKey } from './drafts';
import { meetingSnapshotKey } from './meetingSnapshot';
import { outboxKey } from './outbox';
import { type KeyValueStore, readJson, writeJson } from './storage';

/** What a phone keeps after joining: enough to rejoin after a reload, valid only while the session is live. */
export interface StoredJoin {
  token: string;
  sessionId: string;
  name: string;
  code: string;
}

const JOIN_KEY = 'consultboard.join';

export function myCardsKey(sessionId: string): string {
  return `consultboard.mine.${sessionId}`;
}

export function loadJoin(store: KeyValueStore): StoredJoin | null {
  const stored = readJson(store, JOIN_KEY);
  if (typeof stored !== 'object' || stored === null) return null;
  const join = stored as Record<string, unknown>;
  if (
    typeof join.token !== 'string' ||
    typeof join.sessionId !== 'string' ||
    typeof join.name !== 'string' ||
    typeof join.code !== 'string'
  ) {
    return null;
  }
  return { token: join.token, sessionId: join.sessionId, name: join.name, code: join.code };
}

export function saveJoin(store: KeyValueStore, join: StoredJoin): void {
  writeJson(store, JOIN_KEY, join);
}

/** Forgets the join token alone (it stopped working), keeping drafts and the outbox for a rejoin. */
export function forgetJoin(store: KeyValueStore): void {
  store.removeItem(JOIN_KEY);
}

/** The stored join to resume on this page: any, on /join; only the same session's, on /join/:code. */
export function joinToResume(stored: StoredJoin | null, codeInUrl: string | undefined): StoredJoin | null {
  if (!stored) return null;
  if (codeInUrl === undefined) return stored;
  return normaliseJoinCode(codeInUrl) === stored.code ? stored : null;
}

/** Card ids this phone added, so it can list "Your cards" even after a reload. */
export function loadMyCards(store: KeyValueStore, sessionId: string): string[] {
  const stored = readJson(store, myCardsKey(sessionId));
  return Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : [];
}

export function addMyCard(store: KeyValueStore, sessionId: string, cardId: string): string[] {
  const mine = loadMyCards(store, sessionId);
  if (mine.includes(cardId)) return mine;
  const next = [...mine, cardId];
  writeJson(store, myCardsKey(sessionId), next);
  return next;
}

/**
 * Forgets everything a phone holds about a session, its notes' IndexedDB copies included: once it ends, the
 * phone sees nothing of it.
 */
export function forgetSession(store: KeyValueStore, sessionId: string, deleteDatabase?: (name: string) => void): void {
  const join = loadJoin(store);
  if (join?.sessionId === sessionId) store.removeItem(JOIN_KEY);
  store.removeItem(outboxKey(sessionId));
  store.removeItem(draftsKey(sessionId));
  store.removeItem(myCardsKey(sessionId));
  store.removeItem(meetingSnapshotKey(sessionId));
  forgetPhoneNotes(store, sessionId, deleteDatabase);
}
