import type { Db } from './database.js';

/** Where a case's free text lives, for "Personal data to check". `minutes` marks minutes kept without checking. */
export const PRIVACY_PLACES = ['preparation', 'plan', 'review', 'notes', 'cards', 'minutes'] as const;
export type PrivacyPlace = (typeof PRIVACY_PLACES)[number];

/** The privacy guard's memory per case: dismissed findings (by `findingKey`) and what is still to check. */
export function privacyRepo(db: Db) {
  const insertDismissal = db.prepare(
    `INSERT INTO privacy_dismissals (case_id, key, dismissed_by, dismissed_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (case_id, key) DO NOTHING`,
  );
  const keysOf = db.prepare('SELECT key FROM privacy_dismissals WHERE case_id = ?');
  const upsertToCheck = db.prepare(
    `INSERT INTO privacy_to_check (case_id, place, count, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (case_id, place) DO UPDATE SET count = excluded.count, updated_at = excluded.updated_at`,
  );
  const clearToCheck = db.prepare('DELETE FROM privacy_to_check WHERE case_id = ? AND place = ?');
  const toCheckOf = db.prepare('SELECT place, count FROM privacy_to_check WHERE case_id = ? ORDER BY place');
  const anyToCheck = db.prepare(
    'SELECT DISTINCT case_id AS caseId FROM privacy_to_check WHERE case_id IN (SELECT value FROM json_each(?))',
  );
  return {
    /** Records "not personal" for these words of this kind in this case; dismissing twice is harmless. */
    dismiss: (caseId: string, key: string, userId: string | null, now: number) => {
      insertDismissal.run(caseId, key, userId, now);
    },
    dismissedKeys: (caseId: string): Set<string> =>
      new Set((keysOf.all(caseId) as { key: string }[]).map((row) => row.key)),
    /** Sets how many undismissed findings a place of the case holds; 0 clears it. */
    setToCheck: (caseId: string, place: PrivacyPlace, count: number, now: number) => {
      if (count > 0) upsertToCheck.run(caseId, place, count, now);
      else clearToCheck.run(caseId, place);
    },
    toCheck: (caseId: string) => toCheckOf.all(caseId) as { place: PrivacyPlace; count: number }[],
    /** Which of these cases show "Personal data to check". */
    casesToCheck: (caseIds: readonly string[]): Set<string> =>
      caseIds.length === 0
        ? new Set()
        : new Set((anyToCheck.all(JSON.stringify(caseIds)) as { caseId: string }[]).map((row) => row.caseId)),
  };
}
export type PrivacyRepo = ReturnType<typeof privacyRepo>;
