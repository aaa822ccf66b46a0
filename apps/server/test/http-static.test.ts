import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseEncoding, type StaticFile } from '../src/http/staticFiles.js';
import { startTestServer, tempDataDir } from './helpers/testServer.js';

/** A built web app as `vite build` leaves it: each text file beside its brotli and gzip copies. */
function fakeBuild(): { dist: string; script: Buffer; css: Buffer; html: Buffer } {
  const dist = tempDataDir();
  fs.mkdirSync(path.join(dist, 'assets'));
  const script = Buffer.from(`export const cards = [${'"Movement break before maths", '.repeat(200)}];\n`);
  const css = Buffer.from(`.card { margin: 0; }\n${'.note-colour-1 { color: #123456; }\n'.repeat(100)}`);
  const html = Buffer.from(
    `<!doctype html><html><head><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body>${' '.repeat(600)}</body></html>`,
  );
  const write = (name: string, body: Buffer) => {
    const file = path.join(dist, name);
    fs.writeFileSync(file, body);
    fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(body));
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(body));
  };
  write('assets/index-Ab12Cd34.js', script);
  write('assets/index-Ef56Gh78.css', css);
  write('index.html', html);
  write('sw.js', script);
  fs.writeFileSync(path.join(dist, 'assets/logo-Ij90Kl12.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  return { dist, script, css, html };
}

/** A raw GET (no automatic decompression), as a browser sends it. */
function get(url: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const request = http.request(url, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
    });
    request.on('error', reject);
    request.end();
  });
}

let server: Awaited<ReturnType<typeof startTestServer>>;
let build: ReturnType<typeof fakeBuild>;

beforeAll(async () => {
  build = fakeBuild();
  server = await startTestServer(undefined, { webDist: build.dist });
});
afterAll(async () => {
  await server.close();
});

describe('the built web app, compressed ahead of time', () => {
  it('sends brotli to a browser that accepts it, with its type, Vary and a year of immutable caching', async () => {
    const response = await get(`${server.url}/assets/index-Ab12Cd34.js`, {
      'Accept-Encoding': 'gzip, deflate, br, zstd',
    });
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(response.headers.vary).toBe('Accept-Encoding');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(Number(response.headers['content-length'])).toBe(response.body.byteLength);
    expect(response.body.byteLength).toBeLessThan(build.script.byteLength / 4);
    expect(zlib.brotliDecompressSync(response.body)).toEqual(build.script);
  });

  it('sends gzip to a browser that accepts only gzip', async () => {
    const response = await get(`${server.url}/assets/index-Ef56Gh78.css`, { 'Accept-Encoding': 'gzip' });
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(response.headers.vary).toBe('Accept-Encoding');
    expect(zlib.gunzipSync(response.body)).toEqual(build.css);
  });

  it('sends the plain bytes to a client that accepts no encoding, or refuses them with q=0', async () => {
    const cases: Record<string, string>[] = [
      {},
      { 'Accept-Encoding': 'identity' },
      { 'Accept-Encoding': 'br;q=0, gzip;q=0' },
    ];
    for (const headers of cases) {
      const response = await get(`${server.url}/assets/index-Ab12Cd34.js`, headers);
      expect(response.headers['content-encoding']).toBeUndefined();
      expect(response.headers.vary).toBe('Accept-Encoding');
      expect(response.body).toEqual(build.script);
    }
  });

  it('revalidates the page and the service worker on every use, compressed too', async () => {
    for (const pathname of ['/', '/join/ABC123', '/index.html']) {
      const response = await get(`${server.url}${pathname}`, { 'Accept-Encoding': 'br, gzip' });
      expect(response.status).toBe(200);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['content-encoding']).toBe('br');
      expect(zlib.brotliDecompressSync(response.body)).toEqual(build.html);
      // The secure headers still apply to the page.
      expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    }
    const worker = await get(`${server.url}/sw.js`, { 'Accept-Encoding': 'gzip' });
    expect(worker.headers['cache-control']).toBe('no-cache');
    expect(worker.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(zlib.gunzipSync(worker.body)).toEqual(build.script);
  });

  it('sends a file with no compressed copy as it is, and a missing asset as a 404, never as the page', async () => {
    const image = await get(`${server.url}/assets/logo-Ij90Kl12.png`, { 'Accept-Encoding': 'br, gzip' });
    expect(image.headers['content-encoding']).toBeUndefined();
    expect(image.headers.vary).toBeUndefined();
    expect(image.headers['content-type']).toBe('image/png');
    const missing = await get(`${server.url}/assets/index-00000000.js`, { 'Accept-Encoding': 'br' });
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toContain('application/json');
  });

  it('answers HEAD with the headers and no body', async () => {
    const response = await get(`${server.url}/assets/index-Ab12Cd34.js`, { 'Accept-Encoding': 'br' }, 'HEAD');
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.body.byteLength).toBe(0);
  });
});

describe('chooseEncoding', () => {
  const file: StaticFile = {
    type: 'text/javascript',
    plain: Buffer.from('x'),
    br: Buffer.from('b'),
    gzip: Buffer.from('g'),
    cacheControl: 'no-cache',
  };
  it('prefers brotli, honours q=0 and *, and falls back to gzip or nothing', () => {
    expect(chooseEncoding('gzip, br', file)).toBe('br');
    expect(chooseEncoding('br;q=0, gzip', file)).toBe('gzip');
    expect(chooseEncoding('*', file)).toBe('br');
    expect(chooseEncoding('*;q=0', file)).toBeNull();
    expect(chooseEncoding('deflate', file)).toBeNull();
    expect(chooseEncoding(undefined, file)).toBeNull();
    expect(chooseEncoding('gzip, br', { ...file, br: null })).toBe('gzip');
  });
});
