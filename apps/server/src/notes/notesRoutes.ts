import { DEFAULT_STAGES, notesDocName } from '@consultboard/domain';
import { Hono } from 'hono';
import { z } from 'zod';
import { requireActor } from '../http/access.js';
import type { AppEnv, HttpDeps } from '../http/context.js';
import { AppError, errors } from '../http/errors.js';
import { readJson } from '../http/middleware.js';
import { sessionFor } from '../http/resources.js';
import { parseBody } from '../http/validate.js';

const NOTE_STAGES = DEFAULT_STAGES.filter((stage) => stage.notes).map((stage) => stage.id) as [string, ...string[]];

/** The body of POST /api/sessions/:id/cases/:caseId/notes/clear: which stage's notes to delete. */
export const clearNotesRequestSchema = z.object({ stageId: z.enum(NOTE_STAGES) }).strict();

/**
 * The EP's repair of a case's notes that are full: deletes one stage's notes in the live room (so everyone
 * connected sees them go), compacts the document, and answers whether it is still over the cap.
 */
export function notesRoutes(deps: HttpDeps) {
  const { repos } = deps;
  return new Hono<AppEnv>().post('/sessions/:id/cases/:caseId/notes/clear', async (c) => {
    const row = sessionFor(c, repos, 'session.run');
    const { user } = requireActor(c);
    const { stageId } = parseBody(clearNotesRequestSchema, await readJson(c));
    const caseId = c.req.param('caseId');
    if (!repos.consultSessions.hasCase(row.id, caseId)) throw errors.notFound('That case');
    // The notes are written only while the session is live; afterwards they are the record of the meeting.
    if (row.status !== 'live')
      throw errors.conflict('not_live', 'The notes can be cleared only while the session is live.');
    if (!deps.notes) throw new AppError(503, 'unavailable', 'The notes are not running. Try again.');
    const result = await deps.notes.clearStage(notesDocName(caseId), stageId);
    repos.audit.record({
      actorId: user.id,
      action: 'changed',
      entity: 'case',
      entityId: caseId,
      detail: `notes of stage ${stageId} cleared`,
    });
    return c.json({ full: result.full, bytes: result.bytes });
  });
}
