import { describe, expect, it } from 'vitest';
import { pagePath } from './paging.js';

describe('pagePath', () => {
  it('asks for the first page plainly, and the next with the cursor it was given', () => {
    expect(pagePath('/api/cases', null)).toBe('/api/cases');
    expect(pagePath('/api/cases', 'WzEsImEiXQ')).toBe('/api/cases?cursor=WzEsImEiXQ');
    expect(pagePath('/api/audit?x=1', 'a+b/c', 20)).toBe('/api/audit?x=1&cursor=a%2Bb%2Fc&limit=20');
  });
});
