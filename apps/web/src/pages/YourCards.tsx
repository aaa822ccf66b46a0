import { CARD_KIND_LABELS, type Command, type MeetingState } from '@consultboard/domain';
import { yourCards } from '../meeting/yourCards';

/** This phone's cards, newest first: unsent ones marked Pending until the server has them. */
export function YourCards({
  state,
  mine,
  pending,
}: {
  state: MeetingState;
  mine: ReadonlySet<string>;
  pending: readonly Command[];
}) {
  const cards = yourCards(state, mine, pending);
  if (cards.length === 0) return null;
  return (
    <section aria-labelledby="your-cards-heading">
      <h2 id="your-cards-heading">Your cards</h2>
      <ul className="phone-cards">
        {cards.map((card) => (
          <li key={card.id} className={`card kind-${card.kind}${card.pending ? ' card-pending' : ''}`}>
            <span className="card-kind">{CARD_KIND_LABELS[card.kind]}</span>
            {/* A card the EP hid reaches phones without its text, its author's included. */}
            {card.text && <p className="card-text">{card.text}</p>}
            {card.pending && <span className="badge pending">Pending</span>}
            {card.hidden && <span className="badge">Hidden by the facilitator</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
