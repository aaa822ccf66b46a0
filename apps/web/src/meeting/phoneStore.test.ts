import { describe, expect, it } from 'vitest';
import { loadNotesOpen, notesDocsKey, rememberNotesDoc, saveNotesOpen } from '../notes/phoneNotes';
import { draftsKey } from './drafts';
import { meetingSnapshotKey } from './meetingSnapshot';
import { outboxKey } from './outbox';
import { addMyCard, forgetJoin, forgetSession, joinToResume, loadJoin, loadMyCards, saveJoin } from './phoneStore';
import { memoryStore } from './storage';

const join = { token: 'tok', sessionId: 's1', name: 'Sam', code: 'K7QD3X' };

describe('stored join', () => {
  it('round-trips and rejects damaged values', () => {
    const store = memoryStore();
    expect(loadJoin(store)).toBeNull();
    saveJoin(store, join);
    expect(loadJoin(store)).toEqual(join);
    store.setItem('consultboard.join', JSON.stringify({ token: 1 }));
    expect(loadJoin(store)).toBeNull();
  });

  it('resumes on /join, and on /join/:code only for the same code as typed', () => {
    expect(joinToResume(join, undefined)).toBe(join);
    expect(joinToResume(join, 'k7qd3x')).toBe(join);
    expect(joinToResume(join, 'ACDEFG')).toBeNull();
    expect(joinToResume(null, 'K7QD3X')).toBeNull();
  });
});

describe('my cards', () => {
  it('remembers each card id once per session', () => {
    const store = memoryStore();
    addMyCard(store, 's1', 'a');
    addMyCard(store, 's1', 'b');
    addMyCard(store, 's1', 'a');
    expect(loadMyCards(store, 's1')).toEqual(['a', 'b']);
    expect(loadMyCards(store, 's2')).toEqual([]);
  });
});

describe('forgetSession', () => {
  it('clears the token, outbox, drafts and card list of that session only', () => {
    const store = memoryStore();
    saveJoin(store, join);
    store.setItem(outboxKey('s1'), '[]');
    store.setItem(draftsKey('s1'), '{}');
    addMyCard(store, 's1', 'a');
    store.setItem(outboxKey('s2'), '[]');
    forgetSession(store, 's1');
    expect(store.keys()).toEqual([outboxKey('s2')]);
  });

  it("deletes the phone's copies of that session's notes and its stored meeting state", () => {
    const store = memoryStore();
    rememberNotesDoc(store, 's1', 'case:c1');
    rememberNotesDoc(store, 's1', 'case:c2');
    rememberNotesDoc(store, 's2', 'case:c9');
    saveNotesOpen(store, 's1', true);
    store.setItem(meetingSnapshotKey('s1'), '{}');
    const deleted: string[] = [];
    forgetSession(store, 's1', (name) => deleted.push(name));
    expect(deleted).toEqual(['case:c1', 'case:c2']);
    expect(loadNotesOpen(store, 's1')).toBe(false);
    expect(store.keys()).toEqual([notesDocsKey('s2')]);
  });

  it('keeps a newer join for another session', () => {
    const store = memoryStore();
    saveJoin(store, { ...join, sessionId: 's2' });
    forgetSession(store, 's1');
    expect(loadJoin(store)?.sessionId).toBe('s2');
  });
});

describe('forgetJoin', () => {
  it('drops the token but keeps the drafts for a rejoin', () => {
    const store = memoryStore();
    saveJoin(store, join);
    store.setItem(draftsKey('s1'), '{}');
    forgetJoin(store);
    expect(loadJoin(store)).toBeNull();
    expect(store.getItem(draftsKey('s1'))).toBe('{}');
  });
});
