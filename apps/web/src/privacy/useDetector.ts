import type { PersonalDataFinding } from '@consultboard/domain';
import { useEffect, useState } from 'react';
import { loadDetector } from './loadDetector';

type Detector = (text: string) => PersonalDataFinding[];
let loaded: Detector | null = null;

/** The privacy guard's detector once its chunk has loaded (null until then); fetched once per page. */
export function useDetector(): Detector | null {
  const [detector, setDetector] = useState<Detector | null>(() => loaded);
  useEffect(() => {
    if (detector) return;
    let live = true;
    loadDetector()
      .then((found) => {
        loaded = found;
        if (live) setDetector(() => found);
      })
      .catch(() => {
        // Without the detector the console warns of nothing while typing; Check before keeping asks the server.
      });
    return () => {
      live = false;
    };
  }, [detector]);
  return detector;
}
