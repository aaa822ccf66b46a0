/** The only kinds of link the notes keep: web pages and e-mail addresses. */
export const NOTE_LINK_PROTOCOLS = ['http', 'https', 'mailto'] as const;

const ALLOWED = new Set(NOTE_LINK_PROTOCOLS.map((protocol) => `${protocol}:`));

/** Whether an address may be a link in the notes (checked on typing, pasting, and on every render). */
export function isAllowedNoteLink(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (!ALLOWED.has(parsed.protocol)) return false;
  return parsed.protocol === 'mailto:' ? parsed.pathname.includes('@') : parsed.hostname !== '';
}

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
