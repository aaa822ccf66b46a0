import { randomUUID } from 'node:crypto';
import type { AreaOfNeed, CaseType, ReviewOutcome } from '@consultboard/domain';
import type { Repos } from '../../src/db/repos.js';

/** A locality with one school, its EP and its SENCO, written straight through the repositories. */
export function themesArea(repos: Repos, name: string, now = Date.parse('2026-01-01T00:00:00Z')) {
  const localityId = randomUUID();
  const schoolId = randomUUID();
  const epId = randomUUID();
  const sencoId = randomUUID();
  repos.localities.insertLocality(localityId, name, now);
  repos.localities.insertSchool(schoolId, `${name} school`, localityId, now);
  const user = (id: string, role: 'ep' | 'senco', school: string | null) =>
    repos.users.insert({
      id,
      name: `${role.toUpperCase()} of ${name}`,
      email: `${id}@eps.example`,
      password_hash: 'not a hash',
      role,
      created_at: now,
      school_id: school,
    });
  user(epId, 'ep', null);
  user(sencoId, 'senco', schoolId);
  repos.users.addLocality(epId, localityId);
  return { localityId, schoolId, epId, sencoId };
}
export type ThemesArea = ReturnType<typeof themesArea>;

export interface ThemesCase {
  type?: CaseType;
  areas?: AreaOfNeed[];
  /** Reviews in order: the outcome and when it was recorded (ms). */
  reviews?: { outcome: ReviewOutcome; at: number }[];
}

/**
 * A session of an area on a date, started (unless told not to), with these cases on its agenda: each with its
 * areas of need and its reviews. Returns the case ids.
 */
export function themesSession(
  repos: Repos,
  area: ThemesArea,
  date: string,
  cases: ThemesCase[],
  options: { started?: boolean } = {},
): string[] {
  const sessionId = randomUUID();
  const at = Date.parse(`${date}T09:00:00Z`);
  repos.consultSessions.insert({
    id: sessionId,
    locality_id: area.localityId,
    date,
    facilitator_id: area.epId,
    created_at: at,
  });
  const ids = cases.map((item, index) => {
    const id = randomUUID();
    repos.cases.insert({
      id,
      school_id: area.schoolId,
      type: item.type ?? 'child',
      reference: item.type && item.type !== 'child' ? `Topic ${index + 1}` : `J${(index % 9) + 1}M`,
      preparation: {
        currentSituation: '',
        triedSoFar: '',
        desiredSituation: '',
        aim: '',
        areasOfNeed: item.areas ?? [],
      },
      created_by: area.sencoId,
      created_at: at,
    });
    repos.cases.submit(id, sessionId, at);
    for (const review of item.reviews ?? [])
      repos.actionPlans.recordReview(id, { actions: [], outcome: review.outcome, note: '' }, area.sencoId, review.at);
    return id;
  });
  repos.consultSessions.setAgenda(
    sessionId,
    cases.map((item, index) => ({
      id: ids[index] as string,
      reference: `J${index}M`,
      kind: item.type && item.type !== 'child' ? 'topic' : 'child',
    })),
  );
  if (options.started !== false) repos.consultSessions.start(sessionId, randomUUID().slice(0, 8), at);
  return ids;
}
