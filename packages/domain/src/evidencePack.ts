import { z } from 'zod';
import { text } from './textSchema.js';

/** How much one evidence pack may hold: the date range and the cases in it (the file is built in one export job). */
export const EVIDENCE_PACK_LIMITS = {
  /** The longest range, in days: three school years. */
  days: 3 * 366,
  /** The most cases one pack holds; a school with more in its range is asked for a shorter one. */
  cases: 100,
  /**
   * The most characters of plans and reviews one pack prints: what keeps the PDF's layout well within the export
   * time limit on a busy machine (`bench:evidence-worst`). A school's year of ordinary plans is a twentieth of it.
   */
  characters: 250_000,
} as const;

const day = text().pipe(z.iso.date({ message: 'Enter a date.' }));

/** GET /api/evidence-pack.(docx|pdf)?from=&to=: the school's cases whose consultation date is in the range. */
export const evidencePackQuerySchema = z
  .object({ from: day, to: day })
  .strict()
  .refine((range) => range.from <= range.to, { message: 'The start comes before the end.', path: ['to'] })
  .refine((range) => (Date.parse(range.to) - Date.parse(range.from)) / 86_400_000 <= EVIDENCE_PACK_LIMITS.days, {
    message: `Choose a range of at most ${EVIDENCE_PACK_LIMITS.days} days.`,
    path: ['to'],
  });
export type EvidencePackQuery = z.infer<typeof evidencePackQuerySchema>;
