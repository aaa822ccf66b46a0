import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, Browser, setUpAdmin } from './helpers/http.js';
import { startTestServer } from './helpers/testServer.js';
import { buildWorld, PASSWORD, type World } from './helpers/world.js';

// Issue 8, item 6: a school or an EPS office is one address. Guessing one account's password must be slowed down
// without locking out everyone else behind that address, and only a configured proxy may name the client.

type Server = Awaited<ReturnType<typeof startTestServer>>;

async function signIn(server: Server, email: string, password: string, headers: Record<string, string> = {}) {
  return new Browser(server.url).post('/api/auth/sign-in', { email, password }, headers);
}

describe('signing in behind one address', () => {
  let server: Server;
  let world: World;
  beforeAll(async () => {
    server = await startTestServer();
    world = await buildWorld(server.url);
  });
  afterAll(async () => {
    await server.close();
  });

  it("lets the admin sign in after 60 of a colleague's failed sign-ins from the same address", async () => {
    // A colleague guesses at twelve accounts, five times each: every one a real failure, none yet held back.
    for (let account = 0; account < 12; account++) {
      for (let guess = 0; guess < 5; guess++) {
        const email = account === 0 ? (world.north.senco.user?.email as string) : `colleague${account}@eps.example`;
        const result = await signIn(server, email, `guess ${guess}`);
        expect(result.status).toBe(401);
        expect(result.json.error.code).toBe('bad_credentials');
      }
    }
    // Then hammers one account: it is held back, and nobody else is.
    const statuses: number[] = [];
    for (let guess = 0; guess < 60; guess++)
      statuses.push((await signIn(server, world.north.senco.user?.email as string, `more ${guess}`)).status);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(55);

    const admin = await signIn(server, ADMIN.email, ADMIN.password);
    expect(admin.status).toBe(200);
    expect(admin.json.user.email).toBe(ADMIN.email);
    expect((await signIn(server, world.south.ep.user?.email as string, PASSWORD)).status).toBe(200);
  });

  it('holds one account back after five failures: 1 s, then 2 s, said in Retry-After, even for the right password', async () => {
    const email = world.south.senco.user?.email as string;
    for (let guess = 0; guess < 5; guess++) expect((await signIn(server, email, `guess ${guess}`)).status).toBe(401);
    const held = await signIn(server, email, PASSWORD);
    expect(held.status).toBe(429);
    expect(held.json.error.code).toBe('rate_limited');
    expect(held.headers.get('retry-after')).toBe('1');
    expect(held.json.error.message).toBe('Too many attempts to sign in. Wait 1 second and try again.');

    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await signIn(server, email, 'one more guess')).status).toBe(401);
    const longer = await signIn(server, email, PASSWORD);
    expect(longer.status).toBe(429);
    expect(longer.headers.get('retry-after')).toBe('2');

    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect((await signIn(server, email, PASSWORD)).status).toBe(200);
    // A success clears the account's count: five more failures before it is held back again.
    for (let guess = 0; guess < 5; guess++) expect((await signIn(server, email, `again ${guess}`)).status).toBe(401);
    expect((await signIn(server, email, PASSWORD)).status).toBe(429);
  });

  it('never counts a success', async () => {
    for (let i = 0; i < 20; i++)
      expect((await signIn(server, world.north.ep.user?.email as string, PASSWORD)).status).toBe(200);
  });
});

describe('the client address behind a proxy', () => {
  let direct: Server;
  let proxied: Server;
  beforeAll(async () => {
    direct = await startTestServer();
    proxied = await startTestServer(undefined, { trustProxy: { hops: 1 } });
    await setUpAdmin(direct.url);
    await setUpAdmin(proxied.url);
  });
  afterAll(async () => {
    await direct.close();
    await proxied.close();
  });

  it('ignores X-Forwarded-For without TRUST_PROXY: a made-up address per guess does not escape the limit', async () => {
    const statuses: number[] = [];
    for (let guess = 0; guess < 8; guess++) {
      const spoofed = { 'x-forwarded-for': `203.0.113.${guess + 1}` };
      statuses.push((await signIn(direct, ADMIN.email, `guess ${guess}`, spoofed)).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
  });

  it('takes the address the proxy appended with TRUST_PROXY=1, not one the client wrote before it', async () => {
    const school = { 'x-forwarded-for': '198.51.100.20' };
    for (let guess = 0; guess < 10; guess++) await signIn(proxied, ADMIN.email, `guess ${guess}`, school);
    expect((await signIn(proxied, ADMIN.email, ADMIN.password, school)).status).toBe(429);
    // The client behind the proxy writes its own X-Forwarded-For; the proxy appends the address it really came from.
    const spoofing = { 'x-forwarded-for': '192.0.2.99, 198.51.100.20' };
    expect((await signIn(proxied, ADMIN.email, ADMIN.password, spoofing)).status).toBe(429);
    // The same account from another school's address is its own count.
    const elsewhere = { 'x-forwarded-for': '198.51.100.21' };
    expect((await signIn(proxied, ADMIN.email, ADMIN.password, elsewhere)).status).toBe(200);
  });
});
