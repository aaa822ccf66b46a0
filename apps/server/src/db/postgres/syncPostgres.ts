import { createRequire } from 'node:module';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { bind, type Translated, translate } from './translate.js';

/**
 * PostgreSQL behind the same synchronous calls as better-sqlite3, so every repository, the meeting's
 * append-before-relay in one turn, and the notes' group commit run unchanged on either store.
 *
 * How: one worker thread holds one PostgreSQL connection (`pg`). A statement is posted to it, and the event loop
 * waits (Atomics.wait on a shared flag) until the worker has the answer, which it then reads synchronously
 * (receiveMessageOnPort). Statements of this node therefore run one at a time, in the order they were called, on one
 * connection: a transaction is simply BEGIN … COMMIT on it, nested ones are savepoints.
 *
 * The price: the event loop waits for each round trip to PostgreSQL (~0.1 ms on one machine, more across a network;
 * see "PostgreSQL" in AGENTS.md for what it costs), where SQLite costs a few microseconds.
 */

/** Longest a statement may take before the node gives up on it (PostgreSQL's statement_timeout is set to it too). */
const STATEMENT_TIMEOUT_MS = 30_000;

/** The worker: plain CommonJS run by `eval`, so the build needs no file for it. */
const SOURCE = `
const { workerData } = require('node:worker_threads');
const pg = require(workerData.pg);
pg.types.setTypeParser(20, Number);   // int8: ids, counts, ms timestamps
pg.types.setTypeParser(1700, Number); // numeric: SUM and AVG
pg.types.setTypeParser(114, (text) => text);  // json: as text, as SQLite answers it (the repositories parse it)
pg.types.setTypeParser(3802, (text) => text); // jsonb
const flag = new Int32Array(workerData.flag);
const port = workerData.port;
let client = null;
let generation = 0;
async function connection() {
  if (client) return client;
  const fresh = new pg.Client({ connectionString: workerData.url, connectionTimeoutMillis: 10000 });
  // A connection that fails between statements is replaced at the next one.
  fresh.on('error', () => { if (client === fresh) client = null; });
  await fresh.connect();
  await fresh.query('SET statement_timeout = ' + workerData.timeoutMs);
  generation += 1;
  client = fresh;
  return fresh;
}
const toBuffer = (value) => (value instanceof Uint8Array && !Buffer.isBuffer(value) ? Buffer.from(value.buffer, value.byteOffset, value.byteLength) : value);
port.on('message', async (message) => {
  let answer;
  try {
    const db = await connection();
    const result = message.values
      ? await db.query({ text: message.text, values: message.values.map(toBuffer), name: message.name, rowMode: message.rowMode })
      : await db.query(message.text);
    const last = Array.isArray(result) ? result[result.length - 1] : result;
    answer = { id: message.id, rows: last.rows, rowCount: last.rowCount ?? 0, generation };
  } catch (error) {
    answer = { id: message.id, error: { message: error.message, code: error.code, detail: error.detail } };
    // Not PostgreSQL refusing a statement (a SQLSTATE of its own) but the connection failing: start a new one.
    const sqlstate = /^[0-9A-Z]{5}$/.test(error.code || '') ? error.code : null;
    if (client && (!sqlstate || sqlstate.startsWith('08') || sqlstate.startsWith('57P'))) {
      client.end().catch(() => {});
      client = null;
    }
  }
  port.postMessage(answer);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});
`;

export class PostgresError extends Error {
  constructor(
    message: string,
    readonly code?: string,
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'PostgresError';
  }
}

interface Answer {
  id: number;
  /** Which connection answered: a new one means the previous one (and its session-level locks) is gone. */
  generation?: number;
  rows?: unknown[];
  rowCount?: number;
  error?: { message: string; code?: string; detail?: string };
}

export interface RunResult {
  changes: number;
  lastInsertRowid: number;
}

/** Buffers as better-sqlite3 gives them (a thread hands them over as plain Uint8Arrays). */
function restoreBuffers(row: unknown): unknown {
  if (row === null || typeof row !== 'object') return row;
  const record = row as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const value = record[key];
    if (value instanceof Uint8Array && !Buffer.isBuffer(value))
      record[key] = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  }
  return record;
}

/** One statement, prepared once (translated, and named so PostgreSQL parses it once per connection). */
export class PgStatement {
  private plucked = false;

  constructor(
    private readonly db: SyncPostgres,
    private readonly translated: Translated,
    private readonly name: string,
  ) {}

  /** Answers with the first column's value instead of the row (better-sqlite3's `pluck`). */
  pluck(toggle = true): this {
    this.plucked = toggle;
    return this;
  }

  run(...params: unknown[]): RunResult {
    const answer = this.db.call(this.translated.text, bind(this.translated, params), this.name);
    const db = this.db;
    return {
      changes: answer.rowCount ?? 0,
      // Asked for only by the few inserts that need the id their identity column gave.
      get lastInsertRowid() {
        const row = db.call('SELECT lastval() AS id', []).rows?.[0] as { id: number } | undefined;
        if (!row) throw new PostgresError('no id was given by that insert');
        return Number(row.id);
      },
    };
  }

  get(...params: unknown[]): unknown {
    return this.all(...params)[0];
  }

  all(...params: unknown[]): unknown[] {
    const rows = (this.db.call(this.translated.text, bind(this.translated, params), this.name).rows ?? []).map(
      restoreBuffers,
    );
    if (!this.plucked) return rows;
    return rows.map((row) => Object.values(row as Record<string, unknown>)[0]);
  }

  iterate(...params: unknown[]): IterableIterator<unknown> {
    return this.all(...params)[Symbol.iterator]();
  }
}

/**
 * A PostgreSQL database with better-sqlite3's synchronous surface (`prepare`, `exec`, `transaction`), as far as
 * the repositories use it.
 */
export class SyncPostgres {
  readonly dialect = 'postgres' as const;
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly flag = new Int32Array(new SharedArrayBuffer(4));
  private nextId = 0;
  private depth = 0;
  private readonly names = new Map<string, string>();
  private closed = false;
  private generation = 0;
  private readonly reconnectListeners: (() => void)[] = [];

  constructor(url: string) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(SOURCE, {
      eval: true,
      workerData: {
        url,
        pg: createRequire(import.meta.url).resolve('pg'),
        flag: this.flag.buffer,
        port: port2,
        timeoutMs: STATEMENT_TIMEOUT_MS,
      },
      transferList: [port2],
    });
    this.worker.unref();
    this.port.unref();
  }

  /** Runs one statement and waits for its answer; throws PostgreSQL's error as a PostgresError. */
  call(text: string, values: unknown[] | null, name?: string): Answer {
    if (this.closed) throw new PostgresError('the database is closed');
    this.nextId += 1;
    const id = this.nextId;
    Atomics.store(this.flag, 0, 0);
    this.port.postMessage({ id, text, values, name });
    const deadline = Date.now() + STATEMENT_TIMEOUT_MS + 5_000;
    for (;;) {
      const left = deadline - Date.now();
      if (left <= 0) throw new PostgresError(`PostgreSQL did not answer within ${STATEMENT_TIMEOUT_MS / 1000} s`);
      Atomics.wait(this.flag, 0, 0, left);
      const received = receiveMessageOnPort(this.port);
      if (!received) continue;
      const answer = received.message as Answer;
      // An answer to a statement given up on earlier: not this one's.
      if (answer.id !== id) {
        Atomics.store(this.flag, 0, 0);
        continue;
      }
      if (answer.error) throw new PostgresError(answer.error.message, answer.error.code, answer.error.detail);
      if (answer.generation !== undefined && answer.generation !== this.generation) {
        const replaced = this.generation !== 0;
        this.generation = answer.generation;
        if (replaced) for (const listener of this.reconnectListeners) listener();
      }
      return answer;
    }
  }

  /** Told when a statement ran on a new connection: what the previous one held (advisory locks) is gone. */
  onReconnect(listener: () => void): void {
    this.reconnectListeners.push(listener);
  }

  prepare(sql: string): PgStatement {
    const translated = translate(sql);
    let name = this.names.get(translated.text);
    if (!name) {
      name = `s${this.names.size + 1}`;
      this.names.set(translated.text, name);
    }
    return new PgStatement(this, translated, name);
  }

  /** Runs statements with no parameters (several at once, as SQLite's exec does). */
  exec(sql: string): void {
    this.call(sql, null);
  }

  /**
   * Wraps a function in a transaction, as better-sqlite3's `db.transaction(fn)` does: all of it is written, or
   * none; called inside another, it is a savepoint of that one.
   */
  transaction<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
    return (...args: A): R => {
      const savepoint = this.depth > 0 ? `sp${this.depth}` : null;
      this.call(savepoint ? `SAVEPOINT ${savepoint}` : 'BEGIN', null);
      this.depth += 1;
      try {
        const result = fn(...args);
        this.depth -= 1;
        this.call(savepoint ? `RELEASE SAVEPOINT ${savepoint}` : 'COMMIT', null);
        return result;
      } catch (error) {
        this.depth -= 1;
        try {
          this.call(savepoint ? `ROLLBACK TO SAVEPOINT ${savepoint}` : 'ROLLBACK', null);
          if (savepoint) this.call(`RELEASE SAVEPOINT ${savepoint}`, null);
        } catch {
          // The connection is gone: PostgreSQL rolled the transaction back itself.
        }
        throw error;
      }
    };
  }

  get inTransaction(): boolean {
    return this.depth > 0;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.port.close();
    void this.worker.terminate();
  }
}

/**
 * Whether a repository's database is PostgreSQL: for the few statements whose meaning differs between the stores
 * (full-text search), which a repository therefore writes once for each.
 */
export function isPostgres(db: unknown): db is SyncPostgres {
  return db instanceof SyncPostgres;
}
