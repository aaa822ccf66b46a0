import { useCallback, useState } from 'react';
import { errorMessage } from './api';

interface ActionSetters {
  setBusy: (busy: boolean) => void;
  setError: (error: string | null) => void;
}

/**
 * Runs what a button or form does: busy while it runs, the last error cleared first, and a failure shown as a
 * sentence for people (after `onError` has taken what it needs from it, such as field messages).
 */
export async function runAction(
  setters: ActionSetters,
  task: () => Promise<void>,
  onError?: (caught: unknown) => void,
): Promise<void> {
  setters.setBusy(true);
  setters.setError(null);
  try {
    await task();
  } catch (caught) {
    onError?.(caught);
    setters.setError(errorMessage(caught));
  } finally {
    setters.setBusy(false);
  }
}

/** The state of one action on a page: whether it is running, its error, and `run` to start it. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    (task: () => Promise<void>, onError?: (caught: unknown) => void) => runAction({ setBusy, setError }, task, onError),
    [],
  );
  return { busy, error, setError, run };
}
