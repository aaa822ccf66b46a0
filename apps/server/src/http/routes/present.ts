import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { hashToken, newToken } from '../../auth/tokens.js';
import { requireActor } from '../access.js';
import type { AppEnv, HttpDeps } from '../context.js';
import { errors } from '../errors.js';
import { retryLater } from '../middleware.js';
import { caseFor } from '../resources.js';

const TOO_MANY = 'Too many people joined this meeting just now. Wait a moment and try again.';

/**
 * Issue 9 item 3: a signed-in SENCO whose case is on the agenda of a live session opens the meeting from the case
 * page as the presenting SENCO. They get a phone's token, bound to their account: the meeting socket takes it only
 * beside their own sign-in cookie, and then lets them mark their own case's cards helpful.
 */
export function presentRoutes(deps: HttpDeps) {
  const { repos, meetings, limiters } = deps;
  return new Hono<AppEnv>().post('/cases/:id/present', (c) => {
    const caseRow = caseFor(c, repos, 'meeting.present');
    const { user } = requireActor(c);
    const session = caseRow.submitted_session_id ? repos.consultSessions.byId(caseRow.submitted_session_id) : undefined;
    const state = session ? meetings.state(session.id) : undefined;
    const onAgenda = state?.cases.some((agendaCase) => agendaCase.id === caseRow.id) ?? false;
    if (session?.status !== 'live' || !session.join_code || !onAgenda)
      throw errors.conflict('not_live', 'The meeting for this case is not live.');
    // The same budget as joining with the code: a flood of presenting tokens is refused like one of phones.
    const wait = limiters.joinsPerCode.waitMs(session.id);
    if (wait > 0) throw retryLater(c, wait, TOO_MANY);
    limiters.joinsPerCode.take(session.id);
    const token = newToken();
    repos.participants.insertPresenter(randomUUID(), hashToken(token), session.id, user.name, user.id, Date.now());
    return c.json({ token, sessionId: session.id, name: user.name, code: session.join_code });
  });
}
