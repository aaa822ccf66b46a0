import type { DecorationAttrs } from '@tiptap/pm/view';
import { colourForName } from './noteColours';

/** A remote person as the awareness protocol reports them; anything may be missing or odd. */
type RemoteUser = Record<string, unknown>;

function nameOf(user: RemoteUser): string {
  const name = typeof user.name === 'string' ? user.name.trim() : '';
  return name === '' ? 'Someone' : name.slice(0, 60);
}

/**
 * Another person's caret with their name on a label. Coloured by class from their name (the same on every
 * screen, with readable contrast), never by inline style: the Content-Security-Policy forbids inline styles.
 * The name is drawn by CSS from data-name, so it never becomes part of the notes' text (for screen readers,
 * copying, or anything reading the document), and the caret is hidden from assistive technology.
 */
export function caretElement(user: RemoteUser): HTMLElement {
  const caret = document.createElement('span');
  const name = nameOf(user);
  caret.className = `notes-caret note-colour-${colourForName(name).index}`;
  caret.dataset.name = name;
  caret.setAttribute('aria-hidden', 'true');
  return caret;
}

/** Another person's selection, tinted in their colour. */
export function caretSelection(user: RemoteUser): DecorationAttrs {
  return { class: `notes-selection note-colour-${colourForName(nameOf(user)).index}` };
}
