import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, Browser, setUpAdmin } from './helpers/http.js';
import { startTestServer } from './helpers/testServer.js';
import { buildCase, buildSession, buildWorld, type World } from './helpers/world.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let ep: Browser;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

describe('first start and signing in', () => {
  it('answers health and asks for set-up on an empty database', async () => {
    const anon = new Browser(server.url);
    expect((await anon.get('/api/health')).status).toBe(200);
    expect((await anon.get('/api/setup')).json).toEqual({ needed: true });
    expect((await anon.get('/api/auth/me')).status).toBe(401);
  });

  it('refuses a weak set-up whole, then creates the first account as an admin and signs it in', async () => {
    const anon = new Browser(server.url);
    const weak = await anon.post('/api/setup', { ...ADMIN, password: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.json.error.fields.password).toMatch(/at least 10/);
    expect((await anon.get('/api/setup')).json.needed).toBe(true);

    ep = await setUpAdmin(server.url);
    const me = await ep.get('/api/auth/me');
    expect(me.json.user).toMatchObject({ email: ADMIN.email, role: 'admin', name: ADMIN.name });
    expect(me.json.user.password_hash).toBeUndefined();
    expect((await anon.get('/api/setup')).json.needed).toBe(false);
  });

  it('sets the session cookie httpOnly and SameSite, and never twice sets up', async () => {
    const other = new Browser(server.url);
    const again = await other.post('/api/setup', { ...ADMIN, email: 'second@eps.example' });
    expect(again.status).toBe(409);
    const signIn = await fetch(`${server.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: ADMIN.email.toUpperCase(), password: ADMIN.password }),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/cb_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('signs out, after which the cookie no longer works', async () => {
    const browser = new Browser(server.url);
    expect((await browser.post('/api/auth/sign-in', { email: ADMIN.email, password: ADMIN.password })).status).toBe(
      200,
    );
    const cookie = browser.cookie;
    expect((await browser.post('/api/auth/sign-out')).status).toBe(204);
    const stale = new Browser(server.url);
    stale.cookie = cookie;
    expect((await stale.get('/api/auth/me')).status).toBe(401);
  });

  it('refuses a wrong password with one message, and rate-limits guessing', async () => {
    const guesser = new Browser(server.url);
    const wrong = await guesser.post('/api/auth/sign-in', { email: ADMIN.email, password: 'not the password' });
    expect(wrong.status).toBe(401);
    expect(wrong.json.error.code).toBe('bad_credentials');
    const unknown = await guesser.post('/api/auth/sign-in', {
      email: 'nobody@eps.example',
      password: 'whatever it is',
    });
    expect(unknown.json.error.message).toBe(wrong.json.error.message);
    let last = 0;
    for (let i = 0; i < 10; i++) {
      last = (await guesser.post('/api/auth/sign-in', { email: ADMIN.email, password: `guess ${i}` })).status;
    }
    expect(last).toBe(429);
    // Even the right password waits while the account is held back (see http-sign-in-limits.test.ts).
    expect((await guesser.post('/api/auth/sign-in', { email: ADMIN.email, password: ADMIN.password })).status).toBe(
      429,
    );
  });
});

describe('sessions and the agenda', () => {
  let world: World;
  beforeAll(async () => {
    world = await buildWorld(server.url, { admin: ep });
  });

  it('schedules a session for a locality, builds its agenda from submitted cases, and starts it', async () => {
    const { ep: epNorth, senco, locality } = world.north;
    const created = await epNorth.post('/api/sessions', { localityId: locality.id, date: '2026-11-23' });
    expect(created.status).toBe(201);
    const id = created.json.session.id;
    expect(created.json.session).toMatchObject({
      status: 'draft',
      cases: [],
      joinCode: null,
      locality: locality.name,
      localityId: locality.id,
    });

    const noCases = await epNorth.post(`/api/sessions/${id}/start`);
    expect(noCases.status).toBe(400);
    expect(noCases.json.error.code).toBe('empty_agenda');

    const child = await buildCase(senco, { reference: 'j5m', submitTo: id });
    const topic = await buildCase(senco, { reference: 'Year 3 transition', submitTo: id });
    expect(child.reference).toBe('J5M');
    const agenda = await epNorth.put(`/api/sessions/${id}/agenda`, { caseIds: [topic.id, child.id] });
    expect(agenda.status).toBe(200);
    expect(agenda.json.session.cases).toMatchObject([
      { id: topic.id, reference: 'Year 3 transition', kind: 'topic', position: 0 },
      { id: child.id, reference: 'J5M', kind: 'child', position: 1 },
    ]);
    const started = await epNorth.post(`/api/sessions/${id}/start`);
    expect(started.status).toBe(200);
    const session = started.json.session;
    expect(session.status).toBe('live');
    expect(session.joinCode).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{6}$/);
    expect(session.joinUrl).toBe(`http://localhost:${server.port}/join/${session.joinCode}`);

    const afterStart = await epNorth.put(`/api/sessions/${id}/agenda`, { caseIds: [child.id] });
    expect(afterStart.status).toBe(409);
    expect((await epNorth.post(`/api/sessions/${id}/start`)).status).toBe(409);
    // The quick path of typing a reference onto the agenda is gone: the agenda comes from cases.
    expect((await epNorth.post(`/api/sessions/${id}/cases`, { reference: 'A2F' })).status).toBe(404);
  });

  it('refuses wrong shapes and unknown localities, changing nothing', async () => {
    const { ep: epNorth, locality } = world.north;
    const before = (await epNorth.get('/api/sessions')).json.sessions.length;
    const bodies = [
      { localityId: '', date: '2026-11-23' },
      { localityId: locality.id, date: '23/11/2026' },
      { localityId: locality.id, date: '2026-11-23', extra: true },
      { locality: 'North East locality', date: '2026-11-23' },
    ];
    for (const body of bodies) {
      const result = await epNorth.post('/api/sessions', body);
      expect(result.status, JSON.stringify(body)).toBe(400);
      expect(result.json.error.code).toBe('invalid_payload');
    }
    expect((await epNorth.post('/api/sessions', { localityId: 'no-such-locality', date: '2026-11-23' })).status).toBe(
      404,
    );
    const notJson = await epNorth.request('POST', '/api/sessions', '{"localityId":', {
      'content-type': 'application/json',
    });
    expect(notJson.status).toBe(400);
    expect((await epNorth.get('/api/sessions')).json.sessions.length).toBe(before);
  });

  it('keeps signed-out callers away from sessions', async () => {
    const anon = new Browser(server.url);
    expect((await anon.get('/api/sessions')).status).toBe(401);
    expect((await anon.post('/api/sessions', { localityId: world.north.locality.id, date: '2026-11-23' })).status).toBe(
      401,
    );
    const session = await buildSession(world, { start: false });
    expect((await anon.get(`/api/sessions/${session.id}`)).status).toBe(401);
    expect((await anon.post(`/api/sessions/${session.id}/start`)).status).toBe(401);
  });

  it('removes a case from a draft agenda', async () => {
    const session = await buildSession(world, { start: false, cases: ['A2F', 'B7X'] });
    const first = session.cases[0];
    const removed = await world.north.ep.delete(`/api/sessions/${session.id}/cases/${first?.id}`);
    expect(removed.json.session.cases.map((c: { reference: string }) => c.reference)).toEqual(['B7X']);
  });

  it('lists to each account only the sessions of its localities', async () => {
    const north = await buildSession(world, { start: false, cases: ['C3F'] });
    const south = await buildSession(world, { area: 'south', start: false, cases: ['D4M'] });
    const ids = async (browser: Browser) =>
      ((await browser.get('/api/sessions')).json.sessions as { id: string }[]).map((item) => item.id);
    for (const browser of [world.north.ep, world.north.senco]) {
      expect(await ids(browser)).toContain(north.id);
      expect(await ids(browser)).not.toContain(south.id);
    }
    expect(await ids(world.south.senco)).toContain(south.id);
    expect(await ids(world.south.senco)).not.toContain(north.id);
    expect(await ids(ep)).toEqual(expect.arrayContaining([north.id, south.id]));
  });
});

describe('joining from a phone', () => {
  let phoneWorld: World;
  beforeAll(async () => {
    phoneWorld = await buildWorld(server.url, { admin: ep });
  });

  it('joins a live session by code, forgiving spaces and lower case', async () => {
    const session = await buildSession(phoneWorld);
    const phone = new Browser(server.url);
    const code = session.joinCode as string;
    const typed = `${code.slice(0, 3).toLowerCase()} ${code.slice(3)}`;
    const joined = await phone.post('/api/join', { code: typed, name: '  SENCO   A ' });
    expect(joined.status).toBe(200);
    expect(joined.json).toMatchObject({ sessionId: session.id, name: 'SENCO A' });
    expect(joined.json.token.length).toBeGreaterThan(30);
  });

  it('refuses names that are empty or too long', async () => {
    const session = await buildSession(phoneWorld);
    const phone = new Browser(server.url);
    for (const name of ['', '   ', 'x'.repeat(41)]) {
      const result = await phone.post('/api/join', { code: session.joinCode, name });
      expect(result.status).toBe(400);
      expect(result.json.error.fields.name).toBeTruthy();
    }
  });

  it('refuses the code of a session that has not started', async () => {
    const draft = await buildSession(phoneWorld, { start: false });
    expect(draft.joinCode).toBeNull();
    const result = await new Browser(server.url).post('/api/join', { code: 'ACDEFG', name: 'SENCO A' });
    expect(result.status).toBe(404);
    expect(result.json.error.code).toBe('unknown_code');
    expect(result.json.error.message).toBe('That join code is not for a live session. Check it on the board.');
  });

  it('rate-limits wrong join codes per address', async () => {
    const session = await buildSession(phoneWorld);
    const phone = new Browser(server.url);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++)
      statuses.push((await phone.post('/api/join', { code: 'QQQQQQ', name: 'Guess' })).status);
    expect(statuses.slice(0, 9).every((status) => status === 404)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    // While limited, even the right code waits.
    expect((await phone.post('/api/join', { code: session.joinCode, name: 'SENCO B' })).status).toBe(429);
  });
});

describe('the edge', () => {
  it('refuses cross-site and non-JSON state changes', async () => {
    const crossSite = await ep.post(
      '/api/sessions',
      { locality: 'North', date: '2026-11-23' },
      { origin: 'https://evil.example' },
    );
    expect(crossSite.status).toBe(403);
    expect(crossSite.json.error.code).toBe('cross_site');
    const form = await ep.request('POST', '/api/sessions', 'locality=North', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);
  });

  it('refuses bodies over the size limit', async () => {
    const result = await ep.post('/api/sessions', { locality: 'x'.repeat(20_000), date: '2026-11-23' });
    expect(result.status).toBe(413);
  });

  it('sets security headers with a Content-Security-Policy without inline script', async () => {
    const response = await fetch(`${server.url}/api/health`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const result = await ep.get('/api/nothing-here');
    expect(result.status).toBe(404);
    expect(result.json.error.code).toBe('not_found');
  });
});
