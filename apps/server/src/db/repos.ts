import { actionPlansRepo } from './actionPlans.js';
import { auditRepo } from './audit.js';
import { authSessionsRepo } from './authSessions.js';
import { bankRepo } from './bank.js';
import { casesRepo } from './cases.js';
import { consultSessionsRepo } from './consultSessions.js';
import type { Db } from './database.js';
import { directoryRepo } from './directory.js';
import { evidenceRepo } from './evidence.js';
import { invitationsRepo } from './invitations.js';
import { localitiesRepo } from './localities.js';
import { meetingEventsRepo } from './meetingEvents.js';
import { minutesRepo } from './minutes.js';
import { notesRepo } from './notes.js';
import { notesTokensRepo } from './notesTokens.js';
import { participantsRepo } from './participants.js';
import { privacyRepo } from './privacy.js';
import { stageTemplatesRepo } from './stageTemplates.js';
import { themesRepo } from './themes.js';
import { usersRepo } from './users.js';

/** Every repository over one database: the only place SQL lives. */
export function createRepos(db: Db) {
  return {
    db,
    users: usersRepo(db),
    authSessions: authSessionsRepo(db),
    consultSessions: consultSessionsRepo(db),
    meetingEvents: meetingEventsRepo(db),
    participants: participantsRepo(db),
    notes: notesRepo(db),
    notesTokens: notesTokensRepo(db),
    localities: localitiesRepo(db),
    invitations: invitationsRepo(db),
    cases: casesRepo(db),
    audit: auditRepo(db),
    actionPlans: actionPlansRepo(db),
    stageTemplates: stageTemplatesRepo(db),
    privacy: privacyRepo(db),
    // Issue 12: the locality file.
    minutes: minutesRepo(db),
    bank: bankRepo(db),
    themes: themesRepo(db),
    evidence: evidenceRepo(db),
    directory: directoryRepo(db),
    /** Runs a function in one transaction: all of it is written, or none. */
    transaction: <T>(fn: () => T): T => db.transaction(fn)(),
  };
}
export type Repos = ReturnType<typeof createRepos>;
