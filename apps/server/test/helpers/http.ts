import { randomUUID } from 'node:crypto';
import type { SessionView } from '@consultboard/domain';
import { hashToken, newToken } from '../../src/auth/tokens.js';
import { openDatabase } from '../../src/db/database.js';
import { createRepos } from '../../src/db/repos.js';

/** A small HTTP client that keeps its sign-in cookie, like one browser. */
export class Browser {
  cookie: string | undefined;

  constructor(readonly baseUrl: string) {}

  async request(method: string, pathname: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(this.baseUrl + pathname, {
      method,
      headers: {
        ...(body !== undefined || method !== 'GET' ? { 'content-type': 'application/json' } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    const text = await response.text();
    const json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    return { status: response.status, json: json as any, headers: response.headers };
  }

  get = (pathname: string) => this.request('GET', pathname);
  post = (pathname: string, body: unknown = {}, headers?: Record<string, string>) =>
    this.request('POST', pathname, body, headers);
  delete = (pathname: string) => this.request('DELETE', pathname);
}

export const ADMIN = { name: 'EP Lead', email: 'ep.lead@eps.example', password: 'a long passphrase' };

/** Sets up the first account (an EPS admin who may facilitate) and returns its signed-in browser. */
export async function setUpAdmin(baseUrl: string): Promise<Browser> {
  const browser = new Browser(baseUrl);
  const result = await browser.post('/api/setup', ADMIN);
  if (result.status !== 201) throw new Error(`setup failed: ${JSON.stringify(result.json)}`);
  return browser;
}

/** Creates a session with cases on its agenda, started unless told otherwise. */
export async function buildSession(
  ep: Browser,
  overrides: { locality?: string; date?: string; cases?: string[]; start?: boolean } = {},
): Promise<SessionView> {
  const created = await ep.post('/api/sessions', {
    locality: overrides.locality ?? 'North East locality',
    date: overrides.date ?? '2026-11-23',
  });
  const id = created.json.session.id as string;
  for (const reference of overrides.cases ?? ['J5M', 'Year 3 transition']) {
    const added = await ep.post(`/api/sessions/${id}/cases`, { reference });
    if (added.status !== 201) throw new Error(`add case failed: ${JSON.stringify(added.json)}`);
  }
  if (overrides.start === false) return (await ep.get(`/api/sessions/${id}`)).json.session;
  const started = await ep.post(`/api/sessions/${id}/start`);
  if (started.status !== 200) throw new Error(`start failed: ${JSON.stringify(started.json)}`);
  return started.json.session;
}

/** Joins a live session as a phone; returns its token. */
export async function joinAsPhone(baseUrl: string, code: string, name = 'SENCO A'): Promise<string> {
  const result = await new Browser(baseUrl).post('/api/join', { code, name });
  if (result.status !== 200) throw new Error(`join failed: ${JSON.stringify(result.json)}`);
  return result.json.token;
}

/**
 * Adds an account straight to the database and returns a browser signed in as it (there is no
 * invitation route yet): for the tests of who may do what.
 */
export function accountBrowser(
  baseUrl: string,
  dataDir: string,
  account: { name: string; email: string; role: 'admin' | 'ep' | 'senco' },
): Browser {
  const db = openDatabase(dataDir);
  try {
    const repos = createRepos(db);
    const id = randomUUID();
    const now = Date.now();
    repos.users.insert({ id, ...account, password_hash: 'not used', created_at: now });
    const token = newToken();
    repos.authSessions.insert(hashToken(token), id, now, now + 60 * 60_000);
    const browser = new Browser(baseUrl);
    browser.cookie = `cb_session=${token}`;
    return browser;
  } finally {
    db.close();
  }
}
