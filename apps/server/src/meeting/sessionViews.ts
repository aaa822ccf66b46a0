import type { SessionView } from '@consultboard/domain';
import type { ConsultSessionRow } from '../db/consultSessions.js';
import type { Repos } from '../db/repos.js';

/** The join URL the QR code and the session page show. */
export function joinUrl(publicUrl: string, code: string): string {
  return `${publicUrl}/join/${code}`;
}

/** A session as the signed-in pages see it, with its agenda in order. */
export function toSessionView(repos: Repos, row: ConsultSessionRow, publicUrl: string): SessionView {
  const live = row.status === 'live' && row.join_code !== null;
  return {
    id: row.id,
    locality: row.locality,
    localityId: row.locality_id,
    date: row.date,
    status: row.status,
    facilitatorId: row.facilitator_id,
    facilitatorName: row.facilitator_name,
    cases: repos.consultSessions.cases(row.id),
    joinCode: live ? row.join_code : null,
    joinUrl: live && row.join_code ? joinUrl(publicUrl, row.join_code) : null,
    createdAt: row.created_at,
  };
}
