import type { Timers } from '../cases/debouncedSaver';

export interface Debounced {
  /** Runs the action after `ms` of quiet (0: at the next turn), replacing any waiting run. */
  schedule: (ms: number) => void;
  /** Runs now if a run is waiting. */
  flush: () => void;
  cancel: () => void;
  isWaiting: () => boolean;
}

const realTimers: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** One action, run once typing pauses; a later call moves the run later. */
export function createDebounce(action: () => void, timers: Timers = realTimers): Debounced {
  let handle: unknown = null;
  const cancel = () => {
    if (handle !== null) timers.clear(handle);
    handle = null;
  };
  return {
    schedule(ms) {
      cancel();
      handle = timers.set(() => {
        handle = null;
        action();
      }, ms);
    },
    flush() {
      if (handle === null) return;
      cancel();
      action();
    },
    cancel,
    isWaiting: () => handle !== null,
  };
}
