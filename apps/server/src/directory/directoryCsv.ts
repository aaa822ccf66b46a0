import {
  AREA_OF_NEED_LABELS,
  AREAS_OF_NEED,
  type AreaOfNeed,
  DIRECTORY_CSV_COLUMNS,
  DIRECTORY_LIMITS,
  type DirectoryEntryFields,
  type DirectoryEntryView,
  directoryEntryFieldsSchema,
} from '@consultboard/domain';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { personalContact } from './personalContacts.js';

/** What an import found wrong: the line of the file (1 is the header) and why. Any one refuses the whole file. */
export interface CsvProblem {
  line: number;
  reason: string;
}

export type CsvReading = { ok: true; entries: DirectoryEntryFields[] } | { ok: false; problems: CsvProblem[] };

/** How many problems an answer lists (the file is refused whole either way). */
const SHOWN_PROBLEMS = 20;

const AREA_BY_LABEL = new Map<string, AreaOfNeed>(
  AREAS_OF_NEED.flatMap((area) => [
    [AREA_OF_NEED_LABELS[area].toLowerCase(), area],
    [area, area],
  ]),
);

/** The areas of need of a cell: labels (or ids) separated by ";". */
function areasOf(cell: string): AreaOfNeed[] | string {
  const areas: AreaOfNeed[] = [];
  for (const part of cell.split(';').map((value) => value.trim().toLowerCase())) {
    if (part === '') continue;
    const area = AREA_BY_LABEL.get(part);
    if (!area)
      return `'${part}' is not an area of need (use ${AREAS_OF_NEED.map((a) => AREA_OF_NEED_LABELS[a]).join('; ')}).`;
    if (!areas.includes(area)) areas.push(area);
  }
  return areas;
}

function ageOf(cell: string): number | null | string {
  if (cell.trim() === '') return null;
  if (!/^\d{1,2}$/.test(cell.trim())) return `'${cell}' is not an age in years.`;
  return Number(cell.trim());
}

/** A cell a spreadsheet would run as a formula (=, +, -, @, or a tab or return first) is read back as we wrote it. */
function unneutralised(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/**
 * Reads a directory CSV (header line first, the columns of DIRECTORY_CSV_COLUMNS in any order, UTF-8 with or
 * without a BOM). Every line is checked as an entry; one bad line refuses the whole file, and the answer says
 * which lines and why.
 */
export function readDirectoryCsv(csv: string): CsvReading {
  let records: string[][];
  try {
    records = parse(csv, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: false,
      max_record_size: 8 * 1024,
      to_line: DIRECTORY_LIMITS.importRows + 2,
    }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    const reason = (error as Error).message.replace(/^Invalid [^:]*: /, '');
    return { ok: false, problems: [{ line, reason: `The file is not a CSV file we can read: ${reason}` }] };
  }
  const [header, ...rows] = records;
  if (!header) return { ok: false, problems: [{ line: 1, reason: 'The file is empty.' }] };
  if (rows.length > DIRECTORY_LIMITS.importRows)
    return {
      ok: false,
      problems: [
        {
          line: DIRECTORY_LIMITS.importRows + 2,
          reason: `A file holds at most ${DIRECTORY_LIMITS.importRows} entries.`,
        },
      ],
    };
  const names = header.map((cell) => cell.trim().toLowerCase());
  const index = new Map<string, number>();
  for (const column of DIRECTORY_CSV_COLUMNS) {
    const at = names.indexOf(column.toLowerCase());
    if (at < 0) return { ok: false, problems: [{ line: 1, reason: `The header has no column '${column}'.` }] };
    index.set(column, at);
  }
  const unknown = header.filter((_, at) => ![...index.values()].includes(at) && names[at] !== '');
  if (unknown.length > 0)
    return {
      ok: false,
      problems: [{ line: 1, reason: `The header has columns we do not know: ${unknown.join(', ')}.` }],
    };

  const problems: CsvProblem[] = [];
  const entries: DirectoryEntryFields[] = [];
  rows.forEach((row, at) => {
    const line = at + 2;
    if (row.length > header.length) {
      problems.push({ line, reason: `The line has ${row.length} cells; the header has ${header.length}.` });
      return;
    }
    const cell = (column: (typeof DIRECTORY_CSV_COLUMNS)[number]) =>
      unneutralised(row[index.get(column) as number] ?? '');
    const areas = areasOf(cell('Areas of need'));
    const ageFrom = ageOf(cell('Age from'));
    const ageTo = ageOf(cell('Age to'));
    const bad = [areas, ageFrom, ageTo].find((value): value is string => typeof value === 'string');
    if (bad) {
      problems.push({ line, reason: bad });
      return;
    }
    const parsed = directoryEntryFieldsSchema.safeParse({
      name: cell('Name'),
      offer: cell('What it offers'),
      ageFrom,
      ageTo,
      areasOfNeed: areas,
      eligibility: cell('Eligibility'),
      access: cell('How to access'),
      contact: cell('Contact'),
      website: cell('Website'),
      lastChecked: cell('Last checked').trim(),
    });
    if (!parsed.success) {
      problems.push({ line, reason: parsed.error.issues[0]?.message ?? 'The line is not an entry.' });
      return;
    }
    const personal = personalContact(parsed.data);
    if (personal) {
      problems.push({ line, reason: personal.message });
      return;
    }
    entries.push(parsed.data);
  });
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, SHOWN_PROBLEMS) };
  if (entries.length === 0) return { ok: false, problems: [{ line: 2, reason: 'The file has no entries.' }] };
  return { ok: true, entries };
}

/**
 * A cell a spreadsheet would take for a formula starts with ', so it shows as text: =, +, -, @ (and a tab or a
 * carriage return, which some spreadsheets skip before looking).
 */
export function neutralise(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** The directory as a CSV file: the header, then one line per entry, every cell neutralised. */
export function writeDirectoryCsv(entries: readonly DirectoryEntryView[]): string {
  const rows = entries.map((entry) => [
    entry.name,
    entry.offer,
    entry.ageFrom === null ? '' : String(entry.ageFrom),
    entry.ageTo === null ? '' : String(entry.ageTo),
    entry.areasOfNeed.map((area) => AREA_OF_NEED_LABELS[area]).join('; '),
    entry.eligibility,
    entry.access,
    entry.contact,
    entry.website,
    entry.lastChecked,
  ]);
  return stringify([[...DIRECTORY_CSV_COLUMNS], ...rows.map((row) => row.map(neutralise))], {
    quoted_match: /[",\n\r]/,
    record_delimiter: 'windows',
    bom: true,
  });
}
