import { CARD_KIND_LABELS, type CardKind } from '@consultboard/domain';

/**
 * At the top of the phone when the room moved on while its person was typing (item 2 of issue 9): their words
 * stay in their box, and here they choose. A status, not an alert: it is told politely and takes no focus, so
 * the keyboard stays up under their thumb.
 */
export function MovedOnNotice({
  stageName,
  kind,
  closed,
  onSend,
  onDiscard,
}: {
  stageName: string;
  kind: CardKind;
  /** The words can no longer be added where they were written for (the room moved on to another case). */
  closed: boolean;
  onSend: () => void;
  onDiscard: () => void;
}) {
  const what = CARD_KIND_LABELS[kind].toLowerCase();
  return (
    <div className="notice moved-on" role="status">
      <p>
        The room moved on to {stageName}. Your {what} is kept
        {closed ? ', but the meeting has moved on from its case, so it can no longer be added.' : ':'}
      </p>
      <div className="button-row">
        {!closed && (
          <button type="button" className="button primary" onClick={onSend}>
            Send it
          </button>
        )}
        <button type="button" className="button secondary" onClick={onDiscard}>
          Discard
        </button>
      </div>
    </div>
  );
}
