import { createLiveSession, expect, expectAccessible, signIn, test } from './support/fixtures';

/**
 * Issue 13 item 3: the EP opens Themes from the header, narrows it to a locality and a school year, and sees the
 * cases of a session counted under their area of need, in the chart and in the table beside it; the table passes
 * axe; the theme downloads as CSV.
 */
test('Themes counts a session’s cases under their area of need, as a chart and a table, and as CSV', async ({
  app,
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  const page = await context.newPage();
  await signIn(page, app);
  const preparation = {
    currentSituation: 'Finds noisy rooms hard.',
    triedSoFar: 'Ear defenders at lunch.',
    desiredSituation: 'Eats lunch in the hall.',
    aim: 'Ideas for the dinner hall.',
    areasOfNeed: ['sensory-and-physical', 'communication-and-interaction'],
  };
  // Another locality's session, with another need, that the chosen locality must not count.
  await createLiveSession(page, ['L4F'], { preparation: { ...preparation, areasOfNeed: ['cognition-and-learning'] } });
  const live = await createLiveSession(page, ['J5M', 'K2F'], { preparation });

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Themes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Themes' })).toBeVisible();
  await page.getByLabel('From', { exact: true }).fill('2026-09-01');
  await page.getByLabel('To', { exact: true }).fill('2027-08-31');
  // The session's locality, by its name (it carries the session's unique suffix).
  const locality = page.getByLabel('Locality', { exact: true });
  const made = live.schoolName.replace('Northfield Primary', 'North East locality');
  await locality.selectOption({ label: made });
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
  expect(cellUnder('Cognition and learning')).toBe('0');
  // The chart is there, named by its heading, with a bar for each figure.
  await expect(byArea.getByRole('img', { name: 'Cases by area of need' })).toBeVisible();
  await expect(byArea.locator('svg rect title', { hasText: 'Sensory and/or physical: 2' })).toHaveCount(1);
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
});
