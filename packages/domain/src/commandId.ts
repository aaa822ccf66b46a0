// The shape of a command id, without zod: the server's schema and the phone's stored outbox check it alike.
import { LIMITS } from './limits.js';

/** A command's id: 8 to 64 letters, digits, _ or -. A retried command carries the same one, so it applies once. */
export const COMMAND_ID_PATTERN = new RegExp(`^[A-Za-z0-9_-]{${LIMITS.commandId.min},${LIMITS.commandId.max}}$`);

/** Whether a value is a well-formed command id. */
export function isCommandId(value: unknown): value is string {
  return typeof value === 'string' && COMMAND_ID_PATTERN.test(value);
}
