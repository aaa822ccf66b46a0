import { pagerLabel } from './pager';

/**
 * Says which part of a paged area shows now ("Cards 13–24 of 31"), so the room knows more is coming. The line is
 * kept (empty) while everything fits, so the area below it does not change size when paging starts or stops.
 */
export function PagerStatus({
  noun,
  range,
  total,
  paging,
}: {
  noun: string;
  range: { first: number; last: number };
  total: number;
  paging: boolean;
}) {
  return <p className="board-pager">{paging ? pagerLabel(noun, range, total) : ''}</p>;
}
