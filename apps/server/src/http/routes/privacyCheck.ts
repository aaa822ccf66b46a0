import {
  ACTION_PLAN_LIMITS,
  type AgendaCase,
  checkCardText,
  findingKey,
  findPersonalData,
  notesDocName,
  type PrivacyReplaceRequest,
  privacyReplaceRequestSchema,
  replaceFindings,
} from '@consultboard/domain';
import { Hono } from 'hono';
import { z } from 'zod';
import type { ConsultSessionRow } from '../../db/consultSessions.js';
import { writePlan } from '../../plans/writePlan.js';
import { caseFindings, keepFor, visibleCards } from '../../privacy/caseFindings.js';
import { replaceInNotes } from '../../privacy/notesFindings.js';
import { requireActor } from '../access.js';
import type { AppEnv, HttpDeps } from '../context.js';
import { AppError, errors } from '../errors.js';
import { readJson } from '../middleware.js';
import { sessionFor } from '../resources.js';
import { parseBody } from '../validate.js';

const keepRequestSchema = z.object({}).strict();

const gone = () =>
  errors.conflict('finding_gone', 'Those words are no longer there: someone changed them. Look at the list again.');

/**
 * Check before keeping (issue 10, item 4), for the EP running the session (ACCESS 'session.run'): the case's findings
 * in its notes, cards and plan; Replace with… in the stored text (notes as a server edit of the live room, cards as
 * an EP card edit event, the plan through the one plan write); and Keep without checking, audited.
 */
export function privacyCheckRoutes(deps: HttpDeps) {
  const { repos, meetings } = deps;

  /** The live session and the agenda case the request names, or the answer why not. */
  function liveCase(row: ConsultSessionRow, caseId: string): AgendaCase {
    if (!repos.consultSessions.hasCase(row.id, caseId)) throw errors.notFound('That case');
    if (row.status !== 'live')
      throw errors.conflict('not_live', 'The minutes can be checked only while the session is live.');
    const agendaCase = meetings.state(row.id).cases.find((candidate) => candidate.id === caseId);
    if (!agendaCase) throw errors.notFound('That case');
    return agendaCase;
  }

  async function replace(row: ConsultSessionRow, agendaCase: AgendaCase, body: PrivacyReplaceRequest, userId: string) {
    const keep = keepFor(repos, agendaCase.id);
    const key = findingKey(body);
    const { place, replacement } = body;
    const now = Date.now();
    const actor = `facilitator:${userId}`;
    if (place.type === 'notes') {
      if (!meetings.state(row.id).stages.some((stage) => stage.id === place.stageId && stage.notes))
        throw errors.field('unknown_stage', 'place', 'That stage has no notes in this session.');
      if (!deps.notes) throw new AppError(503, 'unavailable', 'The notes are not running. Try again.');
      const replaced = await deps.notes.editNotes(notesDocName(agendaCase.id), (doc) =>
        replaceInNotes(doc, place.stageId, key, replacement, keep),
      );
      if (replaced === 0) throw gone();
      return replaced;
    }
    if (place.type === 'card') {
      const card = visibleCards(meetings.state(row.id), agendaCase.id).find((c) => c.id === place.cardId);
      if (!card) throw errors.notFound('That card');
      const changed = replaceFindings(card.text, keep(findPersonalData(card.text)), key, replacement);
      if (changed.replaced === 0) throw gone();
      const checked = checkCardText(changed.text);
      if (!checked.ok) throw errors.field('too_long', 'replacement', checked.message);
      meetings.append(
        row.id,
        { type: 'card.edited', cardId: card.id, text: checked.value },
        { commandId: null, actor, now },
      );
      return changed.replaced;
    }
    const plan = repos.actionPlans.byCase(agendaCase.id);
    const rowAt = plan?.rows.findIndex((candidate) => candidate.id === place.rowId) ?? -1;
    const planRow = plan?.rows[rowAt];
    if (!plan || !planRow) throw errors.notFound('That action');
    const value = planRow[place.field];
    const changed = replaceFindings(value, keep(findPersonalData(value)), key, replacement);
    if (changed.replaced === 0) throw gone();
    if (changed.text.length > ACTION_PLAN_LIMITS[place.field])
      throw errors.field('too_long', 'replacement', 'That would make the action too long. Use Edit instead.');
    const rows = plan.rows.map((candidate, index) =>
      index === rowAt ? { ...candidate, [place.field]: changed.text } : candidate,
    );
    const written = writePlan(deps, {
      caseId: agendaCase.id,
      fromVersion: plan.version,
      rows,
      liveSessionId: row.id,
      sessionId: row.id,
      userId,
      actor,
      now,
    });
    if (!written.ok) throw errors.refused(409, written);
    return changed.replaced;
  }

  return new Hono<AppEnv>()
    .get('/sessions/:id/cases/:caseId/privacy-check', async (c) => {
      const row = sessionFor(c, repos, 'session.run');
      const agendaCase = liveCase(row, c.req.param('caseId'));
      return c.json(await caseFindings(deps, meetings.state(row.id), agendaCase));
    })
    .post('/sessions/:id/cases/:caseId/privacy-check/replace', async (c) => {
      const row = sessionFor(c, repos, 'session.run');
      const { user } = requireActor(c);
      const body = parseBody(privacyReplaceRequestSchema, await readJson(c));
      const agendaCase = liveCase(row, c.req.param('caseId'));
      // What goes in is checked too: a replacement that itself looks like personal data would only move the problem.
      if (keepFor(repos, agendaCase.id)(findPersonalData(body.replacement)).length > 0)
        throw errors.field('personal_data', 'replacement', 'That looks like personal data too. Use other words.');
      const replaced = await replace(row, agendaCase, body, user.id);
      repos.audit.record({
        actorId: user.id,
        action: 'changed',
        entity: 'case',
        entityId: agendaCase.id,
        detail: `personal data replaced in ${body.place.type}: ${body.kind} (${replaced})`,
      });
      return c.json({ replaced, ...(await caseFindings(deps, meetings.state(row.id), agendaCase)) });
    })
    .post('/sessions/:id/cases/:caseId/privacy-check/keep', async (c) => {
      const row = sessionFor(c, repos, 'session.run');
      const { user } = requireActor(c);
      parseBody(keepRequestSchema, await readJson(c));
      const agendaCase = liveCase(row, c.req.param('caseId'));
      const { findings } = await caseFindings(deps, meetings.state(row.id), agendaCase);
      const now = Date.now();
      if (findings.length > 0) {
        repos.transaction(() => {
          repos.privacy.setToCheck(agendaCase.id, 'minutes', findings.length, now);
          repos.audit.record({
            actorId: user.id,
            action: 'privacy.unchecked',
            entity: 'case',
            entityId: agendaCase.id,
            detail: `minutes kept without checking: ${findings.length} to check`,
            now,
          });
        });
      }
      return c.json({ toCheck: findings.length });
    });
}
