/** The kinds of card people add to the board. */
export const CARD_KINDS = ['question', 'affirmation', 'strategy', 'resource'] as const;
export type CardKind = (typeof CARD_KINDS)[number];

/** The label a person sees for each card kind (docs/words-on-screen.md). */
export const CARD_KIND_LABELS: Record<CardKind, string> = {
  question: 'Question',
  affirmation: 'Affirmation',
  strategy: 'Strategy',
  resource: 'Resource',
};

export interface StageDefinition {
  id: string;
  name: string;
  prompt: string;
  cardKinds: readonly CardKind[];
  /** Whether people take shared notes in this stage. */
  notes: boolean;
  /** Whether the presenting SENCO marks cards as helpful in this stage. */
  marksHelpful: boolean;
  suggestedMinutes: number;
}

/** The default consultation template, following the seed process. */
export const DEFAULT_STAGES: readonly StageDefinition[] = [
  {
    id: 'preparation',
    name: 'Preparation',
    prompt: "Read the SENCO's consultation preparation form.",
    cardKinds: [],
    notes: false,
    marksHelpful: false,
    suggestedMinutes: 5,
  },
  {
    id: 'current-situation',
    name: 'Current situation',
    prompt: 'The SENCO outlines the situation and what has been tried. Listen and take notes.',
    cardKinds: [],
    notes: true,
    marksHelpful: false,
    suggestedMinutes: 5,
  },
  {
    id: 'clarifying-questions',
    name: 'Clarifying questions',
    prompt: 'Ask questions to clarify the concern, and affirm what is going well.',
    cardKinds: ['question', 'affirmation'],
    notes: true,
    marksHelpful: false,
    suggestedMinutes: 10,
  },
  {
    id: 'desired-situation',
    name: 'Desired situation',
    prompt: 'Ask about the desired situation, contextual factors and relationships.',
    cardKinds: ['question'],
    notes: true,
    marksHelpful: false,
    suggestedMinutes: 10,
  },
  {
    id: 'strategies-and-resources',
    name: 'Strategies and resources',
    prompt: 'Share strategies and resources, including support outside school.',
    cardKinds: ['strategy', 'resource'],
    notes: true,
    marksHelpful: false,
    suggestedMinutes: 15,
  },
  {
    id: 'feedback',
    name: 'Feedback',
    prompt: 'The SENCO says what has been helpful.',
    cardKinds: [],
    notes: true,
    marksHelpful: true,
    suggestedMinutes: 5,
  },
  {
    id: 'action-plan',
    name: 'Action plan',
    prompt: 'The helpful strategies become the first draft of the action plan.',
    cardKinds: [],
    notes: true,
    marksHelpful: false,
    suggestedMinutes: 5,
  },
];

/** Finds a stage of a template by its id. */
export function findStage(stages: readonly StageDefinition[], stageId: string): StageDefinition | undefined {
  return stages.find((stage) => stage.id === stageId);
}

/** Whether a stage accepts cards of a kind. */
export function stageTakes(stage: StageDefinition, kind: CardKind): boolean {
  return stage.cardKinds.includes(kind);
}

export function suggestedMs(stage: StageDefinition): number {
  return stage.suggestedMinutes * 60_000;
}
