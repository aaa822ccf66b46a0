/** Versioned schema changes, applied in order once each. Never edit a shipped migration: add one. */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'accounts, sessions and the meeting event log',
    sql: `
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        email TEXT NOT NULL UNIQUE,
        password_hash TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin', 'ep', 'senco')),
        created_at INTEGER NOT NULL,
        deactivated_at INTEGER
      );
      CREATE TABLE auth_sessions (
        token_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX auth_sessions_user ON auth_sessions(user_id);
      CREATE TABLE consult_sessions (
        id TEXT PRIMARY KEY,
        locality TEXT NOT NULL,
        date TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('draft', 'live', 'ended')),
        facilitator_id TEXT NOT NULL REFERENCES users(id),
        join_code TEXT,
        created_at INTEGER NOT NULL,
        started_at INTEGER,
        ended_at INTEGER
      );
      CREATE UNIQUE INDEX consult_sessions_live_code ON consult_sessions(join_code) WHERE status = 'live';
      CREATE TABLE session_cases (
        id TEXT PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES consult_sessions(id) ON DELETE CASCADE,
        reference TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('child', 'topic')),
        position INTEGER NOT NULL
      );
      CREATE INDEX session_cases_session ON session_cases(session_id, position);
      CREATE TABLE meeting_events (
        session_id TEXT NOT NULL REFERENCES consult_sessions(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        type TEXT NOT NULL,
        body TEXT NOT NULL,
        command_id TEXT,
        actor TEXT NOT NULL,
        at INTEGER NOT NULL,
        PRIMARY KEY (session_id, seq)
      );
      CREATE UNIQUE INDEX meeting_events_command ON meeting_events(session_id, command_id) WHERE command_id IS NOT NULL;
      CREATE TABLE participants (
        id TEXT PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        session_id TEXT NOT NULL REFERENCES consult_sessions(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'co-edited notes: the Yjs update log, snapshots and notes tokens',
    sql: `
      CREATE TABLE notes_updates (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        doc_name TEXT NOT NULL,
        data BLOB NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX notes_updates_doc ON notes_updates(doc_name, id);
      CREATE TABLE notes_snapshots (
        doc_name TEXT PRIMARY KEY,
        state BLOB NOT NULL,
        upto_id INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE TABLE notes_tokens (
        token_hash TEXT PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES consult_sessions(id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('facilitator', 'projector')),
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX notes_tokens_expiry ON notes_tokens(expires_at);
    `,
  },
];
