import type { PersonalDataFinding } from '@consultboard/domain';
import { useEffect, useState } from 'react';
import { loadDetector } from './loadDetector';

/** How long typing pauses before the text is checked: the detector runs once a pause, not on every key. */
export const CHECK_DELAY_MS = 300;

/**
 * The privacy guard's findings in a text as it is typed: the detector is fetched on first use (never on the
 * phone), and runs once typing pauses. `enabled` false checks nothing and loads nothing.
 */
export function useFindings(text: string, enabled = true): PersonalDataFinding[] {
  const [findings, setFindings] = useState<PersonalDataFinding[]>([]);
  useEffect(() => {
    if (!enabled || text.trim() === '') {
      setFindings([]);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      loadDetector().then(
        (find) => current && setFindings(find(text)),
        // The detector could not be fetched (offline): the server still checks every save.
        () => {},
      );
    }, CHECK_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text, enabled]);
  return findings;
}
