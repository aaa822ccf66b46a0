import {
  type AgendaCase,
  applyEvent,
  type Card,
  DEFAULT_STAGES,
  initialMeetingState,
  type MeetingEventBody,
  type MeetingState,
  sessionStartedEvent,
} from '@consultboard/domain';
import { describe, expect, it } from 'vitest';
import { cardsToShow, spotlightCard } from './cardsToShow';

const cases: AgendaCase[] = [
  { id: 'c1', reference: 'J5M', kind: 'child' },
  { id: 'c2', reference: 'Year 3 transition', kind: 'topic' },
];

function play(...bodies: MeetingEventBody[]): MeetingState {
  return bodies.reduce<MeetingState>(
    (state, body, index) => applyEvent(state, { ...body, seq: index + 1, at: index } as never),
    initialMeetingState,
  );
}

function added(id: string, stageId: string, caseId = 'c1'): MeetingEventBody {
  const card: Omit<Card, 'hidden' | 'helpful'> = {
    id,
    caseId,
    stageId,
    kind: stageId === 'strategies-and-resources' ? 'strategy' : 'question',
    text: id,
    author: 'Sam',
    createdAt: 1,
  };
  return { type: 'card.added', card };
}

const stopped = { status: 'stopped', remainingMs: 0 } as const;
const goTo = (stageIndex: number, caseIndex = 0): MeetingEventBody => ({
  type: 'stage.changed',
  caseIndex,
  stageIndex,
  timer: stopped,
});
const indexOf = (id: string) => DEFAULT_STAGES.findIndex((stage) => stage.id === id);

const base = [
  sessionStartedEvent(cases, DEFAULT_STAGES),
  added('q1', 'clarifying-questions'),
  added('q2', 'clarifying-questions'),
  added('s1', 'strategies-and-resources'),
  added('other', 'clarifying-questions', 'c2'),
  { type: 'card.hidden', cardId: 'q2', hidden: true } as MeetingEventBody,
];

describe('cardsToShow', () => {
  it("shows the current stage's visible cards of the current case", () => {
    const state = play(...base, goTo(indexOf('clarifying-questions')));
    expect(cardsToShow(state).cards.map((card) => card.id)).toEqual(['q1']);
  });

  it('shows every visible card of the case in the feedback stage', () => {
    const state = play(...base, goTo(indexOf('feedback')));
    expect(cardsToShow(state).cards.map((card) => card.id)).toEqual(['q1', 's1']);
  });

  it('shows only helpful cards after feedback, and nothing before any cards stage', () => {
    const after = play(...base, { type: 'card.helpful', cardId: 's1', helpful: true }, goTo(indexOf('action-plan')));
    expect(cardsToShow(after).cards.map((card) => card.id)).toEqual(['s1']);
    expect(cardsToShow(play(...base)).cards).toEqual([]);
  });
});

describe('spotlightCard', () => {
  it('finds the spotlighted card, and drops it once hidden', () => {
    const lit = play(...base, { type: 'card.spotlighted', cardId: 'q1' });
    expect(spotlightCard(lit)?.id).toBe('q1');
    const hidden = applyEvent(lit, { type: 'card.hidden', cardId: 'q1', hidden: true, seq: lit.seq + 1, at: 0 });
    expect(spotlightCard(hidden)).toBeUndefined();
  });
});
