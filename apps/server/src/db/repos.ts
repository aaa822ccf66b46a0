import { authSessionsRepo } from './authSessions.js';
import { consultSessionsRepo } from './consultSessions.js';
import type { Db } from './database.js';
import { meetingEventsRepo } from './meetingEvents.js';
import { notesRepo } from './notes.js';
import { notesTokensRepo } from './notesTokens.js';
import { participantsRepo } from './participants.js';
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
    /** Runs a function in one transaction: all of it is written, or none. */
    transaction: <T>(fn: () => T): T => db.transaction(fn)(),
  };
}
export type Repos = ReturnType<typeof createRepos>;
