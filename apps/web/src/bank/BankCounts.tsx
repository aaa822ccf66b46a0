import { AREA_OF_NEED_LABELS, type BankEntryView, CASE_TYPE_LABELS, REVIEW_IMPACT_LABELS } from '@consultboard/domain';

const times = (n: number) => (n === 1 ? '1 time' : `${n} times`);

/**
 * How an entry of the bank was chosen and worked out: "Chosen 2 times", then the latest review of each plan action
 * that came from it (Achieved / Partly achieved / Not yet), as a list a screen reader reads term by term. On the
 * bank page (`showAreas`) also what it helped with: the areas of need and the case types of the cases it was
 * chosen for.
 */
export function BankCounts({ entry, showAreas = false }: { entry: BankEntryView; showAreas?: boolean }) {
  return (
    <dl className="bank-counts">
      <div>
        <dt>Chosen</dt>
        <dd>{times(entry.chosen)}</dd>
      </div>
      <div>
        <dt>{REVIEW_IMPACT_LABELS.achieved}</dt>
        <dd>{entry.achieved}</dd>
      </div>
      <div>
        <dt>{REVIEW_IMPACT_LABELS.partly}</dt>
        <dd>{entry.partly}</dd>
      </div>
      <div>
        <dt>{REVIEW_IMPACT_LABELS['not-yet']}</dt>
        <dd>{entry.notYet}</dd>
      </div>
      <div>
        <dt>Last chosen</dt>
        <dd>{entry.lastChosen}</dd>
      </div>
      {showAreas && entry.areasOfNeed.length > 0 && (
        <div className="bank-areas">
          <dt>Areas of need</dt>
          <dd>{entry.areasOfNeed.map((area) => AREA_OF_NEED_LABELS[area]).join('; ')}</dd>
        </div>
      )}
      {showAreas && entry.caseTypes.length > 0 && (
        <div className="bank-areas">
          <dt>{entry.caseTypes.length === 1 ? 'Case type' : 'Case types'}</dt>
          <dd>{entry.caseTypes.map((type) => CASE_TYPE_LABELS[type]).join('; ')}</dd>
        </div>
      )}
    </dl>
  );
}
