import { CARD_KIND_LABELS, type Card, type ShownCard } from '@consultboard/domain';
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { ServiceLine } from '../components/ServiceLine';
import { type CardLayout, fitCards } from './fitCards';
import { PagerStatus } from './PagerStatus';
import { rangeOfPage } from './pager';
import { usePager } from './usePager';
import { useRefit } from './useRefit';

/**
 * The stage's cards on the projector, newest first, in a dense grid whose type shrinks as the cards grow (from
 * about 28 px to 20 px at 1280×720). When they do not all fit at 20 px the grid pages by itself and says so.
 * Every card is in the list once; those on other pages are hidden, so the list never runs below the fold.
 */
export function BoardCards({
  heading,
  cards,
  pageMs,
}: {
  heading: string;
  /** Newest first; a merged card with the texts merged into it. */
  cards: readonly ShownCard[];
  pageMs: number;
}) {
  const area = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const [layout, setLayout] = useState<CardLayout | null>(null);
  const contentKey = cards
    .map(
      (card) =>
        `${card.id}:${card.helpful ? 1 : 0}:${card.fromBank ? 1 : 0}:${card.text}:${card.service?.id ?? ''}:${card.merged?.map((m) => m.text).join('|')}`,
    )
    .join('\n');

  const refit = useCallback(() => {
    if (!area.current || !list.current) return;
    const next = fitCards(area.current, list.current);
    setLayout((current) => (sameLayout(current, next) ? current : next));
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: refit when the cards or their text change (contentKey)
  useLayoutEffect(refit, [refit, contentKey]);
  useRefit(area, refit);

  const pages = layout?.pages ?? [];
  const page = usePager(pages.length, cards[0]?.id ?? null, pageMs);
  const placed = pages[page] ?? [];
  const onPage = new Set(placed.map((place) => place.index));

  // Sizes and positions go through the CSS object model: the Content-Security-Policy forbids inline styles.
  useLayoutEffect(() => {
    const element = list.current;
    if (!element || !layout) return;
    element.style.setProperty('--card-font', `${layout.fontPx}px`);
    element.style.setProperty('--page-height', `${area.current?.clientHeight ?? 0}px`);
    const items = [...element.children] as HTMLElement[];
    for (const place of placed) {
      const item = items[place.index];
      item?.style.setProperty('--x', `${place.x}px`);
      item?.style.setProperty('--y', `${place.y}px`);
      item?.style.setProperty('--w', `${place.width}px`);
    }
    // A new page fades in (not with reduced motion: see board.css); flipping the name restarts the animation.
    element.dataset.turn = page % 2 === 0 ? 'even' : 'odd';
  }, [layout, placed, page]);

  const range = rangeOfPage(placed.map((place) => place.index));
  return (
    <section className="board-cards-section" aria-labelledby="board-cards-heading">
      <div className="board-cards-top">
        <h2 id="board-cards-heading" className="board-cards-heading">
          {heading}
        </h2>
        <PagerStatus noun="Cards" range={range} total={cards.length} paging={pages.length > 1} />
      </div>
      <div className="board-cards-area" ref={area}>
        <ul className="board-cards" ref={list}>
          {cards.map((card, index) => (
            <li
              key={card.id}
              className={`card board-card kind-${card.kind}${card.helpful ? ' card-helpful' : ''}${onPage.has(index) ? '' : ' board-card-off'}`}
            >
              <p className="board-card-text">
                <span className={`card-kind kind-${card.kind}`}>{CARD_KIND_LABELS[card.kind]}</span>
                {card.fromBank && <span className="badge from-bank">From the bank</span>} {card.text}
                {card.helpful && <span className="badge helpful">Helpful</span>}
              </p>
              {card.service && (
                <ServiceLine
                  card={{ text: card.text, service: card.service }}
                  className="board-card-text board-card-service"
                />
              )}
              {card.merged?.map((merged) => (
                <p key={merged.id} className="board-card-text board-card-merged">
                  <span className="badge merged">Merged</span> {merged.text}
                </p>
              ))}
            </li>
          ))}
        </ul>
      </div>
      <NewestCard card={cards[0]} />
    </section>
  );
}

/**
 * Tells a screen reader once that a card arrived, rather than every card of every page the pager turns to. (Its
 * text is in the list; saying it here too would put every new card's words on the page twice.)
 */
function NewestCard({ card }: { card: Card | undefined }) {
  const [firstId] = useState(card?.id);
  const text = card && card.id !== firstId ? `New card: ${CARD_KIND_LABELS[card.kind]}` : '';
  return (
    <p className="visually-hidden" aria-live="polite">
      {text}
    </p>
  );
}

function sameLayout(a: CardLayout | null, b: CardLayout | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
