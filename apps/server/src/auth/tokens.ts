import { createHash, randomBytes } from 'node:crypto';

/** A fresh bearer secret (cookie or phone token). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens are stored only as their hash, so a copy of the database holds no usable credential. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
