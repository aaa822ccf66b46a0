import {
  AREA_OF_NEED_LABELS,
  CARD_KIND_LABELS,
  CASE_TYPE_LABELS,
  type ExportPlace,
  type MinutesBody,
  PREPARATION_LABELS,
  type PreparationSection,
} from '@consultboard/domain';
import { longDate } from '../dates.js';
import { areaLabel } from './planExport.js';
import { TABLE_COLUMNS } from './planSections.js';

/** The words of a case's minutes in order, drawn the same in Word and PDF (and checked by the privacy guard). */
export const MINUTES_TITLE = 'SEND Locality Group Consultation: Minutes';
export const CONFIDENTIAL = 'Confidential';

export type MinutesBlock =
  | { type: 'fields'; rows: [string, string][] }
  | { type: 'heading'; text: string }
  | { type: 'subheading'; text: string }
  | { type: 'line'; text: string }
  | { type: 'card'; label: string; text: string; helpful: boolean; merged: string[] }
  | { type: 'table'; columns: readonly string[]; rows: string[][] };

/** What is printed at the top of every page: the reference, so a loose page is never anonymous to its reader. */
export const pageHeader = (minutes: MinutesBody) => `${CONFIDENTIAL} · Minutes of case ${minutes.reference}`;

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

export function minutesLayout(minutes: MinutesBody): MinutesBlock[] {
  const blocks: MinutesBlock[] = [
    {
      type: 'fields',
      rows: [
        ['Case reference', minutes.reference],
        ['Case type', CASE_TYPE_LABELS[minutes.caseType]],
        ['Area(s) of need', minutes.areasOfNeed.map((area) => AREA_OF_NEED_LABELS[area]).join('; ')],
        ['Session date', longDate(minutes.sessionDate)],
        ['Locality', minutes.localityName],
        ['School', minutes.schoolName],
        ['Facilitating EP', minutes.facilitatorName],
      ],
    },
    { type: 'heading', text: 'Preparation form' },
  ];
  let prepared = false;
  for (const [key, label] of Object.entries(PREPARATION_LABELS) as [PreparationSection, string][]) {
    const text = lines(minutes.preparation[key]);
    if (text.length === 0) continue;
    prepared = true;
    blocks.push({ type: 'subheading', text: label }, ...text.map((line) => ({ type: 'line' as const, text: line })));
  }
  if (!prepared) blocks.push({ type: 'line', text: 'Not filled in.' });
  for (const stage of minutes.stages) {
    blocks.push({ type: 'heading', text: stage.name });
    if (stage.notes.length > 0)
      blocks.push(
        { type: 'subheading', text: 'Notes' },
        ...stage.notes.map((text) => ({ type: 'line' as const, text })),
      );
    if (stage.cards.length > 0) blocks.push({ type: 'subheading', text: 'Cards' });
    for (const card of stage.cards)
      blocks.push({
        type: 'card',
        label: `${CARD_KIND_LABELS[card.kind]}:`,
        text: card.text,
        helpful: card.helpful,
        merged: card.merged,
      });
  }
  blocks.push({ type: 'heading', text: 'Action plan as agreed' });
  if (minutes.plan.length === 0) blocks.push({ type: 'line', text: 'No actions were agreed.' });
  else
    blocks.push({
      type: 'table',
      columns: TABLE_COLUMNS,
      rows: minutes.plan.map((row) => [
        row.action,
        row.who,
        longDate(row.byWhen),
        row.successLooksLike,
        longDate(row.reviewDate),
        areaLabel(row.areaOfNeed),
      ]),
    });
  return blocks;
}

/** Every text of the minutes by the place it comes from, for the privacy guard (issue 10) before a file is made. */
export function minutesTexts(minutes: MinutesBody): [ExportPlace, string][] {
  return [
    ['reference', minutes.reference],
    ...Object.values(minutes.preparation).map((text): [ExportPlace, string] => ['preparation', text]),
    ...minutes.stages.flatMap((stage): [ExportPlace, string][] => [
      ...stage.notes.map((line): [ExportPlace, string] => ['notes', line]),
      ...stage.cards.flatMap((card) =>
        [card.text, ...card.merged].map((text): [ExportPlace, string] => ['cards', text]),
      ),
    ]),
    ...minutes.plan.flatMap((row): [ExportPlace, string][] => [
      ['plan', row.action],
      ['plan', row.who],
      ['plan', row.successLooksLike],
    ]),
  ];
}
