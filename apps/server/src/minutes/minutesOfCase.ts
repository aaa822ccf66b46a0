import {
  ACTION_ROW_LABELS,
  AREA_OF_NEED_LABELS,
  CARD_KIND_LABELS,
  CASE_TYPE_LABELS,
  type Card,
  type MeetingState,
  type MinutesBody,
  type MinutesCard,
  notesFragmentName,
  PREPARATION_LABELS,
  type Preparation,
} from '@consultboard/domain';
import type * as Y from 'yjs';
import { notesLines } from '../exports/notesText.js';

/** What the minutes are drawn from, read when the meeting leaves the case. */
export interface MinutesInput {
  caseId: string;
  state: MeetingState;
  reference: string;
  caseType: MinutesBody['caseType'];
  preparation: Preparation;
  sessionDate: string;
  localityName: string;
  schoolName: string;
  facilitatorName: string;
  /** The case's notes as stored. */
  notes: Y.Doc;
  /** The plan stored for the case, used when the meeting's log holds none. */
  storedPlan: MinutesPlanRow[] | null;
}

type MinutesPlanRow = MinutesBody['plan'][number] & { id?: string; fromCardId?: string | null };

/** A card the minutes may keep: on the board for everyone (never hidden, held or withdrawn). */
const shown = (card: Card) => !card.hidden && !card.held && !card.withdrawn;

/**
 * A case's minutes from the meeting as it stands: each stage's notes and visible cards (merged cards once, inside
 * the card they went into; helpful ones marked), and the plan as agreed in the room. No card's author and no
 * participant's name is read, so none can be kept.
 */
export function minutesOfCase(input: MinutesInput): MinutesBody {
  const { state, caseId } = input;
  const cards = state.cards.filter((card) => card.caseId === caseId && shown(card));
  const stages = state.stages.map((stage) => ({
    id: stage.id,
    name: stage.name,
    notes: stage.notes ? notesLines(input.notes.getXmlFragment(notesFragmentName(stage.id))) : [],
    cards: cards
      .filter((card) => card.stageId === stage.id && card.mergedInto === undefined)
      .map(
        (card): MinutesCard => ({
          kind: card.kind,
          text: card.text,
          helpful: card.helpful,
          merged: cards.filter((other) => other.mergedInto === card.id).map((other) => other.text),
        }),
      ),
  }));
  const rows = state.plans[caseId]?.rows ?? input.storedPlan ?? [];
  return {
    reference: input.reference,
    caseType: input.caseType,
    areasOfNeed: [...input.preparation.areasOfNeed],
    sessionDate: input.sessionDate,
    localityName: input.localityName,
    schoolName: input.schoolName,
    facilitatorName: input.facilitatorName,
    preparation: {
      currentSituation: input.preparation.currentSituation,
      triedSoFar: input.preparation.triedSoFar,
      desiredSituation: input.preparation.desiredSituation,
      aim: input.preparation.aim,
    },
    stages: stages.filter((stage) => stage.notes.length > 0 || stage.cards.length > 0),
    plan: rows.map((row) => ({
      action: row.action,
      who: row.who,
      byWhen: row.byWhen,
      successLooksLike: row.successLooksLike,
      reviewDate: row.reviewDate,
      areaOfNeed: row.areaOfNeed,
    })),
  };
}

/** The minutes as plain text, one thing a line: what the search indexes, and what the privacy check reads. */
export function minutesText(minutes: MinutesBody): string {
  const lines: string[] = [
    `Case ${minutes.reference}`,
    CASE_TYPE_LABELS[minutes.caseType],
    ...minutes.areasOfNeed.map((area) => AREA_OF_NEED_LABELS[area]),
  ];
  for (const [key, label] of Object.entries(PREPARATION_LABELS)) {
    const value = minutes.preparation[key as keyof MinutesBody['preparation']];
    if (value) lines.push(`${label}: ${value}`);
  }
  for (const stage of minutes.stages) {
    lines.push(stage.name, ...stage.notes);
    for (const card of stage.cards)
      lines.push(`${CARD_KIND_LABELS[card.kind]}: ${card.text}${card.helpful ? ' (Helpful)' : ''}`, ...card.merged);
  }
  for (const row of minutes.plan)
    lines.push(
      `${ACTION_ROW_LABELS.action}: ${row.action}`,
      row.who && `${ACTION_ROW_LABELS.who}: ${row.who}`,
      row.successLooksLike && `${ACTION_ROW_LABELS.successLooksLike}: ${row.successLooksLike}`,
    );
  return lines.filter(Boolean).join('\n');
}
