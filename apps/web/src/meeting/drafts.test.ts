import { describe, expect, it } from 'vitest';
import { draftsElsewhere, draftsKey, draftText, loadDrafts, removeDraft, saveDrafts, setDraft } from './drafts';
import { memoryStore } from './storage';

const question = { caseId: 'c1', stageId: 'clarifying-questions', kind: 'question' as const };
const affirmation = { caseId: 'c1', stageId: 'clarifying-questions', kind: 'affirmation' as const };
const strategy = { caseId: 'c1', stageId: 'strategies-and-resources', kind: 'strategy' as const };

describe('drafts', () => {
  it('keeps one text per case, stage and kind', () => {
    let drafts = setDraft({}, question, 'What', 1);
    drafts = setDraft(drafts, question, 'What works?', 2);
    drafts = setDraft(drafts, affirmation, 'Great', 3);
    expect(draftText(drafts, 'c1', 'clarifying-questions', 'question')).toBe('What works?');
    expect(draftText(drafts, 'c1', 'clarifying-questions', 'affirmation')).toBe('Great');
    expect(draftText(drafts, 'c2', 'clarifying-questions', 'question')).toBe('');
  });

  it('removes a draft when its box is emptied or it is removed', () => {
    const drafts = setDraft({}, question, 'What', 1);
    expect(setDraft(drafts, question, '', 2)).toEqual({});
    expect(removeDraft(drafts, question)).toEqual({});
  });

  it('lists drafts with words written for another stage or case, oldest first', () => {
    let drafts = setDraft({}, strategy, 'Visual timetable', 5);
    drafts = setDraft(drafts, question, 'Who else is involved?', 2);
    drafts = setDraft(drafts, affirmation, '   ', 3);
    drafts = setDraft(drafts, { ...question, caseId: 'c2' }, 'Next case already?', 4);
    const current = { caseId: 'c1', stageId: 'strategies-and-resources' };
    expect(draftsElsewhere(drafts, current).map((draft) => draft.text)).toEqual([
      'Who else is involved?',
      'Next case already?',
    ]);
  });

  it('survives a reload and ignores damaged entries', () => {
    const store = memoryStore();
    const key = draftsKey('s1');
    const drafts = setDraft(setDraft({}, question, 'Why?', 1), strategy, 'Now and next board', 2);
    saveDrafts(store, key, drafts);
    expect(loadDrafts(store, key)).toEqual(drafts);
    store.setItem(key, JSON.stringify({ a: { ...question, kind: 'gossip', text: 'x', updatedAt: 1 }, b: 7 }));
    expect(loadDrafts(store, key)).toEqual({});
    saveDrafts(store, key, {});
    expect(store.getItem(key)).toBeNull();
  });
});
