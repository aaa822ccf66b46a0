import { NOTES_CLOSE } from '@consultboard/domain';
import { describe, expect, it } from 'vitest';
import { deriveNotesStatus, type NotesConnectionFacts, notesEditable, notesFull, notesStatusText } from './notesStatus';

const facts = (change: Partial<NotesConnectionFacts> = {}): NotesConnectionFacts => ({
  loaded: true,
  ended: false,
  closedCode: null,
  gaveUp: false,
  online: true,
  full: false,
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
    expect(deriveNotesStatus(facts({ closedCode: NOTES_CLOSE.malformed.code }))).toBe('rejected');
    expect(deriveNotesStatus(facts({ closedCode: NOTES_CLOSE.refused.code }))).toBe('rejected');
    expect(deriveNotesStatus(facts({ closedCode: NOTES_CLOSE.tooManyConnections.code }))).toBe('tooManyConnections');
  });

  it('says the notes are full while the server says so, above the state of the connection', () => {
    expect(deriveNotesStatus(facts({ full: true, synced: true, everSynced: true }))).toBe('full');
    expect(deriveNotesStatus(facts({ full: true, online: false }))).toBe('full');
    expect(deriveNotesStatus(facts({ full: true, closedCode: NOTES_CLOSE.tooLarge.code }))).toBe('tooLarge');
    expect(deriveNotesStatus(facts({ full: true, ended: true }))).toBe('readOnly');
  });
});

describe('what the notes say when the server refuses', () => {
  it('tells phones the EP can repair full notes, and the EP how', () => {
    expect(notesStatusText('full', 'phone')).toBe(
      'These notes are full. The EP can clear a stage’s notes to carry on.',
    );
    expect(notesStatusText('full', 'console')).toBe('These notes are full. Clear a stage’s notes to carry on.');
    expect(notesStatusText('tooLarge', 'phone')).toContain('the last change was not saved');
    expect(notesStatusText('tooManyConnections', 'phone')).toBe(
      'The notes are open in too many tabs on this device. Close the others, then reload this page.',
    );
    expect(notesStatusText('rejected', 'phone')).toBe(
      'A change here could not be saved. Reload the page to try again.',
    );
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
    for (const status of ['full', 'tooLarge', 'tooManyConnections', 'rejected'] as const) {
      expect(notesEditable(status, 'console')).toBe(false);
      expect(notesFull(status)).toBe(status === 'full' || status === 'tooLarge');
    }
  });
});
