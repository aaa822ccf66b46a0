import { findingKey, findPersonalData, notesFragmentName, type PersonalDataFinding } from '@consultboard/domain';
import * as Y from 'yjs';

/**
 * The privacy guard over a case's notes (issue 10, item 4): the notes are Yjs XML, one fragment per stage, in which
 * each paragraph's words are one XmlText with its marks as formatting. A finding is looked for in each XmlText's
 * words, and replaced there, keeping the formatting it had, as an edit of the live document.
 */

/** One XmlText of a stage's notes and its words; an embed (the notes have none today) counts as one character. */
interface TextRun {
  node: Y.XmlText;
  text: string;
}

function runsOf(node: Y.XmlFragment | Y.XmlElement, into: TextRun[]): TextRun[] {
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlText) {
      const text = (child.toDelta() as { insert: unknown }[])
        .map((part) => (typeof part.insert === 'string' ? part.insert : '\uFFFC'))
        .join('');
      into.push({ node: child, text });
    } else if (child instanceof Y.XmlElement) runsOf(child, into);
  }
  return into;
}

/** A stage's text runs, or none when the document never had notes for that stage. */
function stageRuns(doc: Y.Doc, stageId: string): TextRun[] {
  const name = notesFragmentName(stageId);
  if (!doc.share.has(name)) return [];
  return runsOf(doc.getXmlFragment(name), []);
}

/** The words of each paragraph of a stage's notes, read out so the detector can run after the document is let go. */
export function notesParagraphs(doc: Y.Doc, stageId: string): string[] {
  return stageRuns(doc, stageId).map((run) => run.text);
}

/** The formatting of the character at `index` of an XmlText (the marks the replacement keeps). */
function formatAt(node: Y.XmlText, index: number): Record<string, unknown> {
  let at = 0;
  for (const part of node.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    const length = typeof part.insert === 'string' ? part.insert.length : 1;
    if (index < at + length) return part.attributes ?? {};
    at += length;
  }
  return {};
}

/**
 * Replaces, in a stage's notes, every finding with these words of this kind (that `keep` keeps), from the end of
 * each paragraph so earlier positions hold. To be run inside the room's server edit. Returns how many it replaced.
 */
export function replaceInNotes(
  doc: Y.Doc,
  stageId: string,
  key: string,
  replacement: string,
  keep: (findings: PersonalDataFinding[]) => PersonalDataFinding[],
): number {
  let replaced = 0;
  for (const run of stageRuns(doc, stageId)) {
    const matching = keep(findPersonalData(run.text))
      .filter((finding) => findingKey(finding) === key)
      .sort((a, b) => b.start - a.start);
    for (const finding of matching) {
      const format = formatAt(run.node, finding.start);
      run.node.delete(finding.start, finding.end - finding.start);
      run.node.insert(finding.start, replacement, format);
      replaced += 1;
    }
  }
  return replaced;
}
