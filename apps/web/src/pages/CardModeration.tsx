import type { Card } from '@consultboard/domain';
import { CardView } from '../components/CardView';
import type { CommandBody } from '../meeting/commandBody';
import type { CommandOutcome } from '../meeting/MeetingClient';

type Send = (body: CommandBody) => Promise<CommandOutcome>;

/** The current stage's cards, hidden ones included, each with Hide and Spotlight toggles. */
export function CardModeration({
  cards,
  takesCards,
  spotlightCardId,
  enabled,
  send,
}: {
  cards: Card[];
  takesCards: boolean;
  spotlightCardId: string | null;
  enabled: boolean;
  send: Send;
}) {
  return (
    <section className="panel" aria-labelledby="moderation-heading">
      <h2 id="moderation-heading">Cards in this stage</h2>
      {cards.length === 0 && <p className="muted">{takesCards ? 'No cards yet.' : 'This stage takes no cards.'}</p>}
      <ul className="console-cards">
        {cards.map((card) => {
          const lit = card.id === spotlightCardId;
          const textId = `card-text-${card.id}`;
          return (
            <li
              key={card.id}
              className={`card kind-${card.kind}${card.hidden ? ' card-hidden' : ''}${lit ? ' card-lit' : ''}`}
            >
              <CardView card={card} id={textId}>
                <p className="card-meta">
                  {card.author}
                  {card.hidden && <span className="badge">Hidden</span>}
                  {lit && <span className="badge">Spotlighted</span>}
                </p>
              </CardView>
              <div className="button-row">
                <ToggleButton
                  label="Hide"
                  pressed={card.hidden}
                  describedBy={textId}
                  disabled={!enabled}
                  onToggle={() => send({ type: 'card.hide', cardId: card.id, hidden: !card.hidden })}
                />
                <ToggleButton
                  label="Spotlight"
                  pressed={lit}
                  describedBy={textId}
                  disabled={!enabled || card.hidden}
                  onToggle={() => send({ type: 'card.spotlight', cardId: lit ? null : card.id })}
                />
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The feedback stage: every visible card of the case, each with a Helpful toggle. */
export function HelpfulMarking({ cards, enabled, send }: { cards: Card[]; enabled: boolean; send: Send }) {
  return (
    <section className="panel" aria-labelledby="helpful-heading">
      <h2 id="helpful-heading">Cards for this case</h2>
      <p className="hint">Mark the cards the SENCO found helpful. They become the first draft of the action plan.</p>
      {cards.length === 0 && <p className="muted">No cards were added for this case.</p>}
      <ul className="console-cards">
        {cards.map((card) => {
          const textId = `card-text-${card.id}`;
          return (
            <li key={card.id} className={`card kind-${card.kind}${card.helpful ? ' card-helpful' : ''}`}>
              <CardView card={card} id={textId}>
                <p className="card-meta">
                  {card.author}
                  {card.helpful && <span className="badge helpful">Helpful</span>}
                </p>
              </CardView>
              <div className="button-row">
                <ToggleButton
                  label="Helpful"
                  pressed={card.helpful}
                  describedBy={textId}
                  disabled={!enabled}
                  onToggle={() => send({ type: 'card.helpful', cardId: card.id, helpful: !card.helpful })}
                />
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** A toggle button on a card, described by the card's text so a screen reader says which card it acts on. */
function ToggleButton(props: {
  label: string;
  pressed: boolean;
  describedBy: string;
  disabled: boolean;
  onToggle: () => void;
}) {
  return (
    <button
      type="button"
      className="button secondary small"
      aria-pressed={props.pressed}
      aria-describedby={props.describedBy}
      disabled={props.disabled}
      onClick={props.onToggle}
    >
      {props.label}
    </button>
  );
}
