import type { IncomingMessage } from 'node:http';

/** Whether a browser's Origin header (if any) is our own site; the meeting gateway and the notes endpoint share it. */
export function originAllowed(request: IncomingMessage, publicUrl: string): boolean {
  const origin = request.headers.origin;
  if (!origin) return true; // not a browser (stock Node clients send none)
  if (origin === new URL(publicUrl).origin) return true;
  const host = request.headers.host;
  return host !== undefined && (origin === `http://${host}` || origin === `https://${host}`);
}
