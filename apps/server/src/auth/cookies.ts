/** The name of the signed-in session cookie. */
export const SESSION_COOKIE = 'cb_session';
export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** Reads one cookie from a raw Cookie header (the socket handshake has no framework to do it). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    if (part.slice(0, index).trim() === name) return decodeURIComponent(part.slice(index + 1).trim());
  }
  return undefined;
}
