import './privacy.css';
import { describeFinding, findingKey, type PersonalDataFinding } from '@consultboard/domain';
import { useState } from 'react';
import { errorMessage } from '../api';
import { findingContext, findingsToShow, type TextPart } from './findingParts';
import { useCasePrivacy } from './PrivacyContext';
import { useFindings } from './useFindings';

/** Text with its findings in `<mark>`. */
export function MarkedText({ parts }: { parts: TextPart[] }) {
  return (
    <>
      {parts.map((part, index) =>
        part.marked ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text, in order, never reordered
          <mark key={index}>{part.text}</mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}

/**
 * Under a field that saves as it types: what the privacy guard found, in words and marked in its context, each
 * with **This is not personal**. It never stops the save. Outside a case page (no CasePrivacyProvider) it shows
 * nothing and loads nothing.
 */
export function FieldFindings({ text, label }: { text: string; label: string }) {
  const privacy = useCasePrivacy();
  const found = useFindings(text, privacy !== null);
  const [error, setError] = useState<string | null>(null);
  if (!privacy) return null;
  const shown = findingsToShow(found, privacy.dismissed);
  const dismiss = (finding: PersonalDataFinding) => {
    setError(null);
    privacy.dismiss(finding).catch((caught: unknown) => setError(errorMessage(caught)));
  };
  return (
    // Polite: a warning is read out once typing pauses, without interrupting.
    <div className="field-findings" aria-live="polite">
      {shown.length > 0 && (
        <ul aria-label={`Personal data to check in ${label}`}>
          {shown.map((finding) => (
            <li key={findingKey(finding)}>
              <p className="finding-words">{describeFinding(finding, privacy.reference)}</p>
              <p className="finding-context">
                <MarkedText parts={findingContext(text, finding)} />
              </p>
              {privacy.mayDismiss && (
                <button
                  type="button"
                  className="button secondary small"
                  aria-label={`This is not personal: ${finding.text}`}
                  onClick={() => dismiss(finding)}
                >
                  This is not personal
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {error && <p className="field-error">{error}</p>}
    </div>
  );
}
