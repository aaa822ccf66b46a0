import http from 'node:http';
import { notesDocName, PROTOCOL_VERSION, type SessionView } from '@consultboard/domain';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, joinAsPhone } from './helpers/http.js';
import { upgradeStatus } from './helpers/notes.js';
import { startTestServer } from './helpers/testServer.js';
import { buildSession, buildWorld } from './helpers/world.js';

// Issue 8, item 10: an Origin equal to the Host header was accepted, so a page on a DNS name rebound to the server
// (Host: evil.example, Origin: http://evil.example) passed. Only PUBLIC_URL's origin and ALLOWED_ORIGINS pass now,
// on the HTTP API, the meeting socket and the notes endpoint alike; clients that send no Origin are not browsers.

type Server = Awaited<ReturnType<typeof startTestServer>>;
type Headers = Record<string, string>;

/** A sign-in with the admin's right password, with headers fetch would not let us set (Host). */
function signInStatus(server: Server, headers: Headers): Promise<number> {
  const body = JSON.stringify({ email: ADMIN.email, password: ADMIN.password });
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${server.url}/api/auth/sign-in`,
      { method: 'POST', headers: { 'content-type': 'application/json', ...headers } },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** Whether a phone's meeting socket with these headers is let in. */
async function socketOutcome(server: Server, token: string, headers: Headers): Promise<string> {
  const socket = io(server.url, {
    transports: ['websocket'],
    reconnection: false,
    extraHeaders: headers,
    auth: { protocol: PROTOCOL_VERSION, lastSeq: 0, token },
  });
  const outcome = await new Promise<string>((resolve) => {
    socket.on('connect', () => resolve('connected'));
    socket.on('connect_error', () => resolve('refused'));
  });
  socket.close();
  return outcome;
}

/** A live session on the server, to knock on its doors. */
async function liveSession(server: Server): Promise<SessionView> {
  return buildSession(await buildWorld(server.url));
}

/** The three doors a browser page could knock on, each with the same headers. */
async function doors(server: Server, session: SessionView, headers: Headers) {
  const token = await joinAsPhone(server.url, session.joinCode as string);
  const notesPath = `/yjs/${notesDocName(session.cases[0]?.id as string)}?token=${token}`;
  return {
    http: await signInStatus(server, headers),
    socket: await socketOutcome(server, token, headers),
    notes: await upgradeStatus(server.url, notesPath, headers),
  };
}

describe('without PUBLIC_URL', () => {
  let server: Server;
  let session: SessionView;
  beforeAll(async () => {
    server = await startTestServer();
    session = await liveSession(server);
  });
  afterAll(async () => {
    await server.close();
  });

  it('refuses a rebound name whose Origin equals its Host, on the API, the meeting socket and the notes', async () => {
    expect(await doors(server, session, { host: 'evil.example', origin: 'http://evil.example' })).toEqual({
      http: 403,
      socket: 'refused',
      notes: 403,
    });
  });

  it('lets in pages from localhost and 127.0.0.1 of the listening port, and clients with no Origin', async () => {
    for (const host of ['localhost', '127.0.0.1']) {
      const origin = `http://${host}:${server.port}`;
      expect(await doors(server, session, { origin }), origin).toEqual({ http: 200, socket: 'connected', notes: 101 });
    }
    expect(await doors(server, session, {})).toEqual({ http: 200, socket: 'connected', notes: 101 });
  });
});

describe('with PUBLIC_URL and ALLOWED_ORIGINS', () => {
  let server: Server;
  let session: SessionView;
  beforeAll(async () => {
    server = await startTestServer(undefined, {
      publicUrl: 'https://consultboard.example',
      allowedOrigins: ['https://cb.school.example'],
    });
    session = await liveSession(server);
  });
  afterAll(async () => {
    await server.close();
  });

  it('lets in a page from an origin in ALLOWED_ORIGINS, whatever Host the proxy forwards', async () => {
    expect(await doors(server, session, { origin: 'https://cb.school.example' })).toEqual({
      http: 200,
      socket: 'connected',
      notes: 101,
    });
  });

  it('refuses a page whose Origin merely equals the Host it reached', async () => {
    const origin = `http://127.0.0.1:${server.port}`;
    expect(await doors(server, session, { origin })).toEqual({ http: 403, socket: 'refused', notes: 403 });
    expect(await doors(server, session, { host: 'evil.example', origin: 'http://evil.example' })).toEqual({
      http: 403,
      socket: 'refused',
      notes: 403,
    });
  });
});
