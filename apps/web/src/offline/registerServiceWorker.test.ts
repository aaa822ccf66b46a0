import { describe, expect, it } from 'vitest';
import { WARM_MESSAGE as sent } from './registerServiceWorker';
import { WARM_MESSAGE as heard } from './swRoutes';

describe('the page and its service worker', () => {
  it('speak the same words to cache the notes once the page is idle', () => {
    expect(sent).toBe(heard);
  });
});
