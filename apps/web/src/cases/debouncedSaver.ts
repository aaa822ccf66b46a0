/** What the person sees about their typing: nothing yet, on its way, stored, or not stored (and why). */
export type SaveStatus =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved' }
  | { state: 'failed'; message: string };

export interface Timers {
  set: (run: () => void, ms: number) => unknown;
  clear: (handle: unknown) => void;
}

export interface SaverOptions<T> {
  save: (value: T) => Promise<void>;
  onStatus: (status: SaveStatus) => void;
  /** How the failure reads after "Not saved: ". */
  describe: (error: unknown) => string;
  delayMs?: number;
  retryMs?: number;
  timers?: Timers;
}

export interface DebouncedSaver<T> {
  /** Takes the latest value; it is saved once typing pauses. */
  update: (value: T) => void;
  /** Saves any waiting value now. */
  flush: () => void;
  /** Whether a value is waiting to be stored (typed, or refused and to be tried again). */
  hasUnsaved: () => boolean;
  /** Stops the timers (on leaving the page). */
  dispose: () => void;
}

const realTimers: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Saves as people type: one save after each pause, never two at once, and a failed save keeps the value and
 * tries again later, so nothing typed is lost to a bad connection.
 */
export function createDebouncedSaver<T>(options: SaverOptions<T>): DebouncedSaver<T> {
  const { save, onStatus, describe, delayMs = 800, retryMs = 5000, timers = realTimers } = options;
  let pending: { value: T } | null = null;
  let inFlight = false;
  let timer: unknown = null;
  let disposed = false;
  let shown: SaveStatus['state'] | null = null;

  function emit(status: SaveStatus) {
    // "Saving…" is said once per round, however many keys are pressed.
    if (status.state === 'saving' && shown === 'saving') return;
    shown = status.state;
    onStatus(status);
  }

  function schedule(ms: number) {
    if (timer !== null) timers.clear(timer);
    timer = timers.set(() => {
      timer = null;
      run();
    }, ms);
  }

  function run() {
    if (disposed || inFlight || pending === null) return;
    const sending = pending;
    pending = null;
    inFlight = true;
    emit({ state: 'saving' });
    save(sending.value).then(
      () => {
        inFlight = false;
        if (disposed) return;
        if (pending === null) emit({ state: 'saved' });
        else if (timer === null) schedule(0);
      },
      (error: unknown) => {
        inFlight = false;
        // Keep what was typed: a newer value wins, otherwise the refused one goes back in line.
        pending ??= sending;
        if (disposed) return;
        emit({ state: 'failed', message: describe(error) });
        schedule(retryMs);
      },
    );
  }

  return {
    update(value) {
      pending = { value };
      // An earlier "Saved" no longer holds for what is on the screen.
      if (shown === 'saved') emit({ state: 'saving' });
      schedule(delayMs);
    },
    flush() {
      if (timer !== null) timers.clear(timer);
      timer = null;
      run();
    },
    hasUnsaved: () => pending !== null || inFlight,
    dispose() {
      disposed = true;
      if (timer !== null) timers.clear(timer);
      timer = null;
    },
  };
}
