// The strategy bank's words and pure rules (issue 12, items 4 and 5), without zod: the console and the bank page
// use them, and the server keys and dates the bank's entries by them.
import type { AreaOfNeed, CaseType } from './caseLabels.js';

/** The bank's limits: words searched for, and the entries a page of ideas shows. */
export const BANK_LIMITS = { query: 200, words: 8 } as const;

/** The card kinds the bank keeps: what was found helpful as something to do or to use. */
export const BANK_KINDS = ['strategy', 'resource'] as const;
export type BankKind = (typeof BANK_KINDS)[number];

/**
 * The text an entry is keyed by: the same strategy typed with other capitals, spacing or a closing full stop is
 * the same entry (so choosing it twice counts twice).
 */
export function normaliseBankText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s.!;,:]+$/u, '');
}

/** The words of a bank search, normalised like the entries' text (at most `BANK_LIMITS.words`). */
export function bankSearchWords(query: string): string[] {
  const words = normaliseBankText(query)
    .split(' ')
    .filter((word) => word !== '');
  return [...new Set(words)].slice(0, BANK_LIMITS.words);
}

const HALF_TERM_NAMES = ['Autumn 1', 'Autumn 2', 'Spring 1', 'Spring 2', 'Summer 1', 'Summer 2'] as const;

/**
 * The half term a YYYY-MM-DD date falls in, as a number that sorts: the school year's first calendar year × 10 plus
 * the half term (1 to 6). Term dates differ between local authorities, so the bank uses fixed boundaries, close to
 * England's usual ones: Autumn 1 to 31 October, Autumn 2 to 31 December, Spring 1 to 21 February, Spring 2 to
 * 14 April, Summer 1 to 31 May, Summer 2 to 31 August. Null for anything that is not a date.
 */
export function halfTermOf(date: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const year = Number(match[1]);
  const monthDay = Number(match[2]) * 100 + Number(match[3]);
  if (monthDay < 101 || monthDay > 1231) return null;
  if (monthDay >= 901) return year * 10 + (monthDay <= 1031 ? 1 : 2);
  const startYear = year - 1;
  if (monthDay <= 221) return startYear * 10 + 3;
  if (monthDay <= 414) return startYear * 10 + 4;
  if (monthDay <= 531) return startYear * 10 + 5;
  return startYear * 10 + 6;
}

/** A half term as people read it: "Autumn 1 2026-27". */
export function halfTermLabel(halfTerm: number): string {
  const startYear = Math.floor(halfTerm / 10);
  const name = HALF_TERM_NAMES[(halfTerm % 10) - 1] ?? '';
  return `${name} ${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/**
 * One entry of the bank as a reader sees it: the words, how often they were chosen as helpful, and how the plan
 * actions that came from them worked out at their latest review. No school, no reference, no date finer than
 * the half term.
 */
export interface BankEntryView {
  id: string;
  kind: BankKind;
  text: string;
  areasOfNeed: AreaOfNeed[];
  caseTypes: CaseType[];
  chosen: number;
  achieved: number;
  partly: number;
  notYet: number;
  /** The half term it was last chosen in ("Autumn 1 2026-27"). */
  lastChosen: string;
}

/** GET /api/bank: a page of the bank. */
export interface BankPage {
  entries: BankEntryView[];
  next: string | null;
}

/** GET /api/sessions/:id/bank-ideas: ideas for the case the meeting is on, best reviewed first. */
export interface BankIdeasPage {
  caseId: string | null;
  /** The current case's areas of need: the ideas helped cases with at least one of them. */
  areasOfNeed: AreaOfNeed[];
  ideas: BankEntryView[];
  next: string | null;
}
