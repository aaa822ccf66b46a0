// How every list of the API is paged, without zod: the server cuts pages by it and the web asks for more by it.

/** Rows in one page of a list: as many unless the request asks for fewer (`?limit=`), never more than max. */
export const PAGE_SIZE = { default: 50, max: 200 } as const;

/**
 * Every list answers its rows and `next`: null on the last page, otherwise the cursor to send as `?cursor=` for
 * the page after. A cursor marks a place in the list's order, so rows added meanwhile shift nothing.
 */
export interface Paged {
  next: string | null;
}

/** The address of the page after `next` (the first page when there is no cursor). */
export function pagePath(path: string, cursor: string | null, limit?: number): string {
  const query = new URLSearchParams();
  if (cursor !== null) query.set('cursor', cursor);
  if (limit !== undefined) query.set('limit', String(limit));
  const suffix = query.toString();
  if (suffix === '') return path;
  return `${path}${path.includes('?') ? '&' : '?'}${suffix}`;
}
