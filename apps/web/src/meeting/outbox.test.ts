import type { Command } from '@consultboard/domain';
import { describe, expect, it } from 'vitest';
import { addToOutbox, loadOutbox, outboxKey, removeFromOutbox, saveOutbox } from './outbox';
import { memoryStore } from './storage';

const card: Command = {
  id: 'card0000001',
  type: 'card.add',
  caseId: 'case-1',
  stageId: 'clarifying-questions',
  kind: 'question',
  text: 'What helps at lunchtime?',
};
const next: Command = { id: 'next0000001', type: 'stage.next' };

describe('outbox', () => {
  it('keeps commands in order and adds a retried id once', () => {
    const outbox = addToOutbox(addToOutbox(addToOutbox([], card), next), card);
    expect(outbox.map((command) => command.id)).toEqual(['card0000001', 'next0000001']);
  });

  it('removes by id', () => {
    expect(removeFromOutbox([card, next], 'card0000001')).toEqual([next]);
  });

  it('survives a reload through storage', () => {
    const store = memoryStore();
    const key = outboxKey('session-1');
    saveOutbox(store, key, [card, next]);
    expect(loadOutbox(store, key)).toEqual([card, next]);
  });

  it('forgets the key once empty', () => {
    const store = memoryStore();
    const key = outboxKey('session-1');
    saveOutbox(store, key, [card]);
    saveOutbox(store, key, []);
    expect(store.getItem(key)).toBeNull();
  });

  it('drops stored entries that are not valid commands', () => {
    const store = memoryStore();
    const key = outboxKey('session-1');
    store.setItem(key, JSON.stringify([card, { id: 'x', type: 'card.add' }, 'junk', { ...next, id: 'bad id!' }]));
    expect(loadOutbox(store, key)).toEqual([card]);
    store.setItem(key, '{not json');
    expect(loadOutbox(store, key)).toEqual([]);
  });
});

describe('loadOutbox shape check', () => {
  it('refuses a card with an unknown kind or missing text', () => {
    const store = memoryStore();
    store.setItem(
      'k',
      JSON.stringify([
        { ...card, kind: 'gossip' },
        { ...card, text: 3 },
        { id: 'ok000000', type: 'timer.start' },
      ]),
    );
    expect(loadOutbox(store, 'k')).toEqual([{ id: 'ok000000', type: 'timer.start' }]);
  });
});
