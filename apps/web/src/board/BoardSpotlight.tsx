import { CARD_KIND_LABELS, type ShownCard } from '@consultboard/domain';
import { useCallback, useLayoutEffect, useRef } from 'react';
import { TYPE } from './boardType';
import { fitFont } from './fitFont';
import { useRefit } from './useRefit';

/** The spotlighted card takes the stage area, in the largest type that fits it (up to 1,000 characters). */
export function BoardSpotlight({ card }: { card: ShownCard }) {
  const area = useRef<HTMLElement>(null);
  const content = useRef<HTMLDivElement>(null);

  const refit = useCallback(() => {
    const box = area.current;
    const inner = content.current;
    if (!box || !inner || box.clientHeight <= 0) return;
    fitFont(box, '--spotlight-font', TYPE.spotlight, () => inner.offsetHeight <= box.clientHeight);
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: refit whenever the spotlighted text changes
  useLayoutEffect(refit, [refit, card.text, card.merged]);
  useRefit(area, refit);

  return (
    <section className="board-spotlight" aria-labelledby="spotlight-heading" ref={area}>
      <h2 id="spotlight-heading" className="visually-hidden">
        Spotlight
      </h2>
      <div className={`card board-spotlight-card kind-${card.kind}`} ref={content}>
        <p className={`card-kind kind-${card.kind}`}>
          {CARD_KIND_LABELS[card.kind]}
          {card.fromBank && <span className="badge from-bank">From the bank</span>}
        </p>
        <p className="board-spotlight-text">{card.text}</p>
        {card.merged?.map((merged) => (
          <p key={merged.id} className="board-spotlight-text board-card-merged">
            <span className="badge merged">Merged</span> {merged.text}
          </p>
        ))}
      </div>
    </section>
  );
}
