import type { ActionRow } from '@consultboard/domain';
import { useEffect, useRef, useState } from 'react';
import { PlanSync, type PlanSyncView, type SaveOutcome, type StoredPlan } from './planSync';

export interface PlanEditing {
  view: PlanSyncView;
  edit: (rows: ActionRow[], now?: boolean) => void;
  reapplyMine: () => void;
  keepTheirs: () => void;
}

/**
 * One PlanSync for as long as the editor is shown. `stored` is the latest plan the page knows (pass the same
 * object while it has not changed); any waiting edit is sent when the editor goes away.
 */
export function usePlanSync(
  stored: StoredPlan,
  save: (version: number, rows: ActionRow[]) => Promise<SaveOutcome>,
  onConflict: 'reapply' | 'ask',
): PlanEditing {
  const saveRef = useRef(save);
  saveRef.current = save;
  const firstRef = useRef(stored);
  const [sync, setSync] = useState<PlanSync | null>(null);
  const [view, setView] = useState<PlanSyncView>(() => ({
    rows: stored.rows,
    status: { state: 'idle' },
    conflict: null,
  }));

  useEffect(() => {
    const created = new PlanSync({
      initial: firstRef.current,
      onConflict,
      save: (version, rows) => saveRef.current(version, rows),
      onView: setView,
    });
    setSync(created);
    return () => {
      created.flush();
      created.dispose();
    };
  }, [onConflict]);

  useEffect(() => {
    firstRef.current = stored;
    sync?.receive(stored);
  }, [sync, stored]);

  return {
    view,
    edit: (rows, now) => sync?.edit(rows, now),
    reapplyMine: () => sync?.reapplyMine(),
    keepTheirs: () => sync?.keepTheirs(),
  };
}
