import type { z } from 'zod';
import { errors } from './errors.js';

/** Parses a payload with a zod schema at the edge; a mismatch is a 400 naming each wrong field. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const result = schema.safeParse(body);
  if (!result.success) throw errors.invalidPayload(result.error);
  return result.data;
}
