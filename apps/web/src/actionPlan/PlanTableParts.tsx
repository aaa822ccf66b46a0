import { ACTION_ROW_LABELS, type ActionRow } from '@consultboard/domain';
import { formatDate } from '../format';

/** The plan table's column headings, shared by the signed-in pages and the projector. */
export function PlanTableHead() {
  return (
    <thead>
      <tr>
        <th scope="col">{ACTION_ROW_LABELS.action}</th>
        <th scope="col">{ACTION_ROW_LABELS.who}</th>
        <th scope="col">{ACTION_ROW_LABELS.byWhen}</th>
        <th scope="col">{ACTION_ROW_LABELS.successLooksLike}</th>
        <th scope="col">{ACTION_ROW_LABELS.reviewDate}</th>
      </tr>
    </thead>
  );
}

/** One plan row's cells, in the headings' order; a date not set is left empty. */
export function PlanRowCells({ row }: { row: ActionRow }) {
  return (
    <>
      <td>{row.action}</td>
      <td>{row.who}</td>
      <td>{row.byWhen && formatDate(row.byWhen)}</td>
      <td>{row.successLooksLike}</td>
      <td>{row.reviewDate && formatDate(row.reviewDate)}</td>
    </>
  );
}
