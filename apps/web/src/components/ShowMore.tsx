import type { PagedList } from '../usePagedList';

/** Show more: the next page of a list, offered only while there is one. */
export function ShowMore({ list }: { list: Pick<PagedList<unknown>, 'hasMore' | 'loadingMore' | 'loadMore'> }) {
  if (!list.hasMore) return null;
  return (
    <p className="show-more">
      <button type="button" className="button secondary" disabled={list.loadingMore} onClick={list.loadMore}>
        Show more
      </button>
    </p>
  );
}
