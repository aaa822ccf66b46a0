import { NOTES_CLOSE } from '@consultboard/domain';
import { describe, expect, it } from 'vitest';
import { deriveNotesStatus, type NotesConnectionFacts, notesEditable, notesStatusText } from './notesStatus';

const facts = (change: Partial<NotesConnectionFacts> = {}): NotesConnectionFacts => ({
  loaded: true,
  ended: false,
  closedCode: null,
  gaveUp: false,
  online: true,
  synced: false,
  everSynced: false,
  ...change,
});

describe('notesStatusText', () => {
  it('says where offline typing is kept, in plain words', () => {
    expect(notesStatusText('offline', 'phone')).toBe('Offline: saved on this phone');
    expect(notesStatusText('offline', 'console')).toBe('Offline: saved in this browser');
    expect(notesStatusText('connected', 'phone')).toBe('Connected');
    expect(notesStatusText('reconnecting', 'console')).toBe('Reconnecting…');
    expect(notesStatusText('readOnly', 'board')).toBe('Notes are read-only now');
  });
});

describe('deriveNotesStatus', () => {
  it('follows the connection', () => {
    expect(deriveNotesStatus(facts({ loaded: false }))).toBe('loading');
    expect(deriveNotesStatus(facts())).toBe('connecting');
    expect(deriveNotesStatus(facts({ synced: true, everSynced: true }))).toBe('connected');
    expect(deriveNotesStatus(facts({ everSynced: true }))).toBe('reconnecting');
    expect(deriveNotesStatus(facts({ online: false, everSynced: true }))).toBe('offline');
  });

  it('puts an ended session first, then what the server said', () => {
    expect(deriveNotesStatus(facts({ ended: true, online: false }))).toBe('readOnly');
    expect(deriveNotesStatus(facts({ closedCode: NOTES_CLOSE.sessionEnded.code }))).toBe('readOnly');
    expect(deriveNotesStatus(facts({ closedCode: NOTES_CLOSE.tooLarge.code }))).toBe('tooLarge');
    expect(deriveNotesStatus(facts({ closedCode: NOTES_CLOSE.forbidden.code }))).toBe('refused');
    expect(deriveNotesStatus(facts({ gaveUp: true, synced: true }))).toBe('refused');
  });
});

describe('notesEditable', () => {
  it('lets phones and the console type while the notes are live or offline, never the board', () => {
    expect(notesEditable('offline', 'phone')).toBe(true);
    expect(notesEditable('connecting', 'console')).toBe(true);
    expect(notesEditable('connected', 'board')).toBe(false);
    expect(notesEditable('readOnly', 'console')).toBe(false);
    expect(notesEditable('refused', 'phone')).toBe(false);
    expect(notesEditable('loading', 'phone')).toBe(false);
  });
});
