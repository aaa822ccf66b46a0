import { z } from 'zod';
import { findingKey, PERSONAL_DATA_KINDS, type PersonalDataFinding } from './privacy/findings.js';
import { STAGE_ID_PATTERN } from './stageTemplate.js';
import { text } from './textSchema.js';

/**
 * Check before keeping (issue 10, item 4): before the minutes of a case are kept (Next case, End session), the EP is
 * shown every finding across the case's notes, its cards on the board and its draft action plan, each in its place.
 */

/** The plan fields that hold free text. */
export const PLAN_TEXT_FIELDS = ['action', 'who', 'successLooksLike'] as const;
export type PlanTextField = (typeof PLAN_TEXT_FIELDS)[number];

/** Where a finding stands: a stage's notes, a card on the board, or a row of the action plan. */
export type FindingPlace =
  | { type: 'notes'; stageId: string }
  | { type: 'card'; cardId: string }
  | { type: 'plan'; rowId: string; field: PlanTextField };

/** A few words either side of a finding, so the EP sees it in its sentence. */
export interface FindingContext {
  before: string;
  match: string;
  after: string;
}

/** One finding of the check, in its place. */
export interface PlacedFinding extends Pick<PersonalDataFinding, 'kind' | 'text' | 'reason'> {
  place: FindingPlace;
  /** Where, in words: "Notes, Current situation", "Card, Clarifying questions", "Action plan, row 2, Who". */
  placeLabel: string;
  context: FindingContext;
}

/** The answer of GET /api/sessions/:id/cases/:caseId/privacy-check. */
export interface PrivacyCheckView {
  caseId: string;
  reference: string;
  /** The case is a child's (its reference is offered as a replacement). */
  child: boolean;
  findings: PlacedFinding[];
}

const CONTEXT_CHARACTERS = 40;

/** The longest words Replace with… takes (their own words). */
export const REPLACEMENT_MAX = 80;

/** The words around a finding: up to about 40 characters either side, cut at a space, with … where it was cut. */
export function findingContext(source: string, start: number, end: number): FindingContext {
  let from = Math.max(0, start - CONTEXT_CHARACTERS);
  let to = Math.min(source.length, end + CONTEXT_CHARACTERS);
  if (from > 0) from = source.indexOf(' ', from) + 1 || from;
  if (to < source.length) {
    const space = source.lastIndexOf(' ', to);
    if (space > end) to = space;
  }
  return {
    before: `${from > 0 ? '…' : ''}${source.slice(from, start)}`,
    match: source.slice(start, end),
    after: `${source.slice(end, to)}${to < source.length ? '…' : ''}`,
  };
}

/** The replacements offered by Replace with…: the case's reference for a child, then the usual words. */
export function replacementChoices(agendaCase: { reference: string; kind: 'child' | 'topic' }): string[] {
  return [...(agendaCase.kind === 'child' ? [agendaCase.reference] : []), 'the child', 'parent/carer'];
}

/**
 * Replaces every finding with these words of this kind in a text (from the end, so earlier positions hold). The
 * positions are the detector's, over this very text.
 */
export function replaceFindings(
  source: string,
  findings: readonly Pick<PersonalDataFinding, 'kind' | 'text' | 'start' | 'end'>[],
  key: string,
  replacement: string,
): { text: string; replaced: number } {
  const matching = findings.filter((finding) => findingKey(finding) === key).sort((a, b) => b.start - a.start);
  let result = source;
  for (const finding of matching) result = result.slice(0, finding.start) + replacement + result.slice(finding.end);
  return { text: result, replaced: matching.length };
}

const entityId = text().min(1).max(64);
const placeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('notes'), stageId: text().regex(STAGE_ID_PATTERN) }).strict(),
  z.object({ type: z.literal('card'), cardId: entityId }).strict(),
  z.object({ type: z.literal('plan'), rowId: entityId, field: z.enum(PLAN_TEXT_FIELDS) }).strict(),
]);

/** Replace with…: the finding's words and kind in a place, and what goes in their stead (every one in that place). */
export const privacyReplaceRequestSchema = z
  .object({
    place: placeSchema,
    kind: z.enum(PERSONAL_DATA_KINDS),
    text: text().min(1).max(200),
    replacement: text()
      .trim()
      .min(1, 'Write what goes in its place.')
      .max(REPLACEMENT_MAX, `Keep it to ${REPLACEMENT_MAX} characters.`),
  })
  .strict();
export type PrivacyReplaceRequest = z.infer<typeof privacyReplaceRequestSchema>;
