import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, test as base, devices, expect, type Page } from '@playwright/test';
import { type AppServer, startApp } from './server';

export const EP = { name: 'EP Lead', email: 'ep.lead@eps.example', password: 'a long passphrase' };

/** Each worker runs its own app over its own fresh database. */
export const test = base.extend<{ app: AppServer }, { workerApp: AppServer }>({
  workerApp: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies as the first argument
    async ({}, use) => {
      const app = await startApp();
      await use(app);
      await app.stop();
    },
    { scope: 'worker' },
  ],
  app: async ({ workerApp }, use) => use(workerApp),
});
export { expect };

/** A phone-sized browser context (small mobile viewport, touch). */
export function newPhone(browser: Browser): Promise<BrowserContext> {
  const { defaultBrowserType: _ignored, ...phone } = devices['Pixel 5'];
  return browser.newContext({ ...phone, viewport: { width: 360, height: 740 }, locale: 'en-GB' });
}

/** Sets up the first account through the set-up page, or signs in if it exists already. */
export async function signIn(page: Page, app: AppServer): Promise<void> {
  await page.goto(app.url);
  const setUp = page.getByRole('heading', { name: 'Set up Consultboard' });
  const signInHeading = page.getByRole('heading', { name: 'Sign in' });
  await expect(setUp.or(signInHeading)).toBeVisible();
  if (await setUp.isVisible()) {
    await page.getByLabel('Your name').fill(EP.name);
    await page.getByLabel('Email').fill(EP.email);
    await page.getByLabel('Password').fill(EP.password);
    await page.getByRole('button', { name: 'Create account' }).click();
  } else {
    await page.getByLabel('Email').fill(EP.email);
    await page.getByLabel('Password').fill(EP.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }
  await expect(
    page.getByRole('button', { name: 'New session' }).or(page.getByRole('link', { name: 'New session' })),
  ).toBeVisible();
}

/** Creates a session with the given cases through the pages, starts it, and returns its id and join code. */
export async function createLiveSession(page: Page, cases: string[]): Promise<{ id: string; code: string }> {
  await page
    .getByRole('button', { name: 'New session' })
    .or(page.getByRole('link', { name: 'New session' }))
    .click();
  await page.getByLabel('Locality').fill('North East locality');
  await page.getByLabel('Date').fill('2026-11-23');
  await page.getByRole('button', { name: 'Create session' }).click();
  await expect(page).toHaveURL(/\/sessions\/[\w-]+$/);
  for (const reference of cases) {
    await page.getByRole('textbox', { name: 'Case reference' }).fill(reference);
    await page.getByRole('button', { name: 'Add case' }).click();
    await expect(page.getByRole('listitem').filter({ hasText: reference }).first()).toBeVisible();
  }
  await page.getByRole('button', { name: 'Start session' }).click();
  const code = (await page.getByTestId('join-code').textContent())?.trim() ?? '';
  expect(code).toMatch(/^[A-Z0-9]{6}$/);
  const id = page.url().split('/').at(-1) as string;
  return { id, code };
}

/** Joins from a phone by the join page's words. */
export async function joinFromPhone(page: Page, app: AppServer, code: string, name: string): Promise<void> {
  await page.goto(`${app.url}/join`);
  await page.getByRole('textbox', { name: 'Join code' }).fill(code);
  await page.getByRole('textbox', { name: 'Your name' }).fill(name);
  await page.getByRole('button', { name: 'Join' }).click();
}

/** Fails on any serious or critical accessibility violation on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

/** Waits until the offline service worker controls the page, so a reload can be served without the network. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}
