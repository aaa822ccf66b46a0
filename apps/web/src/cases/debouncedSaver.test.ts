import { describe, expect, it } from 'vitest';
import { createDebouncedSaver, type SaveStatus, type Timers } from './debouncedSaver';

/** Timers run by hand, so the test decides when time passes. */
function fakeTimers() {
  let now = 0;
  const queue = new Map<number, { at: number; run: () => void }>();
  let next = 1;
  const timers: Timers = {
    set: (run, ms) => {
      const handle = next++;
      queue.set(handle, { at: now + ms, run });
      return handle;
    },
    clear: (handle) => {
      queue.delete(handle as number);
    },
  };
  async function advance(ms: number) {
    now += ms;
    await settle();
    for (;;) {
      const due = [...queue.entries()].filter(([, entry]) => entry.at <= now).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      queue.delete(due[0]);
      due[1].run();
      await settle();
    }
    await settle();
  }
  return { timers, advance };
}

async function settle() {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

function setUp(save: (value: string) => Promise<void>) {
  const { timers, advance } = fakeTimers();
  const statuses: SaveStatus[] = [];
  const saver = createDebouncedSaver<string>({
    save,
    timers,
    onStatus: (status) => statuses.push(status),
    describe: (error) => (error instanceof Error ? error.message : 'unknown'),
    delayMs: 800,
    retryMs: 5000,
  });
  return { saver, statuses, advance };
}

describe('createDebouncedSaver', () => {
  it('saves once after typing pauses, with the latest value', async () => {
    const saved: string[] = [];
    const { saver, statuses, advance } = setUp(async (value) => {
      saved.push(value);
    });
    saver.update('W');
    await advance(500);
    saver.update('Wo');
    await advance(500);
    saver.update('Wor');
    expect(saved).toEqual([]);
    await advance(800);
    expect(saved).toEqual(['Wor']);
    expect(statuses.map((status) => status.state)).toEqual(['saving', 'saved']);
    expect(saver.hasUnsaved()).toBe(false);
  });

  it('stops saying "Saved" as soon as more is typed', async () => {
    const { saver, statuses, advance } = setUp(async () => {});
    saver.update('a');
    await advance(800);
    expect(statuses.at(-1)).toEqual({ state: 'saved' });
    saver.update('ab');
    expect(statuses.at(-1)).toEqual({ state: 'saving' });
    await advance(800);
    expect(statuses.map((status) => status.state)).toEqual(['saving', 'saved', 'saving', 'saved']);
  });

  it('keeps the value when a save fails and tries again until it is stored', async () => {
    const saved: string[] = [];
    let failures = 2;
    const { saver, statuses, advance } = setUp(async (value) => {
      if (failures-- > 0) throw new Error('Could not reach Consultboard.');
      saved.push(value);
    });
    saver.update('Visual timetable');
    await advance(800);
    expect(statuses.at(-1)).toEqual({ state: 'failed', message: 'Could not reach Consultboard.' });
    expect(saver.hasUnsaved()).toBe(true);
    await advance(5000);
    expect(saved).toEqual([]);
    await advance(5000);
    expect(saved).toEqual(['Visual timetable']);
    expect(statuses.at(-1)).toEqual({ state: 'saved' });
  });

  it('prefers what was typed after a failure over the refused value', async () => {
    const saved: string[] = [];
    let fail = true;
    const { saver, advance } = setUp(async (value) => {
      if (fail) {
        fail = false;
        throw new Error('offline');
      }
      saved.push(value);
    });
    saver.update('first');
    await advance(800);
    saver.update('first and more');
    await advance(800);
    expect(saved).toEqual(['first and more']);
  });

  it('never runs two saves at once, and saves what was typed during one', async () => {
    const saved: string[] = [];
    let running = 0;
    let most = 0;
    let release: () => void = () => {};
    const { saver, advance } = setUp(
      (value) =>
        new Promise<void>((resolve) => {
          running++;
          most = Math.max(most, running);
          release = () => {
            running--;
            saved.push(value);
            resolve();
          };
        }),
    );
    saver.update('a');
    await advance(800);
    saver.update('ab');
    await advance(800);
    expect(saved).toEqual([]);
    release();
    await advance(0);
    release();
    await advance(0);
    expect(saved).toEqual(['a', 'ab']);
    expect(most).toBe(1);
  });

  it('flush saves at once, and dispose stops further saves', async () => {
    const saved: string[] = [];
    const { saver, advance } = setUp(async (value) => {
      saved.push(value);
    });
    saver.update('now');
    saver.flush();
    await advance(0);
    expect(saved).toEqual(['now']);
    saver.update('never');
    saver.dispose();
    await advance(10_000);
    expect(saved).toEqual(['now']);
  });
});
