import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { runAction } from './useAction';

function recorder() {
  const log: string[] = [];
  return {
    log,
    setters: {
      setBusy: (busy: boolean) => log.push(`busy:${busy}`),
      setError: (error: string | null) => log.push(`error:${error}`),
    },
  };
}

describe('runAction', () => {
  it('is busy while the task runs and clears the last error first', async () => {
    const { log, setters } = recorder();
    await runAction(setters, async () => {
      log.push('task');
    });
    expect(log).toEqual(['busy:true', 'error:null', 'task', 'busy:false']);
  });

  it('lets onError read the failure, then shows it as a sentence and stops being busy', async () => {
    const { log, setters } = recorder();
    const seen: unknown[] = [];
    await runAction(
      setters,
      async () => {
        throw new ApiError(409, 'not_draft', 'The agenda cannot change once the session has started.');
      },
      (caught) => seen.push(caught),
    );
    expect(seen).toHaveLength(1);
    expect(log[0]).toBe('busy:true');
    expect(log.at(-2)).toBe('error:The agenda cannot change once the session has started.');
    expect(log.at(-1)).toBe('busy:false');
  });
});
