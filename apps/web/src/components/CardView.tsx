import { CARD_KIND_LABELS, type Card, type ServiceLink, type ShownCard } from '@consultboard/domain';
import type { ReactNode } from 'react';
import { ServiceLine } from './ServiceLine';

/**
 * A card's kind and text, marked if its author edited it. The text is always a React child: never parsed as HTML.
 * A card the EP merged others into shows their texts under its own, marked "Merged" (issue 9, item 4);
 * `mergedAction` adds a control to each (the console's Unmerge).
 */
export function CardView({
  card,
  id,
  children,
  mergedAction,
}: {
  card: Pick<ShownCard, 'kind' | 'text' | 'merged'> & { edited?: boolean; fromBank?: boolean; service?: ServiceLink };
  id?: string;
  children?: ReactNode;
  mergedAction?: (merged: Card) => ReactNode;
}) {
  return (
    <>
      <span className={`card-kind kind-${card.kind}`}>{CARD_KIND_LABELS[card.kind]}</span>
      {/* Issue 12, item 5: the EP added it from Ideas from the bank; every screen says so. */}
      {card.fromBank && <span className="badge from-bank">From the bank</span>}
      <p className="card-text" id={id}>
        {card.text}
      </p>
      {card.service && <ServiceLine card={{ text: card.text, service: card.service }} className="card-service" />}
      {/* Item 2 of issue 9: every screen, the EP's console included, shows that the author changed the words. */}
      {card.edited && <span className="badge edited">Edited</span>}
      {card.merged && card.merged.length > 0 && (
        <ul className="card-merged" aria-label="Merged">
          {card.merged.map((merged) => (
            <li key={merged.id}>
              <span className="badge merged">Merged</span>
              <p className="card-text">{merged.text}</p>
              {mergedAction?.(merged)}
            </li>
          ))}
        </ul>
      )}
      {children}
    </>
  );
}
