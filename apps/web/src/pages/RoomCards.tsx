import { CARD_KIND_LABELS, checkCardText, LIMITS } from '@consultboard/domain';
import { type FormEvent, useState } from 'react';
import { CardView } from '../components/CardView';
import { TextArea } from '../components/Field';
import type { RoomCard } from '../meeting/roomCards';

/**
 * The stage's cards from everyone in one list, newest first (item 2 of issue 9). This phone's own are marked
 * Yours and, until the stage moves on, carry Edit and Withdraw; nobody else's do.
 */
export function RoomCards({
  heading,
  cards,
  spotlightId,
  onEdit,
  onWithdraw,
}: {
  heading: string;
  cards: readonly RoomCard[];
  spotlightId: string | null;
  onEdit: (cardId: string, text: string) => void;
  onWithdraw: (cardId: string) => void;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  if (cards.length === 0) return null;
  return (
    <section aria-labelledby="room-cards-heading" className="room-cards">
      <h2 id="room-cards-heading">
        {heading} <span className="muted">({cards.length})</span>
      </h2>
      <ul className="phone-cards">
        {cards.map((card) => {
          const textId = `room-card-${card.id}`;
          const classes = [
            'card',
            `kind-${card.kind}`,
            card.yours ? 'card-yours' : '',
            card.pending ? 'card-pending' : '',
          ]
            .filter(Boolean)
            .join(' ');
          return (
            <li key={card.id} className={classes}>
              {editing === card.id && card.changeable ? (
                <EditCard
                  card={card}
                  onSave={(text) => {
                    setEditing(null);
                    if (text !== card.text) onEdit(card.id, text);
                  }}
                  onCancel={() => setEditing(null)}
                />
              ) : (
                <CardView card={card} id={textId}>
                  <div className="badges">
                    {card.yours && <span className="badge yours">Yours</span>}
                    {card.id === spotlightId && <span className="badge">Spotlight</span>}
                    {card.pending && <span className="badge pending">Pending</span>}
                    {/* A card the EP hid reaches phones without its text, its author's included. */}
                    {card.held && <span className="badge">Held for the EP to check</span>}
                    {card.hidden && !card.held && <span className="badge">Hidden by the facilitator</span>}
                  </div>
                  {card.changeable && (
                    <div className="button-row">
                      <button
                        type="button"
                        className="button secondary"
                        aria-describedby={textId}
                        onClick={() => setEditing(card.id)}
                      >
                        Edit
                      </button>
                      <button
                        type="button"
                        className="button secondary"
                        aria-describedby={textId}
                        onClick={() => onWithdraw(card.id)}
                      >
                        Withdraw
                      </button>
                    </div>
                  )}
                </CardView>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** One's own card opened for editing: the same limit and checks as a new card, nothing cut. */
function EditCard({
  card,
  onSave,
  onCancel,
}: {
  card: RoomCard;
  onSave: (text: string) => void;
  onCancel: () => void;
}) {
  const [text, setText] = useState(card.text);
  const [error, setError] = useState<string | undefined>();
  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = checkCardText(text);
    if (checked.ok) onSave(checked.value);
    else setError(checked.message);
  }
  return (
    <form className="stack edit-card" onSubmit={submit} noValidate>
      <TextArea
        label={`Edit your ${CARD_KIND_LABELS[card.kind].toLowerCase()}`}
        rows={4}
        limit={LIMITS.cardText.max}
        value={text}
        error={error}
        // The person just pressed Edit on this card: the box is where they go next.
        autoFocus
        onChange={(event) => {
          setError(undefined);
          setText(event.target.value);
        }}
      />
      <div className="button-row">
        <button type="submit" className="button primary">
          Save changes
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
