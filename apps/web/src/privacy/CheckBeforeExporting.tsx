import './privacy.css';
import { describeFinding, type ExportFinding, findingKey, PRIVACY_PLACE_LABELS } from '@consultboard/domain';
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../api';
import { useCasePrivacy } from './PrivacyContext';

/**
 * **Check before exporting** (issue 10): the findings that stopped an export, each with where it is and **This is
 * not personal**; the other way is to change the words where they are (the preparation form or the plan above).
 */
export function CheckBeforeExporting({
  findings,
  onClose,
}: {
  findings: readonly ExportFinding[];
  onClose: () => void;
}) {
  const privacy = useCasePrivacy();
  const heading = useRef<HTMLHeadingElement>(null);
  const [error, setError] = useState<string | null>(null);
  // Take the keyboard to the panel when it opens, so the reason the file did not come is heard at once.
  useEffect(() => heading.current?.focus(), []);
  const left = findings.filter((finding) => !privacy?.dismissed.has(findingKey(finding)));
  return (
    <section className="notice export-check" aria-labelledby="export-check-heading">
      <h3 id="export-check-heading" ref={heading} tabIndex={-1}>
        Check before exporting
      </h3>
      {left.length > 0 ? (
        <>
          <p>
            These words look like personal data, and the file must not hold them unchecked. Change them where they are,
            or choose <strong>This is not personal</strong>.
          </p>
          <ul>
            {left.map((finding) => (
              <li key={`${finding.place} ${findingKey(finding)}`}>
                <p>
                  <strong>{PRIVACY_PLACE_LABELS[finding.place]}:</strong> {describeFinding(finding, privacy?.reference)}
                </p>
                {privacy?.mayDismiss && (
                  <button
                    type="button"
                    className="button secondary small"
                    aria-label={`This is not personal: ${finding.text}`}
                    onClick={() => {
                      setError(null);
                      privacy.dismiss(finding).catch((caught: unknown) => setError(errorMessage(caught)));
                    }}
                  >
                    This is not personal
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>Nothing left to check. Export again.</p>
      )}
      {error && <p className="field-error">{error}</p>}
      <div className="button-row">
        <button type="button" className="button secondary" onClick={onClose}>
          Close
        </button>
      </div>
    </section>
  );
}
