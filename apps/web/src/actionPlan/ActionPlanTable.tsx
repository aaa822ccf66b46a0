import { ACTION_ROW_LABELS, type ActionRow } from '@consultboard/domain';
import './plan.css';
import { formatDate } from '../format';
import { PlanRowCells, PlanTableHead } from './PlanTableParts';

const when = (date: string) => (date === '' ? 'Not set' : formatDate(date));

/** The plan read-only: a table for the board and signed-in pages, a compact list for phones. */
export function ActionPlanTable({
  rows,
  variant,
  caption = 'Action plan',
}: {
  rows: readonly ActionRow[];
  variant: 'table' | 'compact';
  caption?: string;
}) {
  if (rows.length === 0) return <p className="muted">No actions yet.</p>;
  if (variant === 'compact') {
    return (
      <ol className="plan-compact" aria-label={caption}>
        {rows.map((row) => (
          <li key={row.id} className="card">
            <p className="plan-compact-action">{row.action}</p>
            <dl>
              <div>
                <dt>{ACTION_ROW_LABELS.who}</dt>
                <dd>{row.who || 'Not set'}</dd>
              </div>
              <div>
                <dt>{ACTION_ROW_LABELS.byWhen}</dt>
                <dd>{when(row.byWhen)}</dd>
              </div>
              <div>
                <dt>{ACTION_ROW_LABELS.successLooksLike}</dt>
                <dd>{row.successLooksLike || 'Not set'}</dd>
              </div>
              <div>
                <dt>{ACTION_ROW_LABELS.reviewDate}</dt>
                <dd>{when(row.reviewDate)}</dd>
              </div>
            </dl>
          </li>
        ))}
      </ol>
    );
  }
  return (
    <div className="plan-table-wrap">
      <table className="plan-table">
        <caption className="visually-hidden">{caption}</caption>
        <PlanTableHead />
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <PlanRowCells row={row} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
