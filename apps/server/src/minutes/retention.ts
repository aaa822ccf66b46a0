import { todayInEngland } from '../dates.js';
import type { Repos } from '../db/repos.js';
import { logger } from '../logger.js';

/** How often the purge runs. */
export const PURGE_EVERY_MS = 24 * 60 * 60_000;

/** The first day minutes are still kept on: today in England, less the retention's years (YYYY-MM-DD). */
export function keptFrom(now: number, years: number): string {
  const [year, month, day] = todayInEngland(new Date(now)).split('-');
  return `${String(Number(year) - years).padStart(4, '0')}-${month}-${day}`;
}

/**
 * Deletes the minutes whose session is older than the retention allows, with their search entries, leaves the
 * strategy bank's uses of those cases anonymous, and records the purge in the audit log, in one transaction. A run that finds nothing to delete records nothing.
 */
export function purgeMinutes(repos: Repos, now: number): { keptFrom: string; purged: number } {
  return repos.transaction(() => {
    const from = keptFrom(now, repos.minutes.retentionYears().years);
    const cases = repos.minutes.purgeBefore(from);
    // The strategy bank keeps only anonymous counts of what these minutes held: no case, session or card id.
    for (const caseId of new Set(cases)) repos.bank.anonymiseCase(caseId);
    const purged = cases.length;
    if (purged > 0)
      repos.audit.record({
        actorId: null,
        action: 'purged',
        entity: 'minutes',
        entityId: null,
        detail: JSON.stringify({ before: from, minutes: purged }),
        now,
      });
    return { keptFrom: from, purged };
  });
}

/** Runs the purge now and then daily; the returned function stops it. */
export function startMinutesPurge(repos: Repos, everyMs = PURGE_EVERY_MS): () => void {
  const run = () => {
    try {
      const { purged, keptFrom: from } = purgeMinutes(repos, Date.now());
      if (purged > 0) logger.info({ purged, keptFrom: from }, 'minutes past their retention deleted');
    } catch (error) {
      logger.error({ err: error }, 'the minutes purge failed');
    }
  };
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
