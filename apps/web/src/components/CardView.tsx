import { CARD_KIND_LABELS, type Card } from '@consultboard/domain';
import type { ReactNode } from 'react';

/** A card's kind and text. The text is always a React child: never parsed as HTML. */
export function CardView({
  card,
  id,
  children,
}: {
  card: Pick<Card, 'kind' | 'text'>;
  id?: string;
  children?: ReactNode;
}) {
  return (
    <>
      <span className={`card-kind kind-${card.kind}`}>{CARD_KIND_LABELS[card.kind]}</span>
      <p className="card-text" id={id}>
        {card.text}
      </p>
      {children}
    </>
  );
}
