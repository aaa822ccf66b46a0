import { describe, expect, it } from 'vitest';
import { memoryStore } from '../meeting/storage';
import { forgetPhoneNotes, loadNotesDocs, loadNotesOpen, rememberNotesDoc, saveNotesOpen } from './phoneNotes';

describe('phone notes bookkeeping', () => {
  it('remembers each notes document once, per session', () => {
    const store = memoryStore();
    rememberNotesDoc(store, 's1', 'case:c1');
    rememberNotesDoc(store, 's1', 'case:c1');
    rememberNotesDoc(store, 's1', 'case:c2');
    expect(loadNotesDocs(store, 's1')).toEqual(['case:c1', 'case:c2']);
    expect(loadNotesDocs(store, 's2')).toEqual([]);
  });

  it('remembers whether the notes were open', () => {
    const store = memoryStore();
    expect(loadNotesOpen(store, 's1')).toBe(false);
    saveNotesOpen(store, 's1', true);
    expect(loadNotesOpen(store, 's1')).toBe(true);
    saveNotesOpen(store, 's1', false);
    expect(store.size).toBe(0);
  });

  it('deletes every copy and forgets the list', () => {
    const store = memoryStore();
    rememberNotesDoc(store, 's1', 'case:c1');
    saveNotesOpen(store, 's1', true);
    const deleted: string[] = [];
    forgetPhoneNotes(store, 's1', (name) => deleted.push(name));
    expect(deleted).toEqual(['case:c1']);
    expect(store.size).toBe(0);
  });
});
