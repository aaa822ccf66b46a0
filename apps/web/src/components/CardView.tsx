import { CARD_KIND_LABELS, type Card } from '@consultboard/domain';
import type { ReactNode } from 'react';

/** A card's kind and text, marked if its author edited it. The text is always a React child: never parsed as HTML. */
export function CardView({
  card,
  id,
  children,
}: {
  card: Pick<Card, 'kind' | 'text'> & { edited?: boolean };
  id?: string;
  children?: ReactNode;
}) {
  return (
    <>
      <span className={`card-kind kind-${card.kind}`}>{CARD_KIND_LABELS[card.kind]}</span>
      <p className="card-text" id={id}>
        {card.text}
      </p>
      {/* Item 2 of issue 9: every screen, the EP's console included, shows that the author changed the words. */}
      {card.edited && <span className="badge edited">Edited</span>}
      {children}
    </>
  );
}
