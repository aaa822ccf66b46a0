import { notesDocName, STAGE_ID_PATTERN } from '@consultboard/domain';
import { Hono } from 'hono';
import { z } from 'zod';
import { requireActor } from '../http/access.js';
import type { AppEnv, HttpDeps } from '../http/context.js';
import { AppError, errors } from '../http/errors.js';
import { readJson } from '../http/middleware.js';
import { sessionFor } from '../http/resources.js';
import { parseBody } from '../http/validate.js';

/**
 * The body of POST /api/sessions/:id/cases/:caseId/notes/clear: which stage's notes to delete. A locality may have
 * its own stages (issue 9 item 8), so the id is checked against the session's own template below.
 */
export const clearNotesRequestSchema = z.object({ stageId: z.string().regex(STAGE_ID_PATTERN) }).strict();

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
    const stage = deps.meetings.state(row.id).stages.find((candidate) => candidate.id === stageId);
    if (!stage?.notes) throw errors.field('unknown_stage', 'stageId', 'That stage has no notes in this session.');
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
