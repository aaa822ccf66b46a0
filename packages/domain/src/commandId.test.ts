import { describe, expect, it } from 'vitest';
import { isCommandId } from './commandId.js';
import { commandSchema } from './commands.js';

describe('the command id pattern', () => {
  const ids = ['abcdefgh', 'A1_b2-C3', 'x'.repeat(64), 'short', 'x'.repeat(65), 'has space1', 'emoji🙂🙂🙂', ''];

  it('is the one the command schema applies', () => {
    for (const id of ids) {
      const parsed = commandSchema.safeParse({ id, type: 'stage.next' });
      expect(parsed.success, id).toBe(isCommandId(id));
    }
  });

  it('takes 8 to 64 letters, digits, _ and -', () => {
    expect(ids.filter(isCommandId)).toEqual(['abcdefgh', 'A1_b2-C3', 'x'.repeat(64)]);
    expect(isCommandId(12345678)).toBe(false);
  });
});
