import { CARD_KIND_LABELS, type Card, checkCardText, LIMITS, type MeetingState } from '@consultboard/domain';
import { type FormEvent, useState } from 'react';
import { TextArea } from '../components/Field';
import type { CommandBody } from '../meeting/commandBody';
import type { CommandOutcome } from '../meeting/MeetingClient';
import { MarkedText } from '../privacy/MarkedText';
import { useDetector } from '../privacy/useDetector';
import '../privacy/privacy.css';

type Send = (body: CommandBody) => Promise<CommandOutcome>;

/**
 * Issue 10, item 2: the cards phones sent for the EP to check, because their words look like personal data. Nobody
 * else sees them until the EP presses Show (as they are), Edit and show (in the EP's words) or Remove (gone, their
 * words forgotten). The words that look personal are marked once the detector has loaded.
 */
export function HeldCards({
  cards,
  state,
  enabled,
  send,
}: {
  cards: readonly Card[];
  state: MeetingState;
  enabled: boolean;
  send: Send;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const detect = useDetector();
  if (cards.length === 0) return null;
  const where = (card: Card) => {
    const reference = state.cases.find((listed) => listed.id === card.caseId)?.reference ?? '';
    const stage = state.stages.find((listed) => listed.id === card.stageId)?.name ?? '';
    return `${reference}, ${stage}`;
  };
  return (
    <section className="panel held-cards" aria-labelledby="held-heading">
      <h2 id="held-heading">
        Held for checking <span className="muted">({cards.length})</span>
      </h2>
      <p className="hint">Sent from phones for you to check. Nobody else sees them until you show them.</p>
      <ul className="console-cards">
        {cards.map((card) => {
          const textId = `held-card-${card.id}`;
          return (
            <li key={card.id} className={`card kind-${card.kind} card-held`}>
              {editing === card.id ? (
                <EditAndShow
                  card={card}
                  onShow={async (text) => {
                    const outcome = await send({ type: 'card.release', cardId: card.id, text });
                    if (outcome.ok) setEditing(null);
                  }}
                  onCancel={() => setEditing(null)}
                />
              ) : (
                <>
                  <span className={`card-kind kind-${card.kind}`}>{CARD_KIND_LABELS[card.kind]}</span>
                  <p className="card-text" id={textId}>
                    <MarkedText text={card.text} findings={detect ? detect(card.text) : []} />
                  </p>
                  <p className="card-meta">
                    {card.author} · {where(card)}
                  </p>
                  <div className="button-row">
                    <button
                      type="button"
                      className="button primary small"
                      aria-describedby={textId}
                      aria-disabled={!enabled || undefined}
                      onClick={() => enabled && send({ type: 'card.release', cardId: card.id })}
                    >
                      Show
                    </button>
                    <button
                      type="button"
                      className="button secondary small"
                      aria-describedby={textId}
                      aria-disabled={!enabled || undefined}
                      onClick={() => enabled && setEditing(card.id)}
                    >
                      Edit and show
                    </button>
                    <button
                      type="button"
                      className="button danger small"
                      aria-describedby={textId}
                      aria-disabled={!enabled || undefined}
                      onClick={() => enabled && send({ type: 'card.remove', cardId: card.id })}
                    >
                      Remove
                    </button>
                  </div>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Edit and show: the EP's words in place of the phone's, then the card goes on the board. */
function EditAndShow({
  card,
  onShow,
  onCancel,
}: {
  card: Card;
  onShow: (text: string) => Promise<void>;
  onCancel: () => void;
}) {
  const [text, setText] = useState(card.text);
  const [error, setError] = useState<string | undefined>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkCardText(text);
    if (checked.ok) void onShow(checked.value);
    else setError(checked.message);
  };
  return (
    <form className="stack edit-card" onSubmit={submit} noValidate>
      <TextArea
        label="Edit the card before it is shown"
        rows={3}
        limit={LIMITS.cardText.max}
        value={text}
        error={error}
        // The EP just pressed Edit and show: the box is where they go next.
        autoFocus
        onChange={(event) => {
          setError(undefined);
          setText(event.target.value);
        }}
      />
      <div className="button-row">
        <button type="submit" className="button primary">
          Show
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
