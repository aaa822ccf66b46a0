import type { Card, ShownCard } from '@consultboard/domain';
import { useState } from 'react';
import { CardView } from '../components/CardView';
import { cardLabel } from '../meeting/cardLabel';
import type { CommandBody } from '../meeting/commandBody';
import type { CommandOutcome } from '../meeting/MeetingClient';
import { MergeDialog } from './MergeDialog';
import { useFocusLater } from './useFocusLater';

type Send = (body: CommandBody) => Promise<CommandOutcome>;

/**
 * The current stage's cards, hidden ones included, each with Hide, Spotlight and Merge; a merged card shows the
 * texts merged into it, each with Unmerge. Every button names its card ("Hide: Visual timetable for transitions").
 */
export function CardModeration({
  cards,
  takesCards,
  spotlightCardId,
  enabled,
  send,
}: {
  cards: ShownCard[];
  takesCards: boolean;
  spotlightCardId: string | null;
  enabled: boolean;
  send: Send;
}) {
  const [merging, setMerging] = useState<Card | null>(null);
  const { focusLater, forget } = useFocusLater();
  const visible = cards.filter((card) => !card.hidden);
  const candidates = merging ? visible.filter((card) => card.id !== merging.id) : [];

  const merge = async (intoCardId: string) => {
    const card = merging;
    setMerging(null);
    if (!card) return;
    // The merged card leaves the list: carry on from its Unmerge button, inside the card it went into.
    focusLater(`unmerge-${card.id}`);
    const outcome = await send({ type: 'card.merge', cardId: card.id, intoCardId });
    if (!outcome.ok) forget();
  };
  const unmerge = async (card: Card) => {
    focusLater(`merge-${card.id}`);
    const outcome = await send({ type: 'card.unmerge', cardId: card.id });
    if (!outcome.ok) forget();
  };

  return (
    <section className="panel" aria-labelledby="moderation-heading">
      <h2 id="moderation-heading">Cards in this stage</h2>
      {cards.length === 0 && <p className="muted">{takesCards ? 'No cards yet.' : 'This stage takes no cards.'}</p>}
      <ul className="console-cards">
        {cards.map((card) => {
          const lit = card.id === spotlightCardId;
          const mayMerge = !card.hidden && !card.merged && visible.length > 1;
          return (
            <li
              key={card.id}
              data-card-id={card.id}
              className={`card kind-${card.kind}${card.hidden ? ' card-hidden' : ''}${lit ? ' card-lit' : ''}`}
            >
              <CardView
                card={card}
                mergedAction={(merged) => <UnmergeButton card={merged} enabled={enabled} onUnmerge={unmerge} />}
              >
                <p className="card-meta">
                  {card.author}
                  {card.hidden && <span className="badge">Hidden</span>}
                  {lit && <span className="badge">Spotlighted</span>}
                  {card.helpful && <span className="badge helpful">Helpful</span>}
                </p>
              </CardView>
              <div className="button-row">
                <CardButton
                  label="Hide"
                  card={card}
                  pressed={card.hidden}
                  unavailable={!enabled}
                  onPress={() => send({ type: 'card.hide', cardId: card.id, hidden: !card.hidden })}
                />
                <CardButton
                  label="Spotlight"
                  card={card}
                  pressed={lit}
                  unavailable={!enabled || card.hidden}
                  onPress={() => send({ type: 'card.spotlight', cardId: lit ? null : card.id })}
                />
                {mayMerge && (
                  <CardButton
                    label="Merge"
                    id={`merge-${card.id}`}
                    card={card}
                    unavailable={!enabled}
                    haspopup
                    onPress={() => setMerging(card)}
                  />
                )}
              </div>
            </li>
          );
        })}
      </ul>
      <MergeDialog card={merging} candidates={candidates} onMerge={merge} onClose={() => setMerging(null)} />
    </section>
  );
}

/** The feedback stage: every visible card of the case, each with a Helpful toggle. */
export function HelpfulMarking({ cards, enabled, send }: { cards: ShownCard[]; enabled: boolean; send: Send }) {
  return (
    <section className="panel" aria-labelledby="helpful-heading">
      <h2 id="helpful-heading">Cards for this case</h2>
      <p className="hint">Mark the cards the SENCO found helpful. They become the first draft of the action plan.</p>
      {cards.length === 0 && <p className="muted">No cards were added for this case.</p>}
      <ul className="console-cards">
        {cards.map((card) => (
          <li key={card.id} className={`card kind-${card.kind}${card.helpful ? ' card-helpful' : ''}`}>
            <CardView card={card}>
              <p className="card-meta">
                {card.author}
                {card.helpful && <span className="badge helpful">Helpful</span>}
              </p>
            </CardView>
            <div className="button-row">
              <CardButton
                label="Helpful"
                card={card}
                pressed={card.helpful}
                unavailable={!enabled}
                onPress={() => send({ type: 'card.helpful', cardId: card.id, helpful: !card.helpful })}
              />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

function UnmergeButton({
  card,
  enabled,
  onUnmerge,
}: {
  card: Card;
  enabled: boolean;
  onUnmerge: (card: Card) => void;
}) {
  return (
    <div className="button-row">
      <CardButton
        label="Unmerge"
        id={`unmerge-${card.id}`}
        card={card}
        unavailable={!enabled}
        onPress={() => onUnmerge(card)}
      />
    </div>
  );
}

/**
 * A button on a card, named after it: "Hide" on the screen, "Hide: Visual timetable for transitions" to a screen
 * reader and to speech control (the visible word first). It stays focusable when it cannot act (aria-disabled).
 */
function CardButton(props: {
  label: string;
  card: Pick<Card, 'text'>;
  pressed?: boolean;
  unavailable: boolean;
  id?: string;
  haspopup?: boolean;
  onPress: () => void;
}) {
  return (
    <button
      type="button"
      id={props.id}
      className="button secondary small"
      aria-pressed={props.pressed}
      aria-disabled={props.unavailable || undefined}
      aria-haspopup={props.haspopup ? 'dialog' : undefined}
      aria-label={`${props.label}: ${cardLabel(props.card.text)}`}
      onClick={() => {
        if (!props.unavailable) props.onPress();
      }}
    >
      {props.label}
    </button>
  );
}
