/**
 * Test data factories for the domain's unit tests. Not exported from the package.
 * Children appear only as anonymised references (J5M); adults only as role-like names ("SENCO A").
 */
import type { Command, CommandType } from '../commands.js';
import type { AgendaCase, Card, MeetingEvent, MeetingEventBody } from '../events.js';
import {
  applyEvent,
  type DecideContext,
  decide,
  initialMeetingState,
  type MeetingState,
  sessionStartedEvent,
} from '../meeting.js';
import type { CardKind, StageDefinition } from '../stages.js';
import { DEFAULT_STAGES } from '../stages.js';

/** A fixed moment (14 March 2025, 09:30 UTC) so times in tests are exact. */
export const T0 = Date.UTC(2025, 2, 14, 9, 30);
export const MINUTE = 60_000;

/** The default template as docs/stages.md states it, kept apart from the code under test. */
export const PRODUCT_STAGES: readonly { name: string; cardKinds: readonly CardKind[] }[] = [
  { name: 'Preparation', cardKinds: [] },
  { name: 'Current situation', cardKinds: [] },
  { name: 'Clarifying questions', cardKinds: ['question', 'affirmation'] },
  { name: 'Desired situation', cardKinds: ['question'] },
  { name: 'Strategies and resources', cardKinds: ['strategy', 'resource'] },
  { name: 'Feedback', cardKinds: [] },
  { name: 'Action plan', cardKinds: [] },
];

let commandCounter = 0;

/** A fresh, valid command id (8+ characters of letters, digits, _ and -). */
export function nextCommandId(): string {
  commandCounter += 1;
  return `cmd-${String(commandCounter).padStart(6, '0')}`;
}

export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;

const COMMAND_DEFAULTS: { [T in CommandType]: Omit<CommandOf<T>, 'id' | 'type'> } = {
  'stage.next': {},
  'stage.previous': {},
  'timer.start': {},
  'timer.pause': {},
  'timer.extend': {},
  'case.next': {},
  'session.end': {},
  'card.add': { caseId: 'case-1', stageId: 'clarifying-questions', kind: 'question', text: 'What helps at lunchtime?' },
  'card.hide': { cardId: 'card-1', hidden: true },
  'card.spotlight': { cardId: 'card-1' },
  'card.helpful': { cardId: 'card-1', helpful: true },
  'plan.update': { caseId: 'case-1', version: 0, rows: [] },
  'participant.remove': { participantId: 'participant-1' },
  'room.lock': { locked: true },
  'card.edit': { cardId: 'card-1', text: 'What helps at break time?' },
  'card.withdraw': { cardId: 'card-1' },
  // Issue 9, item 4 and "Show join code".
  'case.previous': {},
  'case.goTo': { caseId: 'case-2' },
  'card.merge': { cardId: 'card-2', intoCardId: 'card-1' },
  'card.unmerge': { cardId: 'card-2' },
  'join.show': { shown: true },
  // Issue 10: held cards.
  'card.release': { cardId: 'card-1' },
  'card.remove': { cardId: 'card-1' },
};

/** A valid command of a type, with a fresh id, and any fields overridden. */
export function buildCommand<T extends CommandType>(type: T, overrides: Partial<CommandOf<T>> = {}): CommandOf<T> {
  return { id: nextCommandId(), type, ...COMMAND_DEFAULTS[type], ...overrides } as unknown as CommandOf<T>;
}

export function buildCase(overrides: Partial<AgendaCase> = {}): AgendaCase {
  return { id: 'case-1', reference: 'J5M', kind: 'child', ...overrides };
}

/** Two cases: a child (J5M) then a topic. */
export function buildAgenda(): AgendaCase[] {
  return [buildCase(), buildCase({ id: 'case-2', reference: 'Year 3 transition', kind: 'topic' })];
}

export function buildCard(overrides: Partial<Card> = {}): Card {
  return {
    id: 'card-1',
    caseId: 'case-1',
    stageId: 'clarifying-questions',
    kind: 'question',
    text: 'What helps at lunchtime?',
    author: 'SENCO A',
    createdAt: T0,
    hidden: false,
    helpful: false,
    ...overrides,
  };
}

export function buildContext(overrides: Partial<DecideContext> = {}): DecideContext {
  return { now: T0, author: 'SENCO A', ...overrides };
}

export function buildEvent(
  body: MeetingEventBody,
  overrides: Partial<Pick<MeetingEvent, 'seq' | 'at'>> = {},
): MeetingEvent {
  return { ...body, seq: 1, at: T0, ...overrides } as MeetingEvent;
}

export interface StartedStateOptions {
  cases?: AgendaCase[];
  stages?: readonly StageDefinition[];
  /** Fields of the state to set after the session has started. */
  state?: Partial<MeetingState>;
}

/** A live session straight after session.started (seq 1), built with sessionStartedEvent + applyEvent. */
export function buildStartedState(options: StartedStateOptions = {}): MeetingState {
  const started = sessionStartedEvent(options.cases ?? buildAgenda(), options.stages ?? DEFAULT_STAGES);
  const state = applyEvent(initialMeetingState, buildEvent(started, { seq: 1, at: T0 }));
  return { ...state, ...options.state };
}

/** The event a decision produced, stamped with the next sequence number. Throws on a refusal. */
export function decideEvent(state: MeetingState, command: Command, context: Partial<DecideContext> = {}): MeetingEvent {
  const decision = decide(state, command, buildContext(context));
  if (!decision.ok) throw new Error(`${command.type} was refused: ${decision.code}`);
  return buildEvent(decision.event, { seq: state.seq + 1, at: context.now ?? T0 });
}

/** Decides a command and folds its event in, as the server does. Throws on a refusal. */
export function play(state: MeetingState, command: Command, context: Partial<DecideContext> = {}): MeetingState {
  return applyEvent(state, decideEvent(state, command, context));
}

/** Freezes an object and everything it holds, so any write to it throws in strict mode. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}
