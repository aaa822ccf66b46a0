import type { ActionRow } from './actionPlanRules.js';
import type { CaseType } from './caseLabels.js';
import type { Preparation } from './cases.js';
import type { ServiceLink } from './directory.js';
import type { CardKind, StageDefinition } from './stages.js';

/** The countdown every screen shows: an end time set by the server, or the time left while stopped. */
export type TimerState = { status: 'stopped'; remainingMs: number } | { status: 'running'; endsAt: number };

export interface AgendaCase {
  id: string;
  reference: string;
  kind: 'child' | 'topic';
  /** What the case is about, and the SENCO's preparation form as it stood when the session started. */
  type?: CaseType;
  preparation?: Preparation;
}

export interface Card {
  id: string;
  caseId: string;
  stageId: string;
  kind: CardKind;
  text: string;
  author: string;
  createdAt: number;
  hidden: boolean;
  helpful: boolean;
  /**
   * Set only in what phones and the projector are sent (`redactEvent`): the card is hidden, so its text was
   * left out and `text` is empty. Never stored: the log holds every card whole.
   */
  redacted?: true;
  /** Item 2 of issue 9: who added the card (a participant or account person id). Only the console is sent it. */
  authorId?: string;
  /** Item 2 of issue 9: its author changed the text after adding it. */
  edited?: true;
  /** Item 2 of issue 9: its author took it back: shown nowhere, its text forgotten, not counted in the cap. */
  withdrawn?: true;
  /** Issue 9, item 4: the card the EP merged this one into; it is shown inside that card until unmerged. */
  mergedInto?: string;
  /**
   * Issue 10: sent for the EP to check (it looked like personal data): hidden from the board and every phone (its
   * text left out of what they are sent) until the EP shows it (`card.released`) or removes it. Always with `hidden`.
   */
  held?: true;
  /** Issue 12, item 5: the EP added it from Ideas from the bank; every screen marks it "From the bank". */
  fromBank?: true;
  /**
   * Issue 13: a Resource card chosen from the directory links to that entry: its id, name and how to access it, as
   * they were when the card was added (public directory words, so sent to phones and the projector as they are).
   */
  service?: ServiceLink;
}

type EventBody =
  | { type: 'session.started'; cases: AgendaCase[]; stages: StageDefinition[]; timer: TimerState }
  | { type: 'stage.changed'; caseIndex: number; stageIndex: number; timer: TimerState }
  | { type: 'timer.changed'; timer: TimerState }
  | { type: 'session.ended' }
  | { type: 'card.added'; card: Omit<Card, 'hidden' | 'helpful'> }
  /**
   * The EP hid or showed a card. As sent to phones and the projector, a hide carries `redacted` (forget the
   * text) and a show carries the card's `text` again, unless the card is hidden once more by now.
   */
  | { type: 'card.hidden'; cardId: string; hidden: boolean; redacted?: true; text?: string }
  | { type: 'card.spotlighted'; cardId: string | null }
  | { type: 'card.helpful'; cardId: string; helpful: boolean }
  /** The case's action plan changed (drafted at the Action plan stage, or edited): the whole plan, small. */
  | { type: 'plan.changed'; caseId: string; version: number; rows: ActionRow[] }
  /** The EP removed a phone from the meeting: its token stops at once and cannot come back. */
  | { type: 'participant.removed'; participantId: string; name: string }
  /** The EP locked (or unlocked) the room: while locked, nobody new may join with the code. */
  | { type: 'room.locked'; locked: boolean }
  /** Item 2 of issue 9: the author changed a card's text; sent to phones without it while the card is hidden. */
  | { type: 'card.edited'; cardId: string; text: string; redacted?: true; held?: true }
  /** Item 2 of issue 9: the author withdrew a card before the stage moved on; issue 10: or the EP removed a held one. */
  | { type: 'card.withdrawn'; cardId: string; removed?: true }
  /**
   * Issue 10: the EP showed a held card (Show), with new words when they edited it first (Edit and show). As sent to
   * phones and the projector it carries the card's text, unless the card is hidden or withdrawn again by now.
   */
  | { type: 'card.released'; cardId: string; text?: string; redacted?: true }
  /** Issue 9, item 4: the EP merged a card into another of the same stage, or took it back out. */
  | { type: 'card.merged'; cardId: string; intoCardId: string }
  | { type: 'card.unmerged'; cardId: string }
  /** Issue 9, "Show join code": the EP brought the board's join panel back large (true) or sent it to its corner. */
  | { type: 'join.shown'; shown: boolean };

/** An event as stored and broadcast: its per-session sequence number, when, and what. */
export type MeetingEvent = EventBody & { seq: number; at: number };
export type MeetingEventBody = EventBody;
export type MeetingEventType = EventBody['type'];
