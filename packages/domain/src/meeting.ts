import type { ActionRow } from './actionPlanRules.js';
import { applyCardChange, decideCardChange } from './cardEdits.js';
import type { Command } from './commands.js';
import type { ServiceLink } from './directory.js';
import { type ErrorCode, type Refusal, refuse } from './errors.js';
import type { AgendaCase, Card, MeetingEvent, MeetingEventBody, TimerState } from './events.js';
import { LIMITS } from './limits.js';
import { applyMerge, decideMerge, mergeRefusal, type ShownCard, withMerged } from './meeting/cardMerges.js';
import { caseMove, rememberStage } from './meeting/caseMoves.js';
import { applyRelease, decideRelease, type PersonalDataCheck, personalDataRefusal } from './meeting/heldCards.js';
import { presenterRefusal } from './presenting.js';
import { type CardKind, type StageDefinition, stageTakes, suggestedMs } from './stages.js';

export { holdsMerged, type ShownCard, withMerged } from './meeting/cardMerges.js';
export { heldCards, type PersonalDataCheck } from './meeting/heldCards.js';

/** The live state of one consultation session, folded from its events. */
export interface MeetingState {
  status: 'waiting' | 'live' | 'ended';
  /** The sequence number of the last event folded in. */
  seq: number;
  stages: StageDefinition[];
  cases: AgendaCase[];
  caseIndex: number;
  stageIndex: number;
  timer: TimerState;
  cards: Card[];
  spotlightCardId: string | null;
  /** Each case's action plan as drafted and edited in the meeting, by case id. */
  plans: Record<string, { version: number; rows: ActionRow[] }>;
  /** Whether the EP has locked the room: nobody new may join with the code. */
  locked: boolean;
  /** The participants the EP removed, by participant id: their tokens stop for good. */
  removed: string[];
  /** Issue 9, item 4: the stage each case was last at, by case id, so a case reopens where it was left. */
  caseStages?: Record<string, number>;
  /** Issue 9, "Show join code": the EP's word on the board's join panel (unset: the board's own rule). */
  joinShown?: boolean;
}

export const initialMeetingState: MeetingState = {
  status: 'waiting',
  seq: 0,
  stages: [],
  cases: [],
  caseIndex: 0,
  stageIndex: 0,
  timer: { status: 'stopped', remainingMs: 0 },
  cards: [],
  spotlightCardId: null,
  plans: {},
  locked: false,
  removed: [],
};

/**
 * A hard ceiling on the cards a session stores, hidden ones included: hidden cards do not count against
 * `LIMITS.cardsPerSession`, so this keeps a session that is flooded, hidden and flooded again bounded.
 */
export const STORED_CARDS_CEILING = LIMITS.cardsPerSession * 5;

/**
 * Whether a card counts against the session's card cap. Hidden cards do not (the EP took them off the
 * board), nor do withdrawn ones (their authors took them back).
 */
export function countsTowardsCardCap(card: Card): boolean {
  return !card.hidden && !card.withdrawn;
}

/** Whether a card can be shown: not hidden, not withdrawn, and its text was not left out of what this screen was sent. */
function showable(card: Card): boolean {
  return !card.hidden && !card.withdrawn && card.redacted !== true;
}

/** A card merged into another is shown inside that one, never on its own. */
function standsAlone(card: Card): boolean {
  return card.mergedInto === undefined;
}

function updateCard(state: MeetingState, cardId: string, change: Partial<Card>): Card[] {
  return state.cards.map((card) => (card.id === cardId ? { ...card, ...change } : card));
}

/** Folds one event into the state. Pure: the server and every browser use this same function. */
export function applyEvent(state: MeetingState, event: MeetingEvent): MeetingState {
  const next = { ...state, seq: event.seq };
  switch (event.type) {
    case 'session.started':
      return {
        ...next,
        status: 'live',
        stages: event.stages,
        cases: event.cases,
        caseIndex: 0,
        stageIndex: 0,
        timer: event.timer,
      };
    case 'stage.changed':
      return {
        ...next,
        caseIndex: event.caseIndex,
        stageIndex: event.stageIndex,
        timer: event.timer,
        spotlightCardId: null,
        caseStages: rememberStage(state, event.caseIndex, event.stageIndex),
      };
    case 'timer.changed':
      return { ...next, timer: event.timer };
    case 'session.ended':
      return { ...next, status: 'ended', timer: stoppedAt(state.timer, event.at), spotlightCardId: null };
    case 'card.added':
      // Issue 10: a card sent for the EP to check is stored held, and hidden until the EP shows it.
      return { ...next, cards: [...state.cards, { ...event.card, hidden: event.card.held === true, helpful: false }] };
    case 'card.hidden':
      return {
        ...next,
        cards: state.cards.map((card) => (card.id === event.cardId ? hiddenChange(card, event) : card)),
        spotlightCardId: event.hidden && state.spotlightCardId === event.cardId ? null : state.spotlightCardId,
      };
    case 'card.spotlighted':
      return { ...next, spotlightCardId: event.cardId };
    case 'card.helpful':
      return { ...next, cards: updateCard(state, event.cardId, { helpful: event.helpful }) };
    case 'plan.changed':
      return { ...next, plans: { ...state.plans, [event.caseId]: { version: event.version, rows: event.rows } } };
    case 'participant.removed':
      return { ...next, removed: [...state.removed, event.participantId] };
    case 'room.locked':
      return { ...next, locked: event.locked };
    case 'card.edited': // Item 2 of issue 9
    case 'card.withdrawn':
      return applyCardChange(state, event);
    // Issue 9, item 4: Merge and Unmerge.
    case 'card.merged':
    case 'card.unmerged':
      return applyMerge(next, event);
    // Issue 9, "Show join code".
    case 'join.shown':
      return { ...next, joinShown: event.shown };
    // Issue 10: Show, or Edit and show, of a held card.
    case 'card.released':
      return applyRelease(state, event);
  }
}

/**
 * A card after a hide or show. The whole event (the log, the console) only flips `hidden`. Phones and the
 * projector are sent a hide marked `redacted`, so they drop the text, and a show with the text again.
 */
function hiddenChange(card: Card, event: Extract<MeetingEvent, { type: 'card.hidden' }>): Card {
  const { redacted: _redacted, ...rest } = card;
  if (event.redacted) return { ...rest, hidden: event.hidden, text: '', redacted: true };
  if (event.text !== undefined) return { ...rest, hidden: event.hidden, text: event.text };
  return { ...card, hidden: event.hidden };
}

/** Folds a list of events, skipping any already folded (a replay after a reconnect may overlap). */
export function foldEvents(state: MeetingState, events: readonly MeetingEvent[]): MeetingState {
  let result = state;
  for (const event of events) {
    if (event.seq > result.seq) result = applyEvent(result, event);
  }
  return result;
}

export function currentCase(state: MeetingState): AgendaCase | undefined {
  return state.cases[state.caseIndex];
}

export function currentStage(state: MeetingState): StageDefinition | undefined {
  return state.stages[state.stageIndex];
}

/**
 * The cards of one stage of the current case, in the order they were added (withdrawn and held ones never). A card merged into another is not
 * listed on its own: it comes in the `merged` of the card it went into.
 */
export function cardsOfStage(
  state: MeetingState,
  stageId: string,
  options: { includeHidden?: boolean } = {},
): ShownCard[] {
  const caseId = currentCase(state)?.id;
  return withMerged(
    state,
    state.cards.filter(
      (card) =>
        card.caseId === caseId &&
        card.stageId === stageId &&
        standsAlone(card) &&
        !card.withdrawn &&
        !card.held &&
        (options.includeHidden || showable(card)),
    ),
  );
}

/** The cards of the current case that can be marked helpful (all visible cards of the case, merges as one). */
export function cardsOfCurrentCase(state: MeetingState, options: { includeHidden?: boolean } = {}): ShownCard[] {
  const caseId = currentCase(state)?.id;
  return withMerged(
    state,
    state.cards.filter(
      (card) =>
        card.caseId === caseId &&
        standsAlone(card) &&
        !card.withdrawn &&
        !card.held &&
        (options.includeHidden || showable(card)),
    ),
  );
}

/**
 * Where a card may go now, or why not: to the case being discussed, at its current stage or (a draft kept
 * on a phone) an earlier stage of that case, and only a stage that takes the card's kind.
 */
export function cardPlaceRefusal(
  state: MeetingState,
  place: { caseId: string; stageId: string; kind: CardKind },
): ErrorCode | null {
  if (!state.cases.some((agendaCase) => agendaCase.id === place.caseId)) return 'no_such_case';
  const stageIndex = state.stages.findIndex((candidate) => candidate.id === place.stageId);
  const stage = state.stages[stageIndex];
  if (!stage || !stageTakes(stage, place.kind)) return 'stage_takes_no_such_card';
  if (place.caseId !== currentCase(state)?.id) return 'not_current_case';
  if (stageIndex > state.stageIndex) return 'stage_not_reached';
  return null;
}

/** Milliseconds left on the timer at a moment (negative once it has run over). */
export function timerRemainingMs(timer: TimerState, now: number): number {
  return timer.status === 'running' ? timer.endsAt - now : timer.remainingMs;
}

function stoppedAt(timer: TimerState, now: number): TimerState {
  return { status: 'stopped', remainingMs: timerRemainingMs(timer, now) };
}

function stageTimer(stage: StageDefinition | undefined): TimerState {
  return { status: 'stopped', remainingMs: stage ? suggestedMs(stage) : 0 };
}

/** Builds the first event of a session from its agenda. */
export function sessionStartedEvent(
  cases: AgendaCase[],
  stages: readonly StageDefinition[],
): Extract<MeetingEventBody, { type: 'session.started' }> {
  return { type: 'session.started', cases, stages: [...stages], timer: stageTimer(stages[0]) };
}

export interface DecideContext {
  now: number;
  /** The display name of whoever sent the command. */
  author: string;
  /** Looks up a phone that joined this session (for `participant.remove`); the server reads it from storage. */
  findParticipant?: (participantId: string) => { name: string } | undefined;
  /** Item 2 of issue 9: who sent the command (a participant id, or role and account id), kept as a card's author. */
  actorId?: string;
  /** Issue 9 item 3: the cases a presenting SENCO's phone presents; unset for the EP's console and other phones. */
  presenting?: readonly string[];
  /**
   * Issue 10: the privacy guard's check of a card's text, set by the server for phones (the EP's own cards are not
   * checked as they are added: the EP is trusted, and their cards come up again in Check before keeping).
   */
  personalData?: PersonalDataCheck;
  /**
   * Issue 13: finds a directory entry of the session's locality (or of all localities) for a Resource card's link;
   * the server reads it from storage. Unset: no card may link to an entry.
   */
  findService?: (entryId: string) => ServiceLink | undefined;
}

export type Decision = { ok: true; event: MeetingEventBody } | Refusal;

function moveTo(state: MeetingState, caseIndex: number, stageIndex: number): Decision {
  return {
    ok: true,
    event: { type: 'stage.changed', caseIndex, stageIndex, timer: stageTimer(state.stages[stageIndex]) },
  };
}

/**
 * A card still on the board (hidden or not): a withdrawn card is not there to hide, spotlight or mark, nor is a held
 * one (issue 10: the EP shows or removes it from Held for checking).
 */
function findCard(state: MeetingState, cardId: string): Card | undefined {
  return state.cards.find((card) => card.id === cardId && !card.withdrawn && !card.held);
}

/**
 * Resolves an authorised, validated command against the current state into the event it causes,
 * or a refusal with a stable code. Pure: the server decides with it, and tests drive it directly.
 */
export function decide(state: MeetingState, command: Command, context: DecideContext): Decision {
  if (state.status !== 'live') return refuse('session_not_live');
  const presenterRefused = context.presenting ? presenterRefusal(state, command, context.presenting) : null;
  if (presenterRefused) return presenterRefused;
  const { now } = context;
  // A merged card acts only through the card it went into (issue 9, item 4).
  if (command.type === 'card.hide' || command.type === 'card.spotlight' || command.type === 'card.helpful') {
    const blocked = mergeRefusal(state, command);
    if (blocked) return blocked;
  }
  switch (command.type) {
    case 'stage.next':
      if (state.stageIndex >= state.stages.length - 1) return refuse('at_last_stage');
      return moveTo(state, state.caseIndex, state.stageIndex + 1);
    case 'stage.previous':
      if (state.stageIndex <= 0) return refuse('at_first_stage');
      return moveTo(state, state.caseIndex, state.stageIndex - 1);
    case 'case.next':
    case 'case.previous':
    case 'case.goTo': {
      // Every case reopens at the stage it was left in (issue 9, item 4).
      const target = caseMove(state, command);
      if (typeof target === 'string') return refuse(target);
      return moveTo(state, target.caseIndex, target.stageIndex);
    }
    case 'timer.start':
      if (state.timer.status === 'running') return refuse('timer_running');
      return {
        ok: true,
        event: { type: 'timer.changed', timer: { status: 'running', endsAt: now + state.timer.remainingMs } },
      };
    case 'timer.pause':
      if (state.timer.status !== 'running') return refuse('timer_not_running');
      return { ok: true, event: { type: 'timer.changed', timer: stoppedAt(state.timer, now) } };
    case 'timer.extend': {
      const remaining = Math.max(0, timerRemainingMs(state.timer, now)) + LIMITS.timerExtensionMs;
      if (remaining > LIMITS.timerMaxMs) return refuse('timer_too_long');
      const timer: TimerState =
        state.timer.status === 'running'
          ? { status: 'running', endsAt: now + remaining }
          : { status: 'stopped', remainingMs: remaining };
      return { ok: true, event: { type: 'timer.changed', timer } };
    }
    case 'session.end':
      return { ok: true, event: { type: 'session.ended' } };
    case 'card.add': {
      const misplaced = cardPlaceRefusal(state, command);
      if (misplaced) return refuse(misplaced);
      if (state.cards.length >= STORED_CARDS_CEILING) return refuse('too_many_cards');
      if (state.cards.filter(countsTowardsCardCap).length >= LIMITS.cardsPerSession) return refuse('too_many_cards');
      const { id, caseId, stageId, kind, text } = command;
      // Issue 12, item 5: only the EP adds from the bank (phones are refused before this), and only what the bank keeps.
      if (command.fromBank && kind !== 'strategy' && kind !== 'resource') return refuse('stage_takes_no_such_card');
      const personal = personalDataRefusal(context.personalData, caseId, text, command.forCheck);
      if (personal && personal !== 'hold') return personal;
      let service: ServiceLink | undefined;
      if (command.directoryEntryId !== undefined) {
        if (kind !== 'resource') return refuse('no_such_service', 'Only a Resource card links to the directory.');
        service = context.findService?.(command.directoryEntryId);
        if (!service) return refuse('no_such_service');
      }
      return {
        ok: true,
        event: {
          type: 'card.added',
          card: {
            id,
            caseId,
            stageId,
            kind,
            text,
            author: context.author,
            createdAt: now,
            ...(context.actorId === undefined ? {} : { authorId: context.actorId }),
            ...(personal === 'hold' ? { held: true as const } : {}),
            ...(command.fromBank ? { fromBank: true as const } : {}),
            ...(service ? { service: { id: service.id, name: service.name, access: service.access } } : {}),
          },
        },
      };
    }
    case 'card.hide':
      if (!findCard(state, command.cardId)) return refuse('no_such_card');
      return { ok: true, event: { type: 'card.hidden', cardId: command.cardId, hidden: command.hidden } };
    case 'card.spotlight': {
      const card = command.cardId === null ? null : findCard(state, command.cardId);
      if (card === undefined || card?.hidden) return refuse('no_such_card');
      return { ok: true, event: { type: 'card.spotlighted', cardId: command.cardId } };
    }
    case 'card.helpful':
      if (!findCard(state, command.cardId)) return refuse('no_such_card');
      return { ok: true, event: { type: 'card.helpful', cardId: command.cardId, helpful: command.helpful } };
    case 'plan.update': {
      if (!state.cases.some((agendaCase) => agendaCase.id === command.caseId)) return refuse('no_such_case');
      if (command.version !== (state.plans[command.caseId]?.version ?? 0)) return refuse('plan_changed');
      if (new Set(command.rows.map((row) => row.id)).size !== command.rows.length)
        return refuse('invalid_payload', 'Each action appears once.');
      return {
        ok: true,
        event: { type: 'plan.changed', caseId: command.caseId, version: command.version + 1, rows: command.rows },
      };
    }
    case 'participant.remove': {
      const participant = context.findParticipant?.(command.participantId);
      if (!participant || state.removed.includes(command.participantId)) return refuse('no_such_participant');
      return {
        ok: true,
        event: { type: 'participant.removed', participantId: command.participantId, name: participant.name },
      };
    }
    case 'room.lock':
      return { ok: true, event: { type: 'room.locked', locked: command.locked } };
    case 'card.edit': // Item 2 of issue 9
    case 'card.withdraw':
      return decideCardChange(state, command, context.actorId, context.personalData);
    // Issue 9, item 4: Merge and Unmerge.
    case 'card.merge':
    case 'card.unmerge':
      return decideMerge(state, command);
    // Issue 9, "Show join code": the board's join panel large (true) or in its corner (false).
    case 'join.show':
      return { ok: true, event: { type: 'join.shown', shown: command.shown } };
    // Issue 10: Show, Edit and show, and Remove of a held card.
    case 'card.release':
    case 'card.remove':
      return decideRelease(state, command);
  }
}
