import { describe, expect, it } from 'vitest';
import { saveStatusText } from './saveStatusText';

describe('saveStatusText', () => {
  it('reads each state', () => {
    expect(saveStatusText({ state: 'idle' })).toBe('');
    expect(saveStatusText({ state: 'saving' })).toBe('Saving…');
    expect(saveStatusText({ state: 'saved' })).toBe('Saved');
    expect(saveStatusText({ state: 'failed', message: 'Could not reach Consultboard.' })).toBe(
      'Not saved: Could not reach Consultboard.',
    );
  });
});
