import { PAGE_SIZE } from '@consultboard/domain';
import type { Context } from 'hono';
import { z } from 'zod';
import { type CursorShape, decodeCursor, type PageRequest } from '../db/paging.js';
import type { AppEnv } from './context.js';
import { errors } from './errors.js';
import { parseBody } from './validate.js';

const pageQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(PAGE_SIZE.max).default(PAGE_SIZE.default),
    cursor: z.string().min(1).max(512).optional(),
  })
  .strict();

/**
 * The page a list request asks for (`?limit=` and `?cursor=`), checked against the list's cursor shape. A list with
 * filters of its own names them in `filters`; they are checked by the list's schema, not here.
 */
export function pageRequest(c: Context<AppEnv>, shape: CursorShape, filters: readonly string[] = []): PageRequest {
  const { limit, cursor } = c.req.query();
  const unknown = Object.keys(c.req.query()).filter(
    (key) => key !== 'limit' && key !== 'cursor' && !filters.includes(key),
  );
  const query = parseBody(pageQuerySchema, {
    ...Object.fromEntries(unknown.map((key) => [key, c.req.query(key)])),
    ...(limit === undefined ? {} : { limit }),
    ...(cursor === undefined ? {} : { cursor }),
  });
  if (query.cursor === undefined) return { limit: query.limit, after: null };
  const after = decodeCursor(query.cursor, shape);
  if (!after) throw errors.field('invalid_cursor', 'cursor', 'That is not a place in this list. Start from the top.');
  return { limit: query.limit, after };
}
