import { type RefObject, useLayoutEffect, useRef } from 'react';
import { flushSync } from 'react-dom';

/**
 * Calls `refit` when the area changes size, when web fonts finish loading and, with `watchContent`, when anything
 * inside it changes (the notes, edited live). Each refit runs before the browser paints, so the board never
 * shows a frame of type at the wrong size.
 */
export function useRefit(
  area: RefObject<HTMLElement | null>,
  refit: () => void,
  options: { watchContent?: boolean } = {},
) {
  const latest = useRef(refit);
  latest.current = refit;
  const watchContent = options.watchContent ?? false;

  useLayoutEffect(() => {
    const element = area.current;
    if (!element) return;
    let live = true;
    // Observers report between layout and paint; flushSync makes a state change land in that same frame.
    const run = () => {
      if (live) flushSync(() => latest.current());
    };
    const resize = new ResizeObserver(run);
    resize.observe(element);
    const content = watchContent ? new MutationObserver(run) : null;
    content?.observe(element, { childList: true, subtree: true, characterData: true });
    const fonts = document.fonts;
    fonts?.ready.then(run, () => {});
    fonts?.addEventListener('loadingdone', run);
    return () => {
      live = false;
      resize.disconnect();
      content?.disconnect();
      fonts?.removeEventListener('loadingdone', run);
    };
  }, [area, watchContent]);
}
