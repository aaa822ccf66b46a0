import { describe, expect, it } from 'vitest';
import { clampPage, newestArrived, PAGER_START, pageIntervalMs, pagerLabel, rangeOfPage, turnPage } from './pager';

describe('the board pager', () => {
  it('goes round every page', () => {
    let state = PAGER_START;
    const seen = [state.page];
    for (let turn = 0; turn < 4; turn++) {
      state = turnPage(state, 3);
      seen.push(state.page);
    }
    expect(seen).toEqual([0, 1, 2, 0, 1]);
  });

  it('shows the first page (the newest card) next when one arrives, then carries on the round', () => {
    let state = turnPage(PAGER_START, 4); // page 1
    state = newestArrived(state);
    state = turnPage(state, 4);
    expect(state.page).toBe(0);
    state = turnPage(state, 4);
    expect(state.page).toBe(2);
  });

  it('never stalls on a page when the newest arrives on the last page', () => {
    let state = { ...PAGER_START, page: 2 };
    state = turnPage(newestArrived(state), 3);
    expect(state.page).toBe(0);
    expect(turnPage(state, 3).page).toBe(1);
  });

  it('does nothing more when the first page shows already', () => {
    expect(newestArrived(PAGER_START)).toBe(PAGER_START);
  });

  it('stays within the pages when there are fewer', () => {
    expect(clampPage({ ...PAGER_START, page: 5, resume: 6 }, 3)).toMatchObject({ page: 2, resume: null });
  });

  it('counts every turn, so each page gets its full time', () => {
    expect(turnPage(turnPage(PAGER_START, 2), 2).turns).toBe(2);
  });

  it('says which cards show', () => {
    expect(pagerLabel('Cards', rangeOfPage([14, 12, 23]), 31)).toBe('Cards 13–24 of 31');
    expect(pagerLabel('Cards', rangeOfPage([30]), 31)).toBe('Cards 31 of 31');
  });

  it('pages every 8 seconds unless the address asks for 1 to 60', () => {
    expect(pageIntervalMs('')).toBe(8000);
    expect(pageIntervalMs('?pageSeconds=1')).toBe(1000);
    expect(pageIntervalMs('?pageSeconds=0')).toBe(8000);
    expect(pageIntervalMs('?pageSeconds=600')).toBe(8000);
    expect(pageIntervalMs('?pageSeconds=abc')).toBe(8000);
  });
});
