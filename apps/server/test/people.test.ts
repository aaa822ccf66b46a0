import { notesDocName } from '@consultboard/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../src/auth/tokens.js';
import { createRepos } from '../src/db/repos.js';
import { Browser } from './helpers/http.js';
import { notesToken, openNotes, waitFor } from './helpers/notes.js';
import { connect } from './helpers/sockets.js';
import { openTestStore } from './helpers/store.js';
import { startTestServer } from './helpers/testServer.js';
import { accept, buildSession, buildWorld, invite, PASSWORD, type World } from './helpers/world.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let world: World;

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server.url);
});
afterAll(async () => {
  await server.close();
});

let count = 0;
const sencoInvite = () => {
  count += 1;
  return {
    role: 'senco' as const,
    name: `SENCO Invited ${count}`,
    email: `senco.invited${count}@school.example`,
    schoolId: world.north.school.id,
  };
};

/** Runs a function over the server's SQLite file, as a second connection would. */
function withRepos<T>(fn: (repos: ReturnType<typeof createRepos>) => T): T {
  const db = openTestStore(server.dataDir).db;
  try {
    return fn(createRepos(db));
  } finally {
    db.close();
  }
}

describe('invitations', () => {
  it('shows the link once, stores only its hash, and lets it set the password once', async () => {
    const body = sencoInvite();
    const invited = await invite(world.admin, body);
    expect(invited.inviteUrl).toBe(`http://localhost:${server.port}/invite/${invited.token}`);
    expect(invited.person).toMatchObject({
      email: body.email,
      role: 'senco',
      status: 'invited',
      schoolId: body.schoolId,
    });
    expect(invited.expiresAt - Date.now()).toBeGreaterThan(7 * 24 * 60 * 60_000 - 60_000);
    expect(invited.expiresAt - Date.now()).toBeLessThanOrEqual(7 * 24 * 60 * 60_000);
    const stored = withRepos((repos) => repos.db.prepare('SELECT token_hash FROM invitations').all()) as {
      token_hash: string;
    }[];
    expect(stored.some((row) => row.token_hash === invited.token)).toBe(false);
    expect(stored.some((row) => row.token_hash === hashToken(invited.token))).toBe(true);

    const anon = new Browser(server.url);
    expect((await anon.get(`/api/invitations/${invited.token}`)).json).toEqual({
      name: body.name,
      email: body.email,
      role: 'senco',
    });
    // Not signed in before the password is set.
    expect((await anon.post('/api/auth/sign-in', { email: body.email, password: '' })).status).toBe(400);
    const short = await anon.post(`/api/invitations/${invited.token}/accept`, { password: 'short' });
    expect(short.status).toBe(400);

    const senco = await accept(server.url, invited.token);
    const me = (await senco.get('/api/auth/me')).json.user;
    expect(me).toMatchObject({ role: 'senco', schoolId: body.schoolId, schoolLocalityId: world.north.locality.id });

    expect((await anon.get(`/api/invitations/${invited.token}`)).status).toBe(404);
    const again = await anon.post(`/api/invitations/${invited.token}/accept`, { password: 'another passphrase' });
    expect(again.status).toBe(404);

    const signIn = await new Browser(server.url).post('/api/auth/sign-in', { email: body.email, password: PASSWORD });
    expect(signIn.status).toBe(200);
    const people = (await world.admin.get('/api/people')).json.people as { email: string; status: string }[];
    expect(people.find((person) => person.email === body.email)?.status).toBe('active');
  });

  it('expires after seven days', async () => {
    const invited = await invite(world.admin, sencoInvite());
    withRepos((repos) => repos.invitations.setExpiry(hashToken(invited.token), Date.now() - 1));
    const anon = new Browser(server.url);
    expect((await anon.get(`/api/invitations/${invited.token}`)).status).toBe(404);
    expect((await anon.post(`/api/invitations/${invited.token}/accept`, { password: PASSWORD })).status).toBe(404);
  });

  it('refuses a taken e-mail, unknown places and wrong shapes, inviting nobody', async () => {
    const before = (await world.admin.get('/api/people')).json.people.length;
    const taken = await world.admin.post('/api/people/invite', { ...sencoInvite(), email: 'ep.north@eps.example' });
    expect(taken.status).toBe(409);
    expect((await world.admin.post('/api/people/invite', { ...sencoInvite(), schoolId: 'nowhere' })).status).toBe(400);
    const noLocality = { role: 'ep', name: 'EP New', email: 'ep.new@eps.example', localityIds: ['nowhere'] };
    expect((await world.admin.post('/api/people/invite', noLocality)).status).toBe(400);
    expect((await world.admin.post('/api/people/invite', { ...noLocality, localityIds: [] })).status).toBe(400);
    expect((await world.admin.post('/api/people/invite', { ...sencoInvite(), role: 'admin' })).status).toBe(400);
    expect((await world.admin.get('/api/people')).json.people.length).toBe(before);
  });
});

describe('deactivation', () => {
  it("ends the account's cookie, its meeting sockets and its notes at once", async () => {
    const invited = await invite(world.admin, {
      role: 'ep',
      name: 'EP Leaving',
      email: 'ep.leaving@eps.example',
      localityIds: [world.north.locality.id],
    });
    const leaving = await accept(server.url, invited.token);
    const session = await buildSession(world);
    const facilitator = await connect(
      server.url,
      { sessionId: session.id, role: 'facilitator' },
      { cookie: leaving.cookie },
    );
    const token = await notesToken(leaving, session.id, 'facilitator');
    const notes = await openNotes(server.url, notesDocName(session.cases[0]?.id as string), token);
    const dropped = new Promise<string>((resolve) => facilitator.socket.on('disconnect', (reason) => resolve(reason)));

    const result = await world.admin.post(`/api/people/${invited.person.id}/deactivate`);
    expect(result.status).toBe(200);
    expect(result.json.person.status).toBe('deactivated');

    expect(await dropped).toBe('io server disconnect');
    await waitFor(() => notes.closes.length > 0);
    expect(notes.closes[0]?.code).toBe(4403);
    expect((await leaving.get('/api/auth/me')).status).toBe(401);
    expect((await leaving.get('/api/sessions')).status).toBe(401);
    await expect(
      connect(server.url, { sessionId: session.id, role: 'facilitator' }, { cookie: leaving.cookie }),
    ).rejects.toMatchObject({ data: { code: 'unauthenticated' } });
    const signIn = await new Browser(server.url).post('/api/auth/sign-in', {
      email: 'ep.leaving@eps.example',
      password: PASSWORD,
    });
    expect(signIn.status).toBe(401);
    expect(
      withRepos((repos) =>
        repos.db.prepare('SELECT COUNT(*) AS n FROM notes_tokens WHERE user_id = ?').get(invited.person.id),
      ),
    ).toEqual({ n: 0 });
    notes.destroy();
    // Everyone else carries on.
    expect((await world.north.ep.get('/api/auth/me')).status).toBe(200);
  });

  it('refuses to deactivate the admin themselves, or anyone for a non-admin', async () => {
    const me = (await world.admin.get('/api/auth/me')).json.user;
    const self = await world.admin.post(`/api/people/${me.id}/deactivate`);
    expect(self.status).toBe(409);
    expect(self.json.error.code).toBe('cannot_deactivate_self');
    expect((await world.admin.get('/api/auth/me')).status).toBe(200);
    expect((await world.north.ep.post(`/api/people/${world.north.senco.userId}/deactivate`)).status).toBe(403);
    expect((await world.admin.post('/api/people/nobody/deactivate')).status).toBe(404);
  });
});
