import { z } from 'zod';
import type { ActionRow } from './actionPlanRules.js';
import { REVIEW_OUTCOMES } from './actionPlanRules.js';
import { AREAS_OF_NEED, type AreaOfNeed, CASE_TYPES, type CaseType } from './caseLabels.js';
import type { CardKind } from './stages.js';
import { text } from './textSchema.js';

/**
 * The locality file (issue 12): the minutes kept of each case discussed at a session, a snapshot taken when the
 * meeting leaves the case. They hold no participant's display name, no card's author and no hidden, held or
 * withdrawn card.
 */
export interface MinutesCard {
  kind: CardKind;
  text: string;
  helpful: boolean;
  /** The texts of the cards the EP merged into this one (each kept once, here). */
  merged: string[];
}

export interface MinutesStage {
  id: string;
  name: string;
  /** The stage's notes as lines (each paragraph a line, list items starting "- "). */
  notes: string[];
  cards: MinutesCard[];
}

/** What a case's minutes hold: the structured snapshot, from which the page, the files and the search text come. */
export interface MinutesBody {
  reference: string;
  caseType: CaseType;
  areasOfNeed: AreaOfNeed[];
  /** YYYY-MM-DD. */
  sessionDate: string;
  localityName: string;
  schoolName: string;
  /** The facilitating EP: an adult member of staff, named by their account. */
  facilitatorName: string;
  preparation: { currentSituation: string; triedSoFar: string; desiredSituation: string; aim: string };
  stages: MinutesStage[];
  /** The action plan as agreed in the room when the meeting left the case. */
  plan: Omit<ActionRow, 'id' | 'fromCardId'>[];
}

/** One case's minutes as the API answers them. */
export interface MinutesView {
  id: string;
  sessionId: string;
  caseId: string;
  localityId: string;
  writtenAt: number;
  minutes: MinutesBody;
}

/** A case listed under its session on the Locality file page. */
export interface MinutesListed {
  id: string;
  caseId: string;
  reference: string;
  caseType: CaseType;
  areasOfNeed: AreaOfNeed[];
}

/** A session of the locality file with the minutes of its cases the caller may read. */
export interface MinutesSession {
  id: string;
  date: string;
  localityName: string;
  facilitatorName: string;
  cases: MinutesListed[];
}

/** A part of a search result's words in context: `hit` marks the words that matched. */
export interface SnippetPart {
  text: string;
  hit: boolean;
}

export interface MinutesSearchResult {
  id: string;
  caseId: string;
  reference: string;
  caseType: CaseType;
  sessionDate: string;
  localityName: string;
  /** The matching words in context (empty when the search had no words, only filters). */
  snippet: SnippetPart[];
}

export const MINUTES_LIMITS = {
  /** The search box: longer text is refused with a message, never cut silently. */
  query: 200,
  /** Words of a search used (each must appear). */
  queryTerms: 12,
  retentionYears: { min: 1, max: 50, default: 7 },
} as const;

const date = z.iso.date({ message: 'Enter a date.' });
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

/** GET /api/minutes/search: the words and the filters, every one optional. */
export const minutesSearchSchema = z
  .object({
    q: text().max(MINUTES_LIMITS.query, `Keep the search to ${MINUTES_LIMITS.query} characters.`).default(''),
    localityId: optional(text().max(64)),
    from: optional(date),
    to: optional(date),
    caseType: optional(z.enum(CASE_TYPES)),
    area: optional(z.enum(AREAS_OF_NEED)),
    outcome: optional(z.enum(REVIEW_OUTCOMES)),
    requestedEp: optional(z.enum(['1'])),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: text().min(1).max(512).optional(),
  })
  .strict();
export type MinutesSearch = z.infer<typeof minutesSearchSchema>;

/** PUT /api/retention: how many years minutes are kept after their session. */
export const retentionRequestSchema = z
  .object({
    years: z
      .number()
      .int('Enter a whole number of years.')
      .min(MINUTES_LIMITS.retentionYears.min, `Keep minutes at least ${MINUTES_LIMITS.retentionYears.min} year.`)
      .max(MINUTES_LIMITS.retentionYears.max, `Keep minutes at most ${MINUTES_LIMITS.retentionYears.max} years.`),
  })
  .strict();
export type RetentionRequest = z.infer<typeof retentionRequestSchema>;

export interface RetentionView {
  years: number;
  updatedAt: number | null;
}

/**
 * The words of a search as FTS5 strings: each word quoted (a `"` inside doubled), so nothing a person types is
 * read as FTS5 syntax (`*`, `NEAR(`, `OR`, `AND NOT`, column filters). Words with no letter or digit are dropped.
 * Every word must appear (by its stem: the index is Porter's). Empty: nothing to match.
 */
export function ftsQuery(input: string): string {
  const words = input
    .split(/\s+/u)
    .filter((word) => /[\p{L}\p{N}]/u.test(word))
    .slice(0, MINUTES_LIMITS.queryTerms);
  return words.map((word) => `"${word.replace(/"/g, '""')}"`).join(' ');
}
