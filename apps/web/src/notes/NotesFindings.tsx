import { describeFinding, findingContext, notesFragmentName, type PersonalDataFinding } from '@consultboard/domain';
import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { useDetector } from '../privacy/useDetector';
import '../privacy/privacy.css';

/** How long the notes rest before they are looked through again: a finding waits for a pause in the typing. */
const PAUSE_MS = 500;

/** The words of each paragraph of a stage's notes (each XmlText), as the server's check reads them. */
function paragraphTexts(fragment: Y.XmlFragment | Y.XmlElement, into: string[] = []): string[] {
  for (const child of fragment.toArray()) {
    if (child instanceof Y.XmlText)
      into.push(
        (child.toDelta() as { insert: unknown }[])
          .map((part) => (typeof part.insert === 'string' ? part.insert : '\uFFFC'))
          .join(''),
      );
    else if (child instanceof Y.XmlElement) paragraphTexts(child, into);
  }
  return into;
}

interface Found {
  finding: PersonalDataFinding;
  source: string;
}

/**
 * Issue 10, item 4: on the EP's console, what in this stage's notes looks like personal data, listed as people type
 * (after a pause), so it can be put right before Check before keeping asks. The detector is loaded only here and
 * in the signed-in forms; phones never load it.
 */
export function NotesFindings({ doc, stageId }: { doc: Y.Doc; stageId: string }) {
  const detect = useDetector();
  const [found, setFound] = useState<Found[]>([]);
  useEffect(() => {
    if (!detect) return;
    const fragment = doc.getXmlFragment(notesFragmentName(stageId));
    let timer: ReturnType<typeof setTimeout> | null = null;
    const look = () => {
      timer = null;
      setFound(paragraphTexts(fragment).flatMap((source) => detect(source).map((finding) => ({ finding, source }))));
    };
    const later = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(look, PAUSE_MS);
    };
    look();
    doc.on('update', later);
    return () => {
      doc.off('update', later);
      if (timer) clearTimeout(timer);
    };
  }, [doc, stageId, detect]);

  if (found.length === 0) return null;
  return (
    <section className="notes-findings" aria-labelledby="notes-findings-heading">
      <h3 id="notes-findings-heading">Looks like personal data ({found.length})</h3>
      <ul>
        {found.map(({ finding, source }, index) => {
          const context = findingContext(source, finding.start, finding.end);
          return (
            // Findings have no id of their own; their order follows the notes.
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is rebuilt whole after each pause
            <li key={index}>
              <span className="finding-context">
                {context.before}
                <mark>{context.match}</mark>
                {context.after}
              </span>{' '}
              <span className="muted">{describeFinding(finding)}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
