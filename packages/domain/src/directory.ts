import { z } from 'zod';
import { AREAS_OF_NEED, type AreaOfNeed } from './caseLabels.js';
import { shownText, text } from './textSchema.js';

/**
 * Issue 13: the signposting directory (the local offer). Entries are services outside school, kept per locality
 * or for all localities by the EPs and the admin, suggested in the room and linked from Resource cards.
 */
export const DIRECTORY_LIMITS = {
  name: 120,
  offer: 1000,
  eligibility: 500,
  access: 500,
  contact: 200,
  website: 300,
  /** Ages a service is for, in years (0 to 25: the SEND code's range). */
  maxAge: 25,
  /** One import: at most so many entries, from a CSV of at most so many characters. */
  importRows: 1000,
  importChars: 400_000,
  /** What a search box may send, and how many suggestions a phone gets back. */
  query: 100,
  suggestions: 6,
  /** An entry not checked for this many months is flagged "Not checked for 12 months". */
  staleMonths: 12,
} as const;

const field = (max: number, label: string) =>
  shownText()
    .transform((value) => value.replace(/\r\n?/g, '\n').trim())
    .pipe(text().max(max, `${label} is at most ${max} characters.`));
const age = z.number().int().min(0).max(DIRECTORY_LIMITS.maxAge).nullable();

/** A website is an https (or http) address; anything else (javascript:, data:) is refused. */
export function isWebAddress(value: string): boolean {
  if (value === '') return true;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/** The fields of one entry, as the form and each CSV line give them. */
export const directoryEntryFieldsSchema = z
  .object({
    name: field(DIRECTORY_LIMITS.name, 'The name').pipe(text().min(1, 'Enter the name of the service.')),
    offer: field(DIRECTORY_LIMITS.offer, 'What it offers').pipe(text().min(1, 'Say what the service offers.')),
    ageFrom: age,
    ageTo: age,
    areasOfNeed: z.array(z.enum(AREAS_OF_NEED)).max(AREAS_OF_NEED.length),
    eligibility: field(DIRECTORY_LIMITS.eligibility, 'Eligibility'),
    access: field(DIRECTORY_LIMITS.access, 'How to access').pipe(text().min(1, 'Say how to access or refer.')),
    contact: field(DIRECTORY_LIMITS.contact, 'The contact'),
    website: field(DIRECTORY_LIMITS.website, 'The website').refine(isWebAddress, 'Enter a web address (https://…).'),
    lastChecked: z.iso.date({ message: 'Enter the date it was last checked.' }),
  })
  .strict()
  .refine((entry) => entry.ageFrom === null || entry.ageTo === null || entry.ageFrom <= entry.ageTo, {
    message: 'The age range starts before it ends.',
    path: ['ageTo'],
  })
  .refine((entry) => new Set(entry.areasOfNeed).size === entry.areasOfNeed.length, {
    message: 'Each area of need appears once.',
    path: ['areasOfNeed'],
  });
export type DirectoryEntryFields = z.infer<typeof directoryEntryFieldsSchema>;

/** POST /api/directory and PUT /api/directory/:id: an entry of one locality, or of all localities (null). */
export const directoryEntryRequestSchema = z
  .object({
    localityId: text().min(1).max(64).nullable(),
    entry: directoryEntryFieldsSchema,
  })
  .strict();
export type DirectoryEntryRequest = z.infer<typeof directoryEntryRequestSchema>;

/** POST /api/directory/import: a whole CSV file for one locality (or all), added whole or refused whole. */
export const directoryImportRequestSchema = z
  .object({
    localityId: text().min(1).max(64).nullable(),
    csv: text()
      .min(1, 'Choose a CSV file.')
      .max(DIRECTORY_LIMITS.importChars, `A CSV file is at most ${DIRECTORY_LIMITS.importChars} characters.`),
  })
  .strict();

/** GET /api/directory's filter: one locality's entries (with those for all), and words to look for. */
export const directoryQuerySchema = z
  .object({
    localityId: text().min(1).max(64).optional(),
    q: text().max(DIRECTORY_LIMITS.query).optional(),
    // The page's own (checked by the list's paging).
    limit: text().max(8).optional(),
    cursor: text().max(512).optional(),
  })
  .strict();

/** An entry as the directory page shows it. */
export interface DirectoryEntryView extends DirectoryEntryFields {
  id: string;
  localityId: string | null;
  /** null: for all localities. */
  localityName: string | null;
  updatedAt: number;
  /** Not checked for 12 months (DIRECTORY_LIMITS.staleMonths) on the day it was read. */
  needsCheck: boolean;
}

/** What a Resource card linked to an entry carries: the entry's id, and what the room shows of it. */
export interface ServiceLink {
  id: string;
  name: string;
  access: string;
}

/** A suggestion in the Resource box: small, enough to choose by. */
export interface DirectorySuggestion extends ServiceLink {
  offer: string;
  areasOfNeed: AreaOfNeed[];
}

/** Whether an entry last checked on `lastChecked` (YYYY-MM-DD) is due a check on `today` (YYYY-MM-DD). */
export function needsChecking(lastChecked: string, today: string): boolean {
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  const due = new Date(Date.UTC(year, month - 1 - DIRECTORY_LIMITS.staleMonths, day));
  return lastChecked <= due.toISOString().slice(0, 10);
}

/** The CSV's columns, in order, as the export writes them and the import expects them (header line first). */
export const DIRECTORY_CSV_COLUMNS = [
  'Name',
  'What it offers',
  'Age from',
  'Age to',
  'Areas of need',
  'Eligibility',
  'How to access',
  'Contact',
  'Website',
  'Last checked',
] as const;
