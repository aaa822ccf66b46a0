import { useCallback, useEffect, useRef } from 'react';

/**
 * Moves focus to an element that is about to appear: after Merge the card that was merged leaves the list (and its
 * button with it), so focus goes to its Unmerge button once the merge has come back from the room, rather than
 * falling to the page. Returns `focusLater(id)`; `forget()` drops a wish whose command was refused.
 */
export function useFocusLater(): { focusLater: (id: string) => void; forget: () => void } {
  const wanted = useRef<string | null>(null);
  useEffect(() => {
    if (!wanted.current) return;
    const element = document.getElementById(wanted.current);
    if (!element) return;
    wanted.current = null;
    element.focus();
  });
  const focusLater = useCallback((id: string) => {
    wanted.current = id;
  }, []);
  const forget = useCallback(() => {
    wanted.current = null;
  }, []);
  return { focusLater, forget };
}
