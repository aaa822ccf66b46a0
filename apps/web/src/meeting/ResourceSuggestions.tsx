import { AREA_OF_NEED_LABELS, type DirectorySuggestion, type ServiceLink } from '@consultboard/domain';
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';

/** How long the typing must pause before the directory is asked, and the fewest characters worth asking about. */
const PAUSE_MS = 250;
const MIN_CHARACTERS = 2;

/** At most this much of what a service offers shows under its name (the whole entry is on the Directory page). */
const OFFER_CHARACTERS = 90;

const shortOffer = (offer: string) =>
  offer.length > OFFER_CHARACTERS ? `${offer.slice(0, OFFER_CHARACTERS - 1).trimEnd()}…` : offer;

/**
 * Issue 13: under the Resource box, the directory's services that match what is typed (by name, offer or area of
 * need), from the session's locality. The box stays a plain text box; its list of suggestions is a listbox it
 * controls: Down arrow from the box goes into the list, Up and Down move, Enter or Space chooses, Escape goes back.
 * On a phone each suggestion is a large target under the thumb. Choosing one puts its name in the box and links
 * the card to the entry; **Remove link** undoes the link and keeps the words.
 */
export function ResourceSuggestions({
  placeId,
  text,
  linked,
  suggest,
  onChoose,
  onUnlink,
}: {
  /** The `data-place` of the Resource box this list belongs to (for the keyboard and to give focus back). */
  placeId: string;
  text: string;
  linked: ServiceLink | null;
  suggest: (q: string) => Promise<DirectorySuggestion[]>;
  onChoose: (suggestion: DirectorySuggestion) => void;
  onUnlink: () => void;
}) {
  const [found, setFound] = useState<DirectorySuggestion[]>([]);
  const [asked, setAsked] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const statusId = useId();
  const options = useRef<(HTMLDivElement | null)[]>([]);
  const query = text.trim();
  const wanted = !linked && query.length >= MIN_CHARACTERS;

  useEffect(() => {
    if (!wanted) {
      setFound([]);
      setAsked('');
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      suggest(query).then((suggestions) => {
        if (!current) return;
        setFound(suggestions);
        setAsked(query);
        setActive(0);
      });
    }, PAUSE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [wanted, query, suggest]);

  const shown = wanted ? found : [];
  const listShown = shown.length > 0;
  // On a phone the list opens below the box, often under the keyboard: bring it into view once as it opens.
  useEffect(() => {
    if (listShown) options.current[0]?.scrollIntoView?.({ block: 'nearest' });
  }, [listShown]);
  // Found by its data-place (which holds NULs, so no CSS selector can name it).
  const box = () =>
    [...document.querySelectorAll<HTMLTextAreaElement>('textarea[data-place]')].find(
      (element) => element.dataset.place === placeId,
    );

  // Down arrow in the box (at its end, so a second line can still be reached) goes into the list.
  useEffect(() => {
    const element = box();
    if (!element) return;
    // Only while the list is there: a reference to nothing would mislead a screen reader.
    if (shown.length > 0) element.setAttribute('aria-controls', listId);
    else element.removeAttribute('aria-controls');
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'ArrowDown' || shown.length === 0) return;
      if (element.selectionStart !== element.value.length) return;
      event.preventDefault();
      setActive(0);
      options.current[0]?.focus();
    };
    element.addEventListener('keydown', onKey);
    return () => {
      element.removeEventListener('keydown', onKey);
      element.removeAttribute('aria-controls');
    };
  });

  function choose(suggestion: DirectorySuggestion) {
    onChoose(suggestion);
    setFound([]);
    box()?.focus();
  }

  function onOptionKey(event: KeyboardEvent<HTMLDivElement>, index: number) {
    const move = (to: number) => {
      event.preventDefault();
      setActive(to);
      options.current[to]?.focus();
    };
    if (event.key === 'ArrowDown') move(Math.min(index + 1, shown.length - 1));
    else if (event.key === 'ArrowUp') {
      if (index === 0) {
        event.preventDefault();
        box()?.focus();
      } else move(index - 1);
    } else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(shown.length - 1);
    else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      choose(shown[index] as DirectorySuggestion);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setFound([]);
      box()?.focus();
    }
  }

  if (linked)
    return (
      <div className="resource-link">
        <p>
          Links to the directory: <strong>{linked.name}</strong>
        </p>
        <p className="muted">How to access: {linked.access}</p>
        <button type="button" className="button secondary" onClick={onUnlink}>
          Remove link
        </button>
      </div>
    );

  const status =
    !wanted || asked !== query
      ? ''
      : shown.length === 0
        ? 'No service in the directory matches.'
        : `${shown.length} ${shown.length === 1 ? 'service' : 'services'} in the directory. Choose one to link the card.`;
  return (
    <div className="resource-suggestions">
      <p id={statusId} className="muted resource-status" aria-live="polite">
        {status}
        {shown.length > 0 && <span className="visually-hidden"> Down arrow to reach the list.</span>}
      </p>
      {shown.length > 0 && (
        <div id={listId} role="listbox" aria-label="Services in the directory" className="resource-options">
          {shown.map((suggestion, index) => (
            <div
              key={suggestion.id}
              ref={(element) => {
                options.current[index] = element;
              }}
              role="option"
              aria-selected={index === active}
              tabIndex={index === active ? 0 : -1}
              className="resource-option"
              onClick={() => choose(suggestion)}
              onKeyDown={(event) => onOptionKey(event, index)}
            >
              <span className="resource-name">{suggestion.name}</span>
              <span className="resource-offer">{shortOffer(suggestion.offer)}</span>
              {suggestion.areasOfNeed.length > 0 && (
                <span className="resource-areas">
                  {suggestion.areasOfNeed.map((area) => AREA_OF_NEED_LABELS[area]).join('; ')}
                </span>
              )}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
