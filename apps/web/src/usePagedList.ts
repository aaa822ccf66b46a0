import { PAGE_SIZE, type Paged, pagePath } from '@consultboard/domain';
import { useCallback, useEffect, useState } from 'react';
import { apiGet, errorMessage } from './api';

/** How many pages a lookup follows at most (a choice list of 40,000 would be a fault, not a list). */
const MAX_PAGES = 200;

type Fetch = (path: string) => Promise<unknown>;

/** One page of a list: its rows under `key`, and the cursor of the page after. */
export async function fetchPage<T>(get: Fetch, path: string, key: string, cursor: string | null, limit?: number) {
  const body = (await get(pagePath(path, cursor, limit))) as Paged & Record<string, unknown>;
  return { items: (body[key] ?? []) as T[], next: typeof body.next === 'string' ? body.next : null };
}

/** Every row of a list, page after page: for a choice list or a lookup of names, which needs all of them. */
export async function fetchAllPages<T>(get: Fetch, path: string, key: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < MAX_PAGES; pages++) {
    const page: { items: T[]; next: string | null } = await fetchPage<T>(get, path, key, cursor, PAGE_SIZE.max);
    items.push(...page.items);
    if (page.next === null) return items;
    cursor = page.next;
  }
  return items;
}

export interface PagedList<T> {
  /** The rows shown so far (null until the first page arrives). */
  items: T[] | null;
  error: string | null;
  /** Whether there is another page, for a Show more button. */
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
  /** Starts again from the first page (after a change). */
  reload: () => void;
  /**
   * Starts again from the first page and keeps a row just made at the top until a loaded page holds it:
   * what a person has just added is on screen even when the list's order puts it on a later page.
   */
  added: (row: T) => void;
}

/** The rows just added that no loaded page holds yet, then the loaded rows. */
export function withAdded<T extends { id: string | number }>(added: readonly T[], loaded: readonly T[]): T[] {
  const shown = new Set(loaded.map((row) => row.id));
  return [...added.filter((row) => !shown.has(row.id)), ...loaded];
}

/** A list a page shows: the first page, then the next each time Show more is pressed. */
export function usePagedList<T extends { id: string | number }>(path: string, key: string): PagedList<T> {
  const [items, setItems] = useState<T[] | null>(null);
  const [justAdded, setJustAdded] = useState<T[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let current = true;
    setError(null);
    // The version is read so that reload() starts again from the first page.
    void version;
    fetchPage<T>(apiGet, path, key, null).then(
      (page) => {
        if (!current) return;
        setItems(page.items);
        setNext(page.next);
      },
      (caught: unknown) => current && setError(errorMessage(caught)),
    );
    return () => {
      current = false;
    };
  }, [path, key, version]);

  const loadMore = useCallback(() => {
    if (next === null || loadingMore) return;
    setLoadingMore(true);
    fetchPage<T>(apiGet, path, key, next)
      .then((page) => {
        setItems((shown) => [...(shown ?? []), ...page.items]);
        setNext(page.next);
      })
      .catch((caught: unknown) => setError(errorMessage(caught)))
      .finally(() => setLoadingMore(false));
  }, [path, key, next, loadingMore]);

  const reload = useCallback(() => setVersion((n) => n + 1), []);
  const added = useCallback((row: T) => {
    setJustAdded((rows) => [row, ...rows.filter((other) => other.id !== row.id)]);
    setVersion((n) => n + 1);
  }, []);
  return {
    items: items === null ? null : withAdded(justAdded, items),
    error,
    hasMore: next !== null,
    loadingMore,
    loadMore,
    reload,
    added,
  };
}

/** Every row of a list (all its pages), again whenever reload is called: for choices and lookups of names. */
export function useAllPages<T>(path: string | null, key: string) {
  const [items, setItems] = useState<T[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (path === null) return;
    let current = true;
    setError(null);
    void version;
    fetchAllPages<T>(apiGet, path, key).then(
      (all) => current && setItems(all),
      (caught: unknown) => current && setError(errorMessage(caught)),
    );
    return () => {
      current = false;
    };
  }, [path, key, version]);

  const reload = useCallback(() => setVersion((n) => n + 1), []);
  return { items, error, reload };
}
