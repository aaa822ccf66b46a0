import type { ActionRow } from '@consultboard/domain';
import type { SaveStatus, Timers } from '../cases/debouncedSaver';
import { createDebounce } from './debounce';
import { isBlankRow, keepBlankRows, mergeRows, sameRows } from './planRows';

export interface StoredPlan {
  version: number;
  rows: ActionRow[];
}

/** What a save came back with: stored (with the plan, when the server sends it), refused as stale, or failed. */
export type SaveOutcome =
  | { ok: true; plan?: StoredPlan }
  | { ok: false; conflict: true; latest?: StoredPlan }
  | { ok: false; conflict: false; message: string; retry: boolean };

export interface PlanSyncView {
  rows: ActionRow[];
  status: SaveStatus;
  /** Set when someone else's change came first and my change waits to be re-applied (the 'ask' policy). */
  conflict: { message: string } | null;
}

export interface PlanSyncOptions {
  initial: StoredPlan;
  save: (version: number, rows: ActionRow[]) => Promise<SaveOutcome>;
  /** 'reapply': my change goes on top of theirs at once (the live meeting); 'ask': show theirs and offer to. */
  onConflict: 'reapply' | 'ask';
  onView: (view: PlanSyncView) => void;
  delayMs?: number;
  retryMs?: number;
  timers?: Timers;
}

export const CONFLICT_MESSAGE = 'Someone else changed the plan. Their version is shown.';
const MAX_REAPPLY = 3;

/**
 * Keeps one editor's rows in step with the stored plan: saves after typing pauses, one save at a time, with the
 * version it started from; a stale save is merged with the newer plan rather than overwriting it.
 */
export class PlanSync {
  private stored: StoredPlan;
  /** The rows my unsaved edits started from. */
  private base: ActionRow[];
  private rows: ActionRow[];
  private dirty = false;
  private inFlight = false;
  /** A stale save whose newer plan has not reached this screen yet (the meeting sends it as an event). */
  private waitingForNewer: number | null = null;
  private reapplied = 0;
  private status: SaveStatus = { state: 'idle' };
  private conflict: { mine: ActionRow[]; base: ActionRow[] } | null = null;
  private readonly debounce;
  private disposed = false;

  constructor(private readonly options: PlanSyncOptions) {
    this.stored = options.initial;
    this.base = options.initial.rows;
    this.rows = options.initial.rows;
    this.debounce = createDebounce(() => this.run(), options.timers);
  }

  view(): PlanSyncView {
    return {
      rows: this.rows,
      status: this.status,
      conflict: this.conflict ? { message: CONFLICT_MESSAGE } : null,
    };
  }

  /** My edit: saved after a pause, or at once (buttons). */
  edit(rows: ActionRow[], now = false): void {
    this.rows = rows;
    this.dirty = true;
    this.reapplied = 0;
    this.setStatus({ state: 'saving' });
    this.debounce.schedule(now ? 0 : (this.options.delayMs ?? 600));
  }

  /** A newer stored plan (a meeting event, or a reload). */
  receive(plan: StoredPlan): void {
    if (plan.version < this.stored.version) return;
    if (plan.version === this.stored.version && plan.rows === this.stored.rows) return;
    this.stored = plan;
    if (this.waitingForNewer !== null && plan.version > this.waitingForNewer) {
      this.waitingForNewer = null;
      this.reapply();
      return;
    }
    if (!this.dirty && !this.inFlight && this.waitingForNewer === null) this.takeStored();
  }

  /** Puts my change, held back by a conflict, on top of the plan now stored. */
  reapplyMine(): void {
    if (!this.conflict) return;
    this.rows = mergeRows(this.conflict.base, this.conflict.mine, this.stored.rows);
    this.base = this.stored.rows;
    this.conflict = null;
    this.edit(this.rows, true);
  }

  /** Keeps their version and forgets my held-back change. */
  keepTheirs(): void {
    this.conflict = null;
    this.setStatus({ state: 'idle' });
  }

  hasUnsaved(): boolean {
    return this.dirty || this.inFlight;
  }

  flush(): void {
    this.debounce.flush();
  }

  dispose(): void {
    this.disposed = true;
    this.debounce.cancel();
  }

  private takeStored(): void {
    const next = keepBlankRows(this.stored.rows, this.rows);
    // The server trims spaces: keep what is on the screen when it says the same, so typing is not disturbed.
    if (!sameRows(next, this.rows)) this.rows = next;
    this.base = this.stored.rows;
    this.emit();
  }

  private reapply(): void {
    this.reapplied += 1;
    this.rows = mergeRows(this.base, this.rows, this.stored.rows);
    this.base = this.stored.rows;
    this.dirty = true;
    if (this.reapplied > MAX_REAPPLY) {
      this.setStatus({ state: 'failed', message: 'The plan keeps changing. Try your change again.' });
      return;
    }
    this.debounce.schedule(0);
    this.emit();
  }

  private run(): void {
    if (this.disposed || this.inFlight || !this.dirty) return;
    const sending = this.rows.filter((row) => !isBlankRow(row));
    this.dirty = false;
    if (sameRows(sending, this.stored.rows)) {
      this.setStatus(this.rows.some(isBlankRow) ? { state: 'idle' } : { state: 'saved' });
      return;
    }
    const version = this.stored.version;
    this.inFlight = true;
    this.setStatus({ state: 'saving' });
    this.options.save(version, sending).then(
      (outcome) => this.settle(outcome, version, sending),
      (error: unknown) =>
        this.settle({ ok: false, conflict: false, message: String(error), retry: true }, version, sending),
    );
  }

  private settle(outcome: SaveOutcome, version: number, sent: ActionRow[]): void {
    this.inFlight = false;
    if (this.disposed) return;
    if (outcome.ok) {
      this.base = sent;
      if (outcome.plan) this.stored = outcome.plan;
      if (this.dirty) {
        if (!this.debounce.isWaiting()) this.debounce.schedule(0);
        return;
      }
      if (this.stored.version > version) this.takeStored();
      this.setStatus({ state: 'saved' });
      return;
    }
    if (outcome.conflict) {
      if (outcome.latest && outcome.latest.version >= this.stored.version) this.stored = outcome.latest;
      if (this.options.onConflict === 'ask') {
        this.conflict = { mine: this.rows, base: this.base };
        this.dirty = false;
        this.debounce.cancel();
        this.rows = keepBlankRows(this.stored.rows, []);
        this.base = this.stored.rows;
        this.setStatus({ state: 'failed', message: CONFLICT_MESSAGE });
        return;
      }
      if (this.stored.version > version) this.reapply();
      else {
        this.dirty = true;
        this.waitingForNewer = version;
      }
      return;
    }
    this.dirty = true;
    this.setStatus({ state: 'failed', message: outcome.message });
    if (outcome.retry) this.debounce.schedule(this.options.retryMs ?? 5000);
  }

  private setStatus(status: SaveStatus): void {
    this.status = status;
    this.emit();
  }

  private emit(): void {
    if (!this.disposed) this.options.onView(this.view());
  }
}
