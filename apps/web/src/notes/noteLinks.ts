import { isAllowedNoteLink } from '@consultboard/domain';

// The link rules live in the domain, so the server checks every synced link against the same ones.
export { isAllowedNoteLink, NOTE_LINK_PROTOCOLS } from '@consultboard/domain';

// A scheme is letters before a colon that are not a host name with a port ("example.org:8080").
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/**
 * Turns what someone typed into the link box into an address the notes accept, or null:
 * "example.org/page" becomes https://example.org/page, "name@school.example" a mailto: link.
 */
export function linkFromInput(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '' || /\s/.test(trimmed)) return null;
  const scheme = SCHEME.exec(trimmed)?.[1];
  let candidate: string;
  if (scheme && !scheme.includes('.') && scheme.toLowerCase() !== 'localhost') candidate = trimmed;
  else if (/^[^@/]+@[^@/]+\.[^@/]+$/.test(trimmed)) candidate = `mailto:${trimmed}`;
  else candidate = `https://${trimmed}`;
  if (!isAllowedNoteLink(candidate)) return null;
  return new URL(candidate).href;
}
