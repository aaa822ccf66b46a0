import './privacy.css';
import type { PersonalDataFinding } from '@consultboard/domain';
import { ApiError } from '../api';
import { MarkedText } from './FieldFindings';
import { asChecked, markedParts } from './findingParts';

/** The findings a refused topic carries (400 `personal_data`), or none. */
export function referenceFindings(caught: unknown): PersonalDataFinding[] {
  if (!(caught instanceof ApiError) || caught.code !== 'personal_data') return [];
  return ((caught.body as { findings?: PersonalDataFinding[] } | undefined)?.findings ?? []) as PersonalDataFinding[];
}

/** Under a refused case reference or topic: the words the server flagged, marked in what was typed. */
export function ReferenceFindings({ value, findings }: { value: string; findings: readonly PersonalDataFinding[] }) {
  if (findings.length === 0) return null;
  return (
    <p className="reference-findings">
      <span className="visually-hidden">Flagged words marked: </span>
      <MarkedText parts={markedParts(asChecked(value), findings)} />
    </p>
  );
}
