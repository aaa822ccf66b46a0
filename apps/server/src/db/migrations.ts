/** Migration 8's triggers: a case's plan, as its words, into the search entries of the case's minutes. */
const INDEX_PLAN = `UPDATE minutes_search SET plan = (
          SELECT COALESCE(group_concat(
            json_extract(value, '$.action') || ' ' || json_extract(value, '$.who') || ' ' ||
            json_extract(value, '$.successLooksLike'), ' '), '') FROM json_each(NEW.rows))
        WHERE rowid IN (SELECT n FROM minutes WHERE case_id = NEW.case_id);`;

/**
 * Migration 11's triggers: the directory services a case's plan links to, as the plan's rows name them (each row's
 * serviceId, once however many rows name it; only a row's text serviceId, so PostgreSQL's triggers find the same).
 */
const LINK_PLAN = `INSERT OR IGNORE INTO plan_services (case_id, entry_id)
          SELECT NEW.case_id, json_extract(value, '$.serviceId') FROM json_each(NEW.rows)
          WHERE json_type(NEW.rows) = 'array' AND json_type(value, '$.serviceId') = 'text';`;

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
  {
    version: 3,
    name: 'localities, schools, people, invitations, cases and the audit log',
    sql: `
      CREATE TABLE localities (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE schools (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        locality_id TEXT NOT NULL REFERENCES localities(id),
        created_at INTEGER NOT NULL,
        UNIQUE (locality_id, name)
      );
      ALTER TABLE users ADD COLUMN school_id TEXT REFERENCES schools(id);
      CREATE TABLE user_localities (
        user_id TEXT NOT NULL REFERENCES users(id),
        locality_id TEXT NOT NULL REFERENCES localities(id),
        PRIMARY KEY (user_id, locality_id)
      );
      CREATE TABLE invitations (
        token_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id),
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        used_at INTEGER
      );
      CREATE INDEX invitations_user ON invitations(user_id);

      ALTER TABLE consult_sessions ADD COLUMN locality_id TEXT REFERENCES localities(id);
      -- Sessions made before localities existed get a locality of their name; their EPs facilitate it.
      INSERT INTO localities (id, name, created_at)
        SELECT lower(hex(randomblob(16))), locality, MIN(created_at) FROM consult_sessions GROUP BY locality;
      UPDATE consult_sessions SET locality_id = (SELECT l.id FROM localities l WHERE l.name = consult_sessions.locality);
      INSERT OR IGNORE INTO user_localities (user_id, locality_id)
        SELECT DISTINCT s.facilitator_id, s.locality_id FROM consult_sessions s
        JOIN users u ON u.id = s.facilitator_id WHERE u.role = 'ep';
      CREATE INDEX consult_sessions_locality ON consult_sessions(locality_id, date);

      CREATE TABLE cases (
        id TEXT PRIMARY KEY,
        school_id TEXT NOT NULL REFERENCES schools(id),
        type TEXT NOT NULL CHECK (type IN ('child', 'group', 'class', 'school', 'locality')),
        reference TEXT NOT NULL,
        consent_given INTEGER NOT NULL DEFAULT 0,
        consent_date TEXT,
        preparation TEXT NOT NULL,
        submitted_session_id TEXT REFERENCES consult_sessions(id),
        created_by TEXT NOT NULL REFERENCES users(id),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX cases_school ON cases(school_id, created_at);
      CREATE INDEX cases_submitted ON cases(submitted_session_id);

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        actor_id TEXT,
        action TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT,
        detail TEXT
      );
      CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    `,
  },
  {
    version: 4,
    name: 'action plans and their reviews',
    sql: `
      CREATE TABLE action_plans (
        case_id TEXT PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
        rows TEXT NOT NULL,
        version INTEGER NOT NULL CHECK (version >= 1),
        session_id TEXT REFERENCES consult_sessions(id),
        updated_at INTEGER NOT NULL
      );
      CREATE TABLE reviews (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        review TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('continue', 'close', 'bring-back', 'request-ep')),
        reviewed_at INTEGER NOT NULL,
        reviewed_by TEXT NOT NULL REFERENCES users(id)
      );
      CREATE INDEX reviews_case ON reviews(case_id, id);
    `,
  },
  {
    version: 5,
    name: "a session's locality is its locality_id only: the legacy name column goes",
    sql: `
      -- Migration 3 gave every session of its day a locality; any written since without one gets it now, so
      -- no session loses the name it was scheduled under.
      INSERT OR IGNORE INTO localities (id, name, created_at)
        SELECT lower(hex(randomblob(16))), locality, MIN(created_at) FROM consult_sessions
        WHERE locality_id IS NULL GROUP BY locality;
      UPDATE consult_sessions SET locality_id = (SELECT l.id FROM localities l WHERE l.name = consult_sessions.locality)
        WHERE locality_id IS NULL;
      ALTER TABLE consult_sessions DROP COLUMN locality;
    `,
  },
  {
    version: 6,
    name: "issue 9: a locality's own stage template, and the presenting SENCO's participant bound to their account",
    sql: `
      -- A locality without a row here uses the default template (DEFAULT_STAGES); "Restore the default" deletes it.
      CREATE TABLE locality_templates (
        locality_id TEXT PRIMARY KEY REFERENCES localities(id) ON DELETE CASCADE,
        stages TEXT NOT NULL,
        updated_by TEXT REFERENCES users(id),
        updated_at INTEGER NOT NULL
      );
      -- Set only for a SENCO who joined from their case page: their token opens the meeting with their sign-in only.
      ALTER TABLE participants ADD COLUMN user_id TEXT REFERENCES users(id);
    `,
  },
  {
    version: 7,
    name: 'issue 10: the privacy guard: findings a user dismissed, and what each case still has to check',
    sql: `
      -- "This is not personal" / "Not personal": the same words of the same kind (findingKey) are not flagged again
      -- anywhere in this case.
      CREATE TABLE privacy_dismissals (
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        dismissed_by TEXT REFERENCES users(id),
        dismissed_at INTEGER NOT NULL,
        PRIMARY KEY (case_id, key)
      );
      -- "Personal data to check": undismissed findings per case and place (preparation, plan, review, notes, cards),
      -- or minutes kept without checking. A row is deleted when its count falls to 0.
      CREATE TABLE privacy_to_check (
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        place TEXT NOT NULL,
        count INTEGER NOT NULL CHECK (count > 0),
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (case_id, place)
      );
    `,
  },
  {
    version: 8,
    name: 'issue 12: the locality file: minutes per case and session, their full-text index, and how long they are kept',
    sql: `
      -- One row per case and session: a snapshot written when the meeting leaves the case (rewritten, never
      -- duplicated, when it comes back). \`n\` is the row's number in the search index; \`id\` is the address.
      CREATE TABLE minutes (
        n INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        session_id TEXT NOT NULL REFERENCES consult_sessions(id) ON DELETE CASCADE,
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        school_id TEXT NOT NULL REFERENCES schools(id),
        locality_id TEXT NOT NULL REFERENCES localities(id),
        session_date TEXT NOT NULL,
        reference TEXT NOT NULL,
        case_type TEXT NOT NULL,
        areas TEXT NOT NULL,
        written_at INTEGER NOT NULL,
        UNIQUE (session_id, case_id)
      );
      -- The snapshot itself (JSON), apart: a search reads thousands of the narrow rows above, never these.
      CREATE TABLE minutes_bodies (
        n INTEGER PRIMARY KEY REFERENCES minutes(n) ON DELETE CASCADE,
        body TEXT NOT NULL
      );
      CREATE INDEX minutes_date ON minutes(session_date, n);
      CREATE INDEX minutes_locality ON minutes(locality_id, session_date);
      CREATE INDEX minutes_school ON minutes(school_id, session_date);
      CREATE INDEX minutes_case ON minutes(case_id);
      -- The search index: one row per minutes (rowid = minutes.n), English words by their stem (Porter: "transitions"
      -- finds "transition"; no prefix queries, which made snippets cost 40 ms a page): the minutes' words, and the case's current
      -- plan and latest review (kept up to date by the triggers below, so every write of either is searchable).
      CREATE VIRTUAL TABLE minutes_search USING fts5(
        minutes, plan, review, tokenize = 'porter unicode61 remove_diacritics 2'
      );
      -- However minutes go (the purge, a case deleted), their search entry goes with them, in the same statement.
      CREATE TRIGGER minutes_search_gone AFTER DELETE ON minutes BEGIN
        DELETE FROM minutes_search WHERE rowid = OLD.n;
      END;
      CREATE TRIGGER minutes_search_plan AFTER UPDATE OF rows ON action_plans BEGIN
${INDEX_PLAN}
      END;
      CREATE TRIGGER minutes_search_plan_written AFTER INSERT ON action_plans BEGIN
${INDEX_PLAN}
      END;
      CREATE TRIGGER minutes_search_review AFTER INSERT ON reviews BEGIN
        UPDATE minutes_search SET review = (
          SELECT json_extract(NEW.review, '$.note') || ' ' || COALESCE(
            (SELECT group_concat(json_extract(value, '$.note'), ' ') FROM json_each(NEW.review, '$.actions')), ''))
        WHERE rowid IN (SELECT n FROM minutes WHERE case_id = NEW.case_id);
      END;
      -- How long minutes are kept after their session (one row; none: the default of 7 years).
      CREATE TABLE minutes_retention (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        years INTEGER NOT NULL CHECK (years BETWEEN 1 AND 50),
        updated_by TEXT REFERENCES users(id),
        updated_at INTEGER NOT NULL
      );
    `,
  },
  {
    version: 9,
    name: 'issue 12: the strategy bank: entries, their uses (chosen as helpful) and how each use worked out at review',
    sql: `
      -- One entry per locality, kind and normalised text (normaliseBankText): the same strategy chosen twice is two
      -- uses of one entry. The text shown is the first chosen.
      CREATE TABLE bank_entries (
        id TEXT PRIMARY KEY,
        locality_id TEXT NOT NULL REFERENCES localities(id),
        kind TEXT NOT NULL CHECK (kind IN ('strategy', 'resource')),
        text TEXT NOT NULL,
        norm TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        UNIQUE (locality_id, kind, norm)
      );
      -- A helpful card of a case, kept when the meeting left the case. session_id, case_id and card_id only link a
      -- use to its case (to replace it when the case is left again, and to find its plan rows at review); when the
      -- case is deleted (or its minutes purged: anonymiseCase) they are set to NULL and only anonymous counts stay:
      -- the case type, the areas of need, the half term (halfTermOf) and the outcomes. No school is ever kept.
      CREATE TABLE bank_uses (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        entry_id TEXT NOT NULL REFERENCES bank_entries(id) ON DELETE CASCADE,
        session_id TEXT,
        case_id TEXT,
        card_id TEXT,
        case_type TEXT NOT NULL CHECK (case_type IN ('child', 'group', 'class', 'school', 'locality')),
        half_term INTEGER NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX bank_uses_entry ON bank_uses(entry_id);
      CREATE INDEX bank_uses_case ON bank_uses(case_id, session_id);
      CREATE TABLE bank_use_areas (
        use_id INTEGER NOT NULL REFERENCES bank_uses(id) ON DELETE CASCADE,
        area TEXT NOT NULL,
        PRIMARY KEY (use_id, area)
      );
      CREATE INDEX bank_use_areas_area ON bank_use_areas(area, use_id);
      -- The impact the latest review gave each plan row drafted from a use's card (achieved / partly / not-yet).
      -- row_id is the plan row's own random id: it names no case.
      CREATE TABLE bank_outcomes (
        use_id INTEGER NOT NULL REFERENCES bank_uses(id) ON DELETE CASCADE,
        row_id TEXT NOT NULL,
        impact TEXT NOT NULL CHECK (impact IN ('achieved', 'partly', 'not-yet')),
        PRIMARY KEY (use_id, row_id)
      );
      -- A deleted case leaves its uses anonymous, whichever path deletes it.
      CREATE TRIGGER bank_uses_case_deleted AFTER DELETE ON cases
        BEGIN UPDATE bank_uses SET case_id = NULL, session_id = NULL, card_id = NULL WHERE case_id = OLD.id; END;
    `,
  },
  {
    version: 10,
    name: 'issue 13: the signposting directory (the local offer)',
    sql: `
      -- A service outside school, for one locality or (locality_id NULL) for all of them. Areas of need are a JSON
      -- array of AREAS_OF_NEED; ages in years (NULL: not said); last_checked is YYYY-MM-DD.
      CREATE TABLE directory_entries (
        id TEXT PRIMARY KEY,
        locality_id TEXT REFERENCES localities(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        offer TEXT NOT NULL,
        age_from INTEGER,
        age_to INTEGER,
        areas_of_need TEXT NOT NULL DEFAULT '[]',
        eligibility TEXT NOT NULL DEFAULT '',
        access TEXT NOT NULL,
        contact TEXT NOT NULL DEFAULT '',
        website TEXT NOT NULL DEFAULT '',
        last_checked TEXT NOT NULL,
        -- Lower-cased name, offer and area-of-need labels: what the search and the Resource box look in.
        search_text TEXT NOT NULL DEFAULT '',
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        updated_by TEXT REFERENCES users(id)
      );
      CREATE INDEX directory_entries_place ON directory_entries(locality_id, name COLLATE NOCASE, id);
    `,
  },
  {
    version: 11,
    name: "issue 13: the directory services each case's plan links to, kept beside the plan for the themes",
    sql: `
      -- One row per case and directory service its plan links to (a plan row's serviceId), so the themes count the
      -- services most used from an index instead of parsing every plan's JSON. Kept exactly in step with
      -- action_plans.rows by the triggers below, in the statement that writes the plan, whoever writes it. A plan
      -- (and so a case) deleted takes its rows with it. No foreign key to the directory: a plan keeps naming a
      -- service that has since gone, as its rows do; the themes join the directory and count only those that exist.
      CREATE TABLE plan_services (
        case_id TEXT NOT NULL REFERENCES action_plans(case_id) ON DELETE CASCADE,
        entry_id TEXT NOT NULL,
        -- The index the themes use: each consulted case's links, looked up by case (no index by entry_id: given
        -- one, SQLite walks every link in its order instead of the scope's sessions: 22 ms for one locality, not 1.5).
        PRIMARY KEY (case_id, entry_id)
      );
      CREATE TRIGGER plan_services_written AFTER INSERT ON action_plans BEGIN
        ${LINK_PLAN}
      END;
      CREATE TRIGGER plan_services_plan AFTER UPDATE OF case_id, rows ON action_plans BEGIN
        DELETE FROM plan_services WHERE case_id = OLD.case_id;
        ${LINK_PLAN}
      END;
      -- The plans written before this migration.
      INSERT OR IGNORE INTO plan_services (case_id, entry_id)
        SELECT p.case_id, json_extract(r.value, '$.serviceId') FROM action_plans p, json_each(p.rows) r
        WHERE json_type(p.rows) = 'array' AND json_type(r.value, '$.serviceId') = 'text';
    `,
  },
];
