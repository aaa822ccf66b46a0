import fs from 'node:fs';
import path from 'node:path';
import type { Context } from 'hono';

/** The MIME types of what `vite build` writes. Anything else is sent as bytes. */
const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

export type Encoding = 'br' | 'gzip';

/** One file of the build, with the compressed copies written beside it at build time (`.br`, `.gz`). */
export interface StaticFile {
  type: string;
  plain: Buffer;
  br: Buffer | null;
  gzip: Buffer | null;
  cacheControl: string;
}

/** Hashed names never change content: cached for a year. Everything else is revalidated on every use. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/**
 * The built web app, read once at start: every file by its URL path. A `.br` or `.gz` beside a file is its
 * compressed copy, not a file of its own.
 */
export function loadStaticFiles(dist: string): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  const read = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file) : null);
  for (const file of walk(dist)) {
    if (file.endsWith('.br') || file.endsWith('.gz')) continue;
    const urlPath = `/${path.relative(dist, file).split(path.sep).join('/')}`;
    files.set(urlPath, {
      type: TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      plain: fs.readFileSync(file),
      br: read(`${file}.br`),
      gzip: read(`${file}.gz`),
      cacheControl: urlPath.startsWith('/assets/') ? IMMUTABLE : REVALIDATE,
    });
  }
  return files;
}

/**
 * The encoding to send from what the browser accepts: brotli before gzip when both are accepted (and the copy
 * exists), none when it accepts neither. `q=0` refuses an encoding.
 */
export function chooseEncoding(acceptEncoding: string | undefined, file: StaticFile): Encoding | null {
  if (!acceptEncoding) return null;
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((param) => /^\s*q=([0-9.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const weight = (name: string) => accepted.get(name) ?? (accepted.get('*') || 0);
  if (file.br && weight('br') > 0) return 'br';
  if (file.gzip && (weight('gzip') > 0 || weight('x-gzip') > 0)) return 'gzip';
  return null;
}

/** Answers with a built file: compressed when the browser accepts it, with its type and caching. */
export function sendStatic(c: Context, file: StaticFile): Response {
  const encoding = chooseEncoding(c.req.header('Accept-Encoding'), file);
  const body = encoding === 'br' ? file.br : encoding === 'gzip' ? file.gzip : file.plain;
  const headers: Record<string, string> = {
    'Content-Type': file.type,
    'Content-Length': String((body as Buffer).byteLength),
    'Cache-Control': file.cacheControl,
  };
  if (file.br || file.gzip) headers.Vary = 'Accept-Encoding';
  if (encoding) headers['Content-Encoding'] = encoding;
  for (const [name, value] of Object.entries(headers)) c.header(name, value);
  if (c.req.method === 'HEAD') return c.body(null, 200);
  return c.body(body as Uint8Array<ArrayBuffer>, 200);
}

function* walk(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile()) yield full;
  }
}
