import {
  cardsOfCurrentCase,
  cardsOfStage,
  currentStage,
  type MeetingState,
  type ShownCard,
  withMerged,
} from '@consultboard/domain';

export interface CardsToShow {
  heading: string;
  cards: ShownCard[];
}

/**
 * What the board shows under the stage: the stage's own visible cards; in the feedback stage every
 * visible card of the case; after feedback, the ones found helpful.
 */
export function cardsToShow(state: MeetingState): CardsToShow {
  const stage = currentStage(state);
  if (!stage) return { heading: 'Cards', cards: [] };
  if (stage.cardKinds.length > 0) return { heading: 'Cards', cards: cardsOfStage(state, stage.id) };
  if (stage.marksHelpful) return { heading: 'Cards for this case', cards: cardsOfCurrentCase(state) };
  const afterFeedback = state.stages.slice(0, state.stageIndex).some((earlier) => earlier.marksHelpful);
  if (afterFeedback) {
    return { heading: 'Found helpful', cards: cardsOfCurrentCase(state).filter((card) => card.helpful) };
  }
  return { heading: 'Cards', cards: [] };
}

/** The spotlighted card, unless it has since been hidden, with any cards merged into it. */
export function spotlightCard(state: MeetingState): ShownCard | undefined {
  if (!state.spotlightCardId) return undefined;
  const card = state.cards.find((candidate) => candidate.id === state.spotlightCardId && !candidate.hidden);
  return card && withMerged(state, [card])[0];
}
