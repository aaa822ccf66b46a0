import type { IncomingMessage } from 'node:http';

/**
 * The browser origins that may use the API and the live sockets: PUBLIC_URL's origin and ALLOWED_ORIGINS. Without
 * PUBLIC_URL, the loopback names of the listening port (localhost, 127.0.0.1, [::1]), as on a developer's machine.
 * The Host header is never trusted for this: a rebound DNS name would make any page "same-origin".
 */
export function allowedOrigins(
  publicUrl: string | null,
  port: number,
  extra: readonly string[] = [],
): ReadonlySet<string> {
  const own = publicUrl
    ? [new URL(publicUrl).origin]
    : [`http://localhost:${port}`, `http://127.0.0.1:${port}`, `http://[::1]:${port}`];
  return new Set([...own, ...extra]);
}

/** Reads ALLOWED_ORIGINS: a comma-separated list of http(s) origins, each given as scheme, host and port only. */
export function parseAllowedOrigins(raw: string | undefined): string[] {
  const entries = (raw ?? '')
    .split(',')
    .map((entry) => entry.trim().replace(/\/+$/, ''))
    .filter((entry) => entry.length > 0);
  return entries.map((entry) => {
    const url = URL.canParse(entry) ? new URL(entry) : null;
    const bare = url && url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
    if (!url || !bare || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      throw new Error(`ALLOWED_ORIGINS must list origins such as https://consultboard.example, not "${entry}"`);
    }
    return url.origin;
  });
}

/** Whether a browser's Origin header (if any) is one of ours; a request without one is not from a browser page. */
export function isAllowedOrigin(origin: string | undefined, allowed: ReadonlySet<string>): boolean {
  return origin === undefined || origin === '' || allowed.has(origin);
}

/** The same check on an upgrade request: the meeting gateway and the notes endpoint share it. */
export function originAllowed(request: IncomingMessage, allowed: ReadonlySet<string>): boolean {
  return isAllowedOrigin(request.headers.origin, allowed);
}
