import type { ActionRow } from '@consultboard/domain';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addRow, emptyRow, updateRow } from './planRows';
import { CONFLICT_MESSAGE, PlanSync, type PlanSyncView, type SaveOutcome, type StoredPlan } from './planSync';

function buildRow(id: string, overrides: Partial<ActionRow> = {}): ActionRow {
  return { ...emptyRow(id), action: `Action ${id}`, ...overrides };
}

function setUp(initial: StoredPlan, onConflict: 'reapply' | 'ask' = 'reapply') {
  const saves: { version: number; rows: ActionRow[]; answer: (outcome: SaveOutcome) => void }[] = [];
  let view: PlanSyncView | null = null;
  const sync = new PlanSync({
    initial,
    onConflict,
    save: (version, rows) => new Promise((resolve) => saves.push({ version, rows, answer: resolve })),
    onView: (next) => {
      view = next;
    },
  });
  return { sync, saves, view: () => view as PlanSyncView | null };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('PlanSync', () => {
  const start: StoredPlan = { version: 1, rows: [buildRow('a'), buildRow('b')] };

  it('saves once typing pauses, with the version it started from', async () => {
    const { sync, saves, view } = setUp(start);
    sync.edit(updateRow(start.rows, 'a', { who: 'S' }));
    sync.edit(updateRow(start.rows, 'a', { who: 'SENCO A' }));
    expect(view()?.status.state).toBe('saving');
    vi.advanceTimersByTime(599);
    expect(saves).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(saves).toHaveLength(1);
    expect(saves[0]?.version).toBe(1);
    expect(saves[0]?.rows[0]?.who).toBe('SENCO A');
    saves[0]?.answer({ ok: true });
    await vi.runAllTimersAsync();
    expect(view()?.status.state).toBe('saved');
  });

  it('keeps a blank new row on the screen but does not send it', async () => {
    const { sync, saves, view } = setUp(start);
    sync.edit(addRow(start.rows, 'new'), true);
    await vi.advanceTimersByTimeAsync(0);
    expect(saves).toHaveLength(0);
    sync.receive({ version: 2, rows: [buildRow('a', { who: 'TA' }), buildRow('b')] });
    expect(view()?.rows.map((row) => row.id)).toEqual(['a', 'b', 'new']);
    expect(view()?.rows[0]?.who).toBe('TA');
  });

  it('re-applies my change on top of a newer plan and sends again (the meeting)', async () => {
    const { sync, saves, view } = setUp(start);
    sync.edit(updateRow(start.rows, 'a', { who: 'SENCO A' }), true);
    await vi.advanceTimersByTimeAsync(0);
    saves[0]?.answer({ ok: false, conflict: true });
    await vi.advanceTimersByTimeAsync(0);
    // The newer plan arrives as an event after the refusal.
    sync.receive({ version: 2, rows: [buildRow('a'), buildRow('b', { byWhen: '2026-12-01' })] });
    await vi.advanceTimersByTimeAsync(0);
    expect(saves).toHaveLength(2);
    expect(saves[1]?.version).toBe(2);
    expect(saves[1]?.rows[0]?.who).toBe('SENCO A');
    expect(saves[1]?.rows[1]?.byWhen).toBe('2026-12-01');
    expect(view()?.rows[0]?.who).toBe('SENCO A');
  });

  it('shows their plan on a conflict and offers mine again (the case page)', async () => {
    const { sync, saves, view } = setUp(start, 'ask');
    sync.edit(updateRow(start.rows, 'a', { who: 'SENCO A' }), true);
    await vi.advanceTimersByTimeAsync(0);
    const theirs = { version: 3, rows: [buildRow('a', { action: 'Their wording' }), buildRow('b')] };
    saves[0]?.answer({ ok: false, conflict: true, latest: theirs });
    await vi.advanceTimersByTimeAsync(0);
    expect(view()?.conflict?.message).toBe(CONFLICT_MESSAGE);
    expect(view()?.rows[0]?.action).toBe('Their wording');
    expect(view()?.rows[0]?.who).toBe('');
    sync.reapplyMine();
    await vi.advanceTimersByTimeAsync(0);
    expect(view()?.conflict).toBeNull();
    expect(saves[1]?.version).toBe(3);
    expect(saves[1]?.rows[0]).toMatchObject({ action: 'Their wording', who: 'SENCO A' });
  });

  it('keeps my change after a failed save and tries again later', async () => {
    const { sync, saves, view } = setUp(start);
    sync.edit(updateRow(start.rows, 'a', { who: 'SENCO A' }), true);
    await vi.advanceTimersByTimeAsync(0);
    saves[0]?.answer({ ok: false, conflict: false, message: 'Could not reach Consultboard.', retry: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(view()?.status).toEqual({ state: 'failed', message: 'Could not reach Consultboard.' });
    expect(sync.hasUnsaved()).toBe(true);
    await vi.advanceTimersByTimeAsync(5000);
    expect(saves).toHaveLength(2);
    expect(saves[1]?.rows[0]?.who).toBe('SENCO A');
  });
});
