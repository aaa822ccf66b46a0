import type { Page } from '@playwright/test';
import { api, createLiveSession, expect, expectAccessible, signIn, test, uniqueSuffix } from './support/fixtures';

/**
 * Issue 13 item 3: the EP of a locality opens Themes from the header, narrows it to a school year, and sees the
 * cases of their session counted under their area of need, in the chart and in the table beside it (and nothing of
 * another locality); the table passes axe; the theme downloads as CSV. The chart library comes with the Themes page
 * alone. The admin chooses between localities.
 */

/** Marks visx leaves on what it draws: a script holding it is the chart library. */
const CHART_LIBRARY = 'visx-';

/** The scripts a page loads from now on, each with whether it holds the chart library. */
function scriptsOf(page: Page) {
  const scripts: { url: string; chart: Promise<boolean> }[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    scripts.push({ url: response.url(), chart: response.text().then((body) => body.includes(CHART_LIBRARY)) });
  });
  return {
    withChart: async () => {
      const found = await Promise.all(scripts.map(async (script) => ((await script.chart) ? script.url : null)));
      return found.filter((url): url is string => url !== null);
    },
  };
}

test('Themes counts a session’s cases under their area of need, as a chart and a table, and as CSV', async ({
  app,
  browser,
}) => {
  const adminContext = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const admin = await adminContext.newPage();
  await signIn(admin, app);
  const preparation = {
    currentSituation: 'Finds noisy rooms hard.',
    triedSoFar: 'Ear defenders at lunch.',
    desiredSituation: 'Eats lunch in the hall.',
    aim: 'Ideas for the dinner hall.',
    areasOfNeed: ['sensory-and-physical', 'communication-and-interaction'],
  };
  // Another locality's session, with another need, that the EP's themes must not count.
  let otherLocalityId = '';
  const elsewhere = await createLiveSession(admin, ['L4F'], {
    preparation: { ...preparation, areasOfNeed: ['cognition-and-learning'] },
    beforeStart: async (seeded) => {
      otherLocalityId = seeded.localityId;
    },
  });
  let localityId = '';
  const live = await createLiveSession(admin, ['J5M', 'K2F'], {
    preparation,
    beforeStart: async (seeded) => {
      localityId = seeded.localityId;
    },
  });
  const made = live.schoolName.replace('Northfield Primary', 'North East locality');

  // The locality's EP, invited by the admin.
  const suffix = uniqueSuffix();
  const invitation = await api<{ inviteUrl: string }>(admin.request, 'POST', `${app.url}/api/people/invite`, {
    role: 'ep',
    name: 'EP North',
    email: `ep.${suffix}@eps.example`,
    localityIds: [localityId],
  });
  const token = new URL(invitation.inviteUrl).pathname.split('/').at(-1) as string;
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  await api(context.request, 'POST', `${app.url}/api/invitations/${token}/accept`, { password: 'a long passphrase' });
  const page = await context.newPage();
  const scripts = scriptsOf(page);
  await page.goto(`${app.url}/sessions`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await scripts.withChart(), 'the chart library before Themes').toEqual([]);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Themes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Themes' })).toBeVisible();
  // One locality: no choice to make, and the page says which.
  await expect(page.getByLabel('Locality', { exact: true })).toHaveCount(0);
  await page.getByLabel('From', { exact: true }).fill('2026-09-01');
  await page.getByLabel('To', { exact: true }).fill('2027-08-31');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByText(`1 September 2026 to 31 August 2027, ${made}.`)).toBeVisible();

  const byArea = page.getByRole('region', { name: 'Cases by area of need', exact: true });
  await expect(byArea.getByText('2 cases consulted on.', { exact: false })).toBeVisible();
  const table = byArea.getByRole('table');
  const row = table.getByRole('row', { name: /Autumn 2 2026-27/ });
  const headings = await table.getByRole('columnheader').allTextContents();
  const cells = await row.getByRole('cell').allTextContents();
  const cellUnder = (heading: string) => cells[headings.indexOf(heading) - 1];
  expect(cellUnder('Sensory and/or physical')).toBe('2');
  expect(cellUnder('Communication and interaction')).toBe('2');
  // The other locality's case (cognition and learning) is not the EP's to see.
  expect(cellUnder('Cognition and learning')).toBe('0');
  // The chart is there, named by its heading, with a bar for each figure.
  await expect(byArea.getByRole('img', { name: 'Cases by area of need' })).toBeVisible();
  await expect(byArea.locator('svg rect title', { hasText: 'Sensory and/or physical: 2' })).toHaveCount(1);
  // The chart library came with this page.
  expect((await scripts.withChart()).length).toBeGreaterThan(0);
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath('themes-1366.png'), fullPage: true });

  const download = page.waitForEvent('download');
  await byArea.getByRole('link', { name: /Download CSV/ }).click();
  const file = await (await download).path();
  const { readFile } = await import('node:fs/promises');
  const csv = await readFile(file, 'utf8');
  expect(csv.split('\r\n')[1]).toBe('Autumn 2 2026-27,2,0,0,2,0');

  await page.setViewportSize({ width: 360, height: 740 });
  await expect(table).toBeVisible();
  const scrollWidth = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
  expect(scrollWidth, 'the page is wider than a small phone').toBeLessThanOrEqual(360);
  await page.screenshot({ path: test.info().outputPath('themes-360.png'), fullPage: true });
  await byArea.screenshot({ path: test.info().outputPath('themes-360-area.png') });
  await expectAccessible(page);
  await context.close();

  // The admin sees every locality and chooses one: the other session's need is counted there.
  await admin.goto(`${app.url}/themes`);
  const locality = admin.getByLabel('Locality', { exact: true });
  await admin.getByLabel('From', { exact: true }).fill('2026-09-01');
  await admin.getByLabel('To', { exact: true }).fill('2027-08-31');
  const other = elsewhere.schoolName.replace('Northfield Primary', 'North East locality');
  await locality.selectOption(otherLocalityId);
  await admin.getByRole('button', { name: 'Show' }).click();
  await expect(admin.getByText(`1 September 2026 to 31 August 2027, ${other}.`)).toBeVisible();
  const theirs = admin.getByRole('region', { name: 'Cases by area of need', exact: true }).getByRole('table');
  await expect(theirs.getByRole('row', { name: /Autumn 2 2026-27/ }).getByRole('cell')).toHaveText([
    '0',
    '1',
    '0',
    '0',
    '0',
  ]);
  await adminContext.close();
});
