import { useEffect } from 'react';
import { takeFocusRequest } from './router';

/** Names the browser tab after the page and, after an in-app navigation, moves focus to its heading. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} – Consultboard` : 'Consultboard';
    if (!takeFocusRequest()) return;
    const heading = document.querySelector<HTMLElement>('main h1');
    if (!heading) return;
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }, [title]);
}
