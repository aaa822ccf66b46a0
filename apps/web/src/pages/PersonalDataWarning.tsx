import { describeFinding, type PersonalDataFinding } from '@consultboard/domain';
import { useEffect, useRef } from 'react';
import { MarkedText } from '../privacy/MarkedText';
import '../privacy/privacy.css';

/**
 * Issue 10, item 2: the server refused a phone's card because its words look like personal data. The phone says what
 * it found, in words, with the words marked, and offers Edit (back to the box, the words kept there) or Send for
 * the EP to check (the card is held on the console until the EP shows it). The words never reached anyone else.
 */
export function PersonalDataWarning({
  text,
  findings,
  reference,
  onEdit,
  onSendForCheck,
}: {
  text: string;
  findings: readonly PersonalDataFinding[];
  /** The case's reference, when it is a child's: the words to use instead of a name. */
  reference?: string;
  onEdit: () => void;
  onSendForCheck: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  // The warning replaces what was just sent: whoever pressed Add is taken to it.
  useEffect(() => heading.current?.focus(), []);
  const described = [...new Map(findings.map((finding) => [`${finding.kind}:${finding.text}`, finding])).values()];
  return (
    <section className="notice privacy-warning" aria-labelledby="privacy-warning-heading">
      <h2 id="privacy-warning-heading" tabIndex={-1} ref={heading}>
        Your card was not added
      </h2>
      <ul>
        {described.map((finding) => (
          <li key={`${finding.kind}:${finding.text}`}>{describeFinding(finding, reference)}</li>
        ))}
      </ul>
      <p className="privacy-warning-text">
        <MarkedText text={text} findings={findings} />
      </p>
      <div className="button-row">
        <button type="button" className="button primary" onClick={onEdit}>
          Edit
        </button>
        <button type="button" className="button secondary" onClick={onSendForCheck}>
          Send for the EP to check
        </button>
      </div>
    </section>
  );
}
