import type { StageDefinition } from '@consultboard/domain';
import type { Db } from './database.js';

/** Each locality's own stage template (issue 9 item 8): absent means the default one. */
export function stageTemplatesRepo(db: Db) {
  const byLocality = db.prepare('SELECT stages FROM locality_templates WHERE locality_id = ?');
  const upsert = db.prepare(
    `INSERT INTO locality_templates (locality_id, stages, updated_by, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (locality_id) DO UPDATE SET stages = excluded.stages, updated_by = excluded.updated_by,
       updated_at = excluded.updated_at`,
  );
  const remove = db.prepare('DELETE FROM locality_templates WHERE locality_id = ?');
  return {
    /** The locality's own stages, or undefined when it uses the default template. */
    stagesOf: (localityId: string) => {
      const row = byLocality.get(localityId) as { stages: string } | undefined;
      return row ? (JSON.parse(row.stages) as StageDefinition[]) : undefined;
    },
    save: (localityId: string, stages: readonly StageDefinition[], userId: string, now: number) =>
      upsert.run(localityId, JSON.stringify(stages), userId, now),
    /** Back to the default: the locality follows DEFAULT_STAGES again. */
    restoreDefault: (localityId: string) => remove.run(localityId).changes > 0,
  };
}
export type StageTemplatesRepo = ReturnType<typeof stageTemplatesRepo>;
