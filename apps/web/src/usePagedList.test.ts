import { describe, expect, it } from 'vitest';
import { fetchAllPages, fetchPage, withAdded } from './usePagedList';

/** A server's list of 7 rows in pages of `size`, answering as the API does (rows, and `next` until the last). */
function pagedServer(size: number) {
  const rows = Array.from({ length: 7 }, (_, n) => ({ id: `r${n}` }));
  const asked: string[] = [];
  const get = async (path: string) => {
    asked.push(path);
    const url = new URL(path, 'http://x');
    const from = Number(url.searchParams.get('cursor') ?? 0);
    const page = rows.slice(from, from + size);
    return { rows: page, next: from + size < rows.length ? String(from + size) : null };
  };
  return { rows, asked, get };
}

describe('fetchPage and fetchAllPages', () => {
  it('asks for the page after with the cursor the answer gave', async () => {
    const server = pagedServer(3);
    const first = await fetchPage(server.get, '/api/cases', 'rows', null);
    expect(first).toEqual({ items: server.rows.slice(0, 3), next: '3' });
    await fetchPage(server.get, '/api/cases', 'rows', '3');
    expect(server.asked).toEqual(['/api/cases', '/api/cases?cursor=3']);
  });

  it('follows every page to the end, losing and repeating nothing', async () => {
    const server = pagedServer(2);
    expect(await fetchAllPages(server.get, '/api/sessions', 'rows')).toEqual(server.rows);
    expect(server.asked).toHaveLength(4);
    expect(server.asked[1]).toBe('/api/sessions?cursor=2&limit=200');
  });
});

describe('withAdded', () => {
  it('shows a row just added first until a loaded page holds it, and never twice', () => {
    const loaded = [{ id: 'a' }, { id: 'b' }];
    expect(withAdded([{ id: 'new' }], loaded).map((row) => row.id)).toEqual(['new', 'a', 'b']);
    expect(withAdded([{ id: 'b' }], loaded).map((row) => row.id)).toEqual(['a', 'b']);
  });
});
