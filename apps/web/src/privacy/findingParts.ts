import { findingKey, type PersonalDataFinding } from '@consultboard/domain';

/** A piece of text to show, marked where it is a finding. */
export interface TextPart {
  text: string;
  marked: boolean;
}

/** How many characters of context show either side of a finding under a field. */
export const CONTEXT_CHARACTERS = 24;

/**
 * Splits a text into plain and marked parts along its findings (overlapping findings merge), so a page can mark
 * the words with `<mark>` without ever injecting HTML.
 */
export function markedParts(text: string, findings: readonly Pick<PersonalDataFinding, 'start' | 'end'>[]): TextPart[] {
  const spans = findings
    .map((finding) => [Math.max(0, finding.start), Math.min(text.length, finding.end)] as const)
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  const parts: TextPart[] = [];
  let at = 0;
  for (const [start, end] of spans) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    const last = parts.at(-1);
    if (from > at) parts.push({ text: text.slice(at, from), marked: false });
    else if (last?.marked) {
      // Overlapping or touching findings read as one marked stretch.
      last.text += text.slice(from, end);
      at = end;
      continue;
    }
    parts.push({ text: text.slice(from, end), marked: true });
    at = end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false });
  return parts;
}

/** A finding in its context: a few words either side (cut at a space where one is near), the finding marked. */
export function findingContext(text: string, finding: Pick<PersonalDataFinding, 'start' | 'end'>): TextPart[] {
  let from = Math.max(0, finding.start - CONTEXT_CHARACTERS);
  let to = Math.min(text.length, finding.end + CONTEXT_CHARACTERS);
  if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space !== -1 && space < finding.start) from = space + 1;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space >= finding.end) to = space;
  }
  const parts = markedParts(text.slice(from, to), [{ start: finding.start - from, end: finding.end - from }]);
  if (from > 0) parts.unshift({ text: '…', marked: false });
  if (to < text.length) parts.push({ text: '…', marked: false });
  return parts;
}

/**
 * The findings to show under a field: those nobody has dismissed, each set of words once (the first place they
 * appear), in the order of the text.
 */
export function findingsToShow<F extends PersonalDataFinding>(
  findings: readonly F[],
  dismissed: ReadonlySet<string>,
): F[] {
  const seen = new Set<string>();
  return [...findings]
    .sort((a, b) => a.start - b.start)
    .filter((finding) => {
      const key = findingKey(finding);
      if (dismissed.has(key) || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** A topic's text as the server checked it (trimmed, spaces squashed), so its findings' places line up. */
export const asChecked = (reference: string) => reference.trim().replace(/\s+/g, ' ');
