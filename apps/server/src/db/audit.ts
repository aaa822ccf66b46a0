import type { AuditEntryView } from '@consultboard/domain';
import type { Db } from './database.js';
import { type CursorShape, type PageRequest, pageOf, pageParams } from './paging.js';

/** A cursor of the audit log: the last entry's id (newest first). */
export const AUDIT_CURSOR: CursorShape = ['number'];
const EVERYTHING = { all: true, localityIds: [], schoolIds: [] };

/** What the audit log records: who did what to which case, agenda, invitation or account. */
export type AuditAction =
  | 'created'
  | 'viewed'
  | 'changed'
  | 'consented'
  | 'exported'
  | 'submitted'
  | 'deleted'
  | 'agenda.changed'
  | 'started'
  | 'invited'
  | 'accepted'
  | 'deactivated'
  | 'reviewed'
  | 'privacy.dismissed'
  | 'privacy.unchecked'
  // Issue 12: minutes deleted by the retention purge.
  | 'purged';
export type AuditEntity = 'case' | 'session' | 'person' | 'locality' | 'school' | 'minutes' | 'retention';

/** The append-only audit log: SQLite triggers refuse any UPDATE or DELETE of a row. */
export function auditRepo(db: Db) {
  const insert = db.prepare(
    'INSERT INTO audit_log (at, actor_id, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const newest = db.prepare(
    `SELECT a.id, a.at, a.actor_id AS actorId, u.name AS actorName, a.action, a.entity, a.entity_id AS entityId
     FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
     WHERE @hasAfter = 0 OR a.id < @after0 ORDER BY a.id DESC LIMIT @limit`,
  );
  return {
    record: (entry: {
      actorId: string | null;
      action: AuditAction;
      entity: AuditEntity;
      entityId: string | null;
      detail?: string | null;
      now?: number;
    }) =>
      insert.run(
        entry.now ?? Date.now(),
        entry.actorId,
        entry.action,
        entry.entity,
        entry.entityId,
        entry.detail ?? null,
      ),
    /** A page of the log, newest first. */
    page: (request: PageRequest) =>
      pageOf(newest.all(pageParams(EVERYTHING, request, AUDIT_CURSOR)) as AuditEntryView[], request.limit, (row) => [
        row.id,
      ]),
  };
}
export type AuditRepo = ReturnType<typeof auditRepo>;
