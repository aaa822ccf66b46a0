import { z } from 'zod';
import { BANK_LIMITS } from './bankRules.js';
import { AREAS_OF_NEED, CASE_TYPES } from './caseLabels.js';
import { PAGE_SIZE } from './paging.js';
import { text } from './textSchema.js';

/** GET /api/bank's query: words to find, an area of need, a case type, and the page. */
export const bankQuerySchema = z
  .object({
    q: text().max(BANK_LIMITS.query, `Search for at most ${BANK_LIMITS.query} characters.`).optional(),
    area: z.enum(AREAS_OF_NEED).optional(),
    caseType: z.enum(CASE_TYPES).optional(),
    limit: z.coerce.number().int().min(1).max(PAGE_SIZE.max).default(PAGE_SIZE.default),
    cursor: text().min(1).max(512).optional(),
  })
  .strict();
export type BankQuery = z.infer<typeof bankQuerySchema>;
