import { randomUUID } from 'node:crypto';
import type { UserView } from '@consultboard/domain';
import { hashToken, newToken } from '../../src/auth/tokens.js';
import { createRepos } from '../../src/db/repos.js';
import { openTestStore } from './store.js';

/** A small HTTP client that keeps its sign-in cookie, like one browser. */
export class Browser {
  cookie: string | undefined;
  /** The account signed in on this browser, once known. */
  user: UserView | undefined;

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
    const bytes = Buffer.from(await response.arrayBuffer());
    const isJson = (response.headers.get('content-type') ?? '').includes('json');
    const json = isJson && bytes.length > 0 ? (JSON.parse(bytes.toString('utf8')) as Record<string, unknown>) : {};
    return { status: response.status, json: json as any, headers: response.headers, bytes };
  }

  get = (pathname: string) => this.request('GET', pathname);
  post = (pathname: string, body: unknown = {}, headers?: Record<string, string>) =>
    this.request('POST', pathname, body, headers);
  put = (pathname: string, body: unknown = {}) => this.request('PUT', pathname, body);
  delete = (pathname: string) => this.request('DELETE', pathname);

  /** This browser's account id (set once signed in through a factory). */
  get userId(): string {
    if (!this.user) throw new Error('this browser is not signed in through a factory');
    return this.user.id;
  }
}

/**
 * Every item of a paged list, following each answer's `next` cursor to the end (from a given cursor, or the
 * start); null when the list is refused. Throws on a cursor seen twice, so a paging bug cannot loop for ever.
 */
export async function listAll<T = { id: string }>(
  browser: Browser,
  path: string,
  key: string,
  from: string | null = null,
): Promise<T[] | null> {
  const items: T[] = [];
  const seen = new Set<string>();
  let cursor: string | null = from;
  do {
    const page =
      cursor === null ? path : `${path}${path.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}`;
    const result = await browser.get(page);
    if (result.status === 403) return null;
    if (result.status !== 200) throw new Error(`${page} answered ${result.status}: ${JSON.stringify(result.json)}`);
    items.push(...(result.json[key] as T[]));
    cursor = typeof result.json.next === 'string' ? result.json.next : null;
    if (cursor !== null && seen.has(cursor)) throw new Error(`${path} gave the cursor ${cursor} twice`);
    if (cursor !== null) seen.add(cursor);
  } while (cursor !== null);
  return items;
}

export const ADMIN = { name: 'EP Lead', email: 'ep.lead@eps.example', password: 'a long passphrase' };

/** Sets up the first account (an EPS admin who may facilitate) and returns its signed-in browser. */
export async function setUpAdmin(baseUrl: string): Promise<Browser> {
  const browser = new Browser(baseUrl);
  const result = await browser.post('/api/setup', ADMIN);
  if (result.status !== 201) throw new Error(`setup failed: ${JSON.stringify(result.json)}`);
  browser.user = result.json.user;
  return browser;
}

/** Joins a live session as a phone; returns its token. */
export async function joinAsPhone(baseUrl: string, code: string, name = 'SENCO A'): Promise<string> {
  const result = await new Browser(baseUrl).post('/api/join', { code, name });
  if (result.status !== 200) throw new Error(`join failed: ${JSON.stringify(result.json)}`);
  return result.json.token;
}

/**
 * Adds an account straight to the database, belonging nowhere, and returns a browser signed in as it:
 * for tests of accounts that no invitation made.
 */
export function accountBrowser(
  baseUrl: string,
  dataDir: string,
  account: { name: string; email: string; role: 'admin' | 'ep' | 'senco' },
): Browser {
  const db = openTestStore(dataDir).db;
  const browser = new Browser(baseUrl);
  try {
    const repos = createRepos(db);
    const id = randomUUID();
    const now = Date.now();
    repos.users.insert({ id, ...account, password_hash: 'not used', created_at: now });
    browser.user = { id, ...account };
    const token = newToken();
    repos.authSessions.insert(hashToken(token), id, now, now + 60 * 60_000);
    browser.cookie = `cb_session=${token}`;
    return browser;
  } finally {
    db.close();
  }
}
