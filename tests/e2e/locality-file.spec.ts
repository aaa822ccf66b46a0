import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import type { Download, Locator, Page } from '@playwright/test';
import { endSession } from './support/endSession';
import { expect, expectAccessible, joinFromPhone, newPhone, openRoom, test } from './support/fixtures';

/** Issue 12: a case run in the room is kept in the locality file, found by a word of its notes, read and exported. */
const NOTE = 'Calmer after the trampoline at lunchtime';
const STRATEGY = 'Ear defenders in assembly';
/** A preparation form of about 240 short lines: minutes that print on several A4 pages. */
const lines = (what: string) =>
  Array.from({ length: 60 }, (_, i) => `${what} ${i + 1}: calmer after a movement break.`).join('\n');
const PREPARATION = {
  currentSituation: lines('Observation'),
  triedSoFar: lines('Tried'),
  desiredSituation: lines('Hoped for'),
  aim: lines('Aim'),
  areasOfNeed: ['social-emotional-and-mental-health'],
};

/** Each page's words of a PDF (poppler's pdfinfo and pdftotext, as the server's tests read files). */
function pdfPages(file: string): string[] {
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
  return Array.from({ length: pages }, (_, i) =>
    execFileSync('pdftotext', ['-raw', '-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8' }),
  );
}

async function nextStageTo(console_: Page, name: string) {
  await console_.getByRole('button', { name: 'Next stage' }).click();
  await expect(console_.getByRole('heading', { name, level: 1 })).toBeVisible();
}

async function typeInto(page: Page, editor: Locator, text: string) {
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

async function firstBytes(download: Download, count: number): Promise<string> {
  return (await readFile(await download.path())).subarray(0, count).toString('latin1');
}

test('the minutes of a finished case are found by a word from the notes, read, printed and exported', async ({
  app,
  browser,
}, testInfo) => {
  const { epContext, console_, live } = await openRoom(browser, app, ['J5M'], { preparation: PREPARATION });
  const phone = await (await newPhone(browser)).newPage();
  await joinFromPhone(phone, app, live.code, 'SENCO Zephyr');
  await expect(phone.getByRole('heading', { name: 'Preparation' })).toBeVisible();

  await nextStageTo(console_, 'Current situation');
  const notes = console_.getByRole('textbox', { name: 'Notes: Current situation' });
  await expect(notes).toHaveAttribute('contenteditable', 'true');
  await typeInto(console_, notes, NOTE);
  await expect(notes).toContainText(NOTE);
  for (const stage of ['Clarifying questions', 'Desired situation', 'Strategies and resources'])
    await nextStageTo(console_, stage);
  await expect(phone.getByRole('heading', { name: 'Strategies and resources' })).toBeVisible();
  await phone.getByRole('textbox', { name: 'Strategy' }).fill(STRATEGY);
  await phone.getByRole('button', { name: 'Add' }).click();
  await expect(console_.getByText(STRATEGY)).toBeVisible();
  await nextStageTo(console_, 'Feedback');
  const card = console_.getByRole('listitem').filter({ hasText: STRATEGY });
  await card.getByRole('button', { name: 'Helpful' }).click();
  await expect(card.getByRole('button', { name: 'Helpful' })).toHaveAttribute('aria-pressed', 'true');
  await nextStageTo(console_, 'Action plan');
  await endSession(console_);
  await expect(console_.getByText('This session has ended.')).toBeVisible();

  // The Locality file, from the main navigation; found by a word of the notes.
  await console_.goto(`${app.url}/sessions`);
  await console_.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Locality file' }).click();
  await expect(console_.getByRole('heading', { name: 'Locality file', level: 1 })).toBeVisible();
  // Other journeys of this worker ran J5M too: this session is the one of this locality (its name is unique).
  const locality = live.schoolName.replace('Northfield Primary', 'North East locality');
  const thisSession = console_.getByRole('listitem').filter({ has: console_.getByRole('heading', { name: locality }) });
  await expect(thisSession.getByRole('link', { name: 'Case J5M' })).toBeVisible();
  await expectAccessible(console_);
  await console_.getByRole('searchbox', { name: 'Search' }).fill('trampoline');
  // With a filter too (the Filters open, so the accessibility check below reads them).
  await console_.getByText('Filters', { exact: true }).click();
  await console_
    .getByRole('combobox', { name: 'Area of need' })
    .selectOption({ label: 'Social, emotional and mental health' });
  await console_.getByRole('button', { name: 'Search', exact: true }).click();
  const results = console_.getByRole('region', { name: 'Search results' });
  await expect(results.getByRole('link', { name: 'Case J5M' })).toBeVisible();
  await expect(results.locator('mark')).toHaveText(['trampoline']);
  await expectAccessible(console_);
  await console_.setViewportSize({ width: 1366, height: 768 });
  await console_.screenshot({ path: testInfo.outputPath('locality-file-1366.png'), fullPage: true });

  // The admin sets how long minutes are kept, on the same page.
  const retention = console_.getByRole('form', { name: 'How long minutes are kept' });
  await expect(retention.getByRole('spinbutton', { name: 'Years to keep minutes' })).toHaveValue('7');
  await retention.getByRole('spinbutton', { name: 'Years to keep minutes' }).fill('8');
  await retention.getByRole('button', { name: 'Save' }).click();
  await expect(retention.getByRole('status')).toHaveText('Saved: minutes are kept for 8 years.');
  await results.getByRole('link', { name: 'Case J5M' }).click();

  // The minutes: what was said and shared, and nobody's display name.
  await expect(console_.getByRole('heading', { name: 'Minutes: Case J5M', level: 1 })).toBeVisible();
  const minutes = console_.locator('article.minutes');
  await expect(minutes).toContainText(NOTE);
  await expect(minutes.getByRole('listitem').filter({ hasText: STRATEGY })).toContainText('(Helpful)');
  await expect(minutes.getByRole('table')).toContainText(STRATEGY);
  await expect(minutes).not.toContainText('SENCO Zephyr');
  await expect(console_.getByText('Confidential', { exact: true })).toBeVisible();
  await expectAccessible(console_);
  await console_.screenshot({ path: testInfo.outputPath('minutes-1366.png'), fullPage: true });

  // Printed: only the minutes, with "Confidential" and the reference at the top of every page.
  await console_.emulateMedia({ media: 'print' });
  await expect(console_.locator('.site-header')).toBeHidden();
  await expect(console_.getByRole('button', { name: 'Export PDF' })).toBeHidden();
  await expect(console_.getByText('Confidential · Minutes of case J5M')).toBeVisible();
  // Printed for real (Chromium's print to PDF, at the page's own @page size): every A4 page carries the running
  // head, the minutes run to their last line, and nothing of the site's header or buttons is printed.
  const printed = testInfo.outputPath('minutes-printed.pdf');
  await writeFile(printed, await console_.pdf({ preferCSSPageSize: true }));
  const printedInfo = execFileSync('pdfinfo', [printed], { encoding: 'utf8' });
  expect(printedInfo).toMatch(/Page size:.* pts \(A4\)/);
  const pages = pdfPages(printed);
  expect(pages.length).toBeGreaterThan(2);
  // At the top: each page's first line (a running head placed in the margin once printed at the foot of the page
  // before, and on no last page).
  for (const [index, page] of pages.entries())
    expect(page.trimStart().split('\n')[0], `printed page ${index + 1}`).toBe('Confidential · Minutes of case J5M');
  const printedText = pages.join('\n').replace(/\s+/g, ' ');
  for (const words of [NOTE, 'Aim 60: calmer after a movement break.', `${STRATEGY} (Helpful)`])
    expect(printedText).toContain(words);
  for (const words of ['Export PDF', 'Sign out', 'Locality file']) expect(printedText).not.toContain(words);
  await console_.emulateMedia({ media: 'screen' });

  for (const [name, magic] of [
    ['Export Word', 'PK'],
    ['Export PDF', '%PDF'],
  ] as const) {
    const [download] = await Promise.all([
      console_.waitForEvent('download'),
      console_.getByRole('button', { name }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^Minutes J5M 2026-11-23\.(docx|pdf)$/);
    expect(await firstBytes(download, magic.length)).toBe(magic);
    if (magic === '%PDF') {
      const file = await download.path();
      const filePages = pdfPages(file);
      for (const page of filePages) expect(page).toContain('Confidential · Minutes of case J5M');
      expect(filePages.join('\n')).toContain(NOTE);
    }
  }

  // On a phone, 360 px wide: the same page, nothing wider than the screen.
  const small = await browser.newContext({
    storageState: await epContext.storageState(),
    viewport: { width: 360, height: 740 },
  });
  const narrow = await small.newPage();
  await narrow.goto(console_.url());
  await expect(narrow.getByRole('heading', { name: 'Minutes: Case J5M', level: 1 })).toBeVisible();
  expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expectAccessible(narrow);
  await narrow.screenshot({ path: testInfo.outputPath('minutes-360.png'), fullPage: true });
  await small.close();
});
