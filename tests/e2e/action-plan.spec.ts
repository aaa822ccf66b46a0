import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import { endSession } from './support/endSession';
import {
  createLiveSession,
  expect,
  expectAccessible,
  joinFromPhone,
  newPhone,
  openRoom,
  signIn,
  signInWith,
  test,
} from './support/fixtures';

const STRATEGY_ONE = 'Visual timetable checked each morning';
const STRATEGY_TWO = 'Calm corner with a timer after lunch';
const ADDED = 'Meet parent or carer to share the plan';

async function nextStageTo(console_: Page, name: string) {
  await console_.getByRole('button', { name: 'Next stage' }).click();
  await expect(console_.getByRole('heading', { name, level: 1 })).toBeVisible();
}

async function firstBytes(download: Download, count: number): Promise<string> {
  const path = await download.path();
  return (await readFile(path)).subarray(0, count).toString('latin1');
}

test('the helpful strategies become the plan, which the SENCO exports and reviews, and the EP sees the request', async ({
  app,
  browser,
}) => {
  const { console_, board, live } = await openRoom(browser, app, ['J5M']);
  const [caseId] = live.caseIds;
  const phone = await (await newPhone(browser)).newPage();
  await joinFromPhone(phone, app, live.code, 'SENCO B');
  await expect(phone.getByRole('heading', { name: 'Preparation' })).toBeVisible();

  for (const stage of ['Current situation', 'Clarifying questions', 'Desired situation', 'Strategies and resources']) {
    await nextStageTo(console_, stage);
  }
  await expect(phone.getByRole('heading', { name: 'Strategies and resources' })).toBeVisible();
  for (const text of [STRATEGY_ONE, STRATEGY_TWO]) {
    await phone.getByRole('textbox', { name: 'Strategy' }).fill(text);
    await phone.getByRole('button', { name: 'Add' }).click();
    await expect(console_.getByText(text)).toBeVisible();
  }

  await nextStageTo(console_, 'Feedback');
  for (const text of [STRATEGY_ONE, STRATEGY_TWO]) {
    const card = console_.getByRole('listitem').filter({ hasText: text });
    await card.getByRole('button', { name: 'Helpful' }).click();
    await expect(card.getByRole('button', { name: 'Helpful' })).toHaveAttribute('aria-pressed', 'true');
  }

  // The helpful strategies are the first draft, in the order they were added.
  await nextStageTo(console_, 'Action plan');
  const plan = console_.getByRole('region', { name: 'Action plan', exact: true });
  const row = (n: number) => plan.getByRole('group', { name: `Action ${n}`, exact: true });
  await expect(row(1).getByRole('textbox', { name: 'Action' })).toHaveValue(STRATEGY_ONE);
  await expect(row(2).getByRole('textbox', { name: 'Action' })).toHaveValue(STRATEGY_TWO);
  await expect(board.getByRole('heading', { name: 'Action plan' })).toBeVisible();
  const boardRows = board.getByRole('table').getByRole('row');
  await expect(boardRows.nth(1)).toContainText(STRATEGY_ONE);
  await expect(boardRows.nth(2)).toContainText(STRATEGY_TWO);
  await expect(phone.getByRole('list', { name: 'Action plan' })).toContainText(STRATEGY_TWO);

  // Add action: a new, empty row whose Action field has the focus.
  await console_.getByRole('button', { name: 'Add action' }).click();
  await expect(row(3).getByRole('textbox', { name: 'Action' })).toBeFocused();
  await row(3).getByRole('textbox', { name: 'Action' }).fill(ADDED);
  await row(3).getByRole('textbox', { name: 'Who', exact: true }).fill('SENCO A');
  await row(3).getByLabel('By when').fill('2026-12-04');
  await row(3)
    .getByRole('textbox', { name: 'Success looks like' })
    .fill('Parent or carer knows the plan and adds to it');
  await row(3).getByLabel('Review date').fill('2026-11-30');
  await expect(plan.getByRole('status')).toHaveText('Saved');
  await expect(boardRows.nth(3)).toContainText(ADDED);
  await expect(boardRows.nth(3)).toContainText('SENCO A');
  await expect(boardRows.nth(3)).toContainText('4 December 2026');
  await expect(boardRows.nth(3)).toContainText('30 November 2026');

  // Move the new row up: the board follows.
  await row(3).getByRole('button', { name: 'Move up' }).click();
  await expect(boardRows.nth(2)).toContainText(ADDED);
  await expect(row(2).getByRole('textbox', { name: 'Action' })).toHaveValue(ADDED);

  await expectAccessible(console_);
  await expectAccessible(board);
  await expectAccessible(phone);
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  await endSession(console_);
  await expect(phone.getByRole('heading', { name: 'This session has ended' })).toBeVisible();

  // The review date is within two weeks: the plan is due for review.
  await console_.goto(`${app.url}/reviews`);
  const due = console_.getByRole('region', { name: 'Reviews due' });
  await expect(due.getByRole('listitem').filter({ hasText: live.schoolName })).toContainText('J5M');

  // The SENCO signs in afterwards and finds the plan on the case.
  const sencoContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const senco = await sencoContext.newPage();
  await signInWith(senco, app, live.senco);
  await senco.goto(`${app.url}/cases/${caseId}`);
  const casePlan = senco.getByRole('region', { name: 'Action plan', exact: true });
  const caseRow = (n: number) => casePlan.getByRole('group', { name: `Action ${n}`, exact: true });
  await expect(caseRow(1).getByRole('textbox', { name: 'Action' })).toHaveValue(STRATEGY_ONE);
  await expect(caseRow(2).getByRole('textbox', { name: 'Action' })).toHaveValue(ADDED);
  await expect(caseRow(3).getByRole('textbox', { name: 'Action' })).toHaveValue(STRATEGY_TWO);
  await caseRow(1).getByRole('textbox', { name: 'Who', exact: true }).fill('Class teacher');
  await expect(casePlan.getByRole('status')).toHaveText('Saved');
  await senco.reload();
  await expect(caseRow(1).getByRole('textbox', { name: 'Who', exact: true })).toHaveValue('Class teacher');

  // An export waits for an edit still on its way, so the file never misses the last change.
  await caseRow(1).getByRole('textbox', { name: 'Success looks like', exact: true }).fill('A calm start to the day');
  await expect(casePlan.getByRole('button', { name: 'Export Word' })).toBeDisabled();
  await expect(casePlan.getByRole('link', { name: 'Export Word' })).toBeVisible();

  for (const [name, extension, magic] of [
    ['Export Word', 'docx', 'PK'],
    ['Export PDF', 'pdf', '%PDF'],
  ] as const) {
    // Row 3 has no Who, By when or Success looks like yet: the SENCO is told, and exports anyway.
    await casePlan.getByRole('link', { name }).click();
    const toFill = casePlan.getByRole('region', { name: 'Some actions are not filled in' });
    await expect(toFill).toContainText('Action 3: Who, By when, Success looks like');
    const downloading = senco.waitForEvent('download');
    await toFill.getByRole('button', { name: /^Export anyway/ }).click();
    const download = await downloading;
    const fileName = download.suggestedFilename();
    expect(fileName).toContain('J5M');
    expect(fileName.endsWith(`.${extension}`)).toBe(true);
    expect(fileName).not.toMatch(/SENCO|EP Lead|Northfield/i);
    expect(await firstBytes(download, magic.length)).toBe(magic);
  }

  // The review: the impact of each action and the outcome.
  const review = senco.getByRole('region', { name: 'Review', exact: true });
  const impacts = ['Achieved', 'Partly achieved', 'Not yet'];
  for (const [index, impact] of impacts.entries()) {
    const action = review.getByRole('group', { name: `Review of action ${index + 1}:` });
    await action.getByRole('radio', { name: impact, exact: true }).check();
  }
  await review
    .getByRole('group', { name: 'Review of action 1:' })
    .getByRole('textbox', { name: 'Note' })
    .fill('Used every morning');
  await review.getByRole('radio', { name: 'Request further EP involvement' }).check();
  await review.getByRole('textbox', { name: 'Note' }).last().fill('The group suggested an EP observation');
  await expectAccessible(senco);
  await review.getByRole('button', { name: 'Record review' }).click();
  await expect(review.getByText(/Reviewed on/)).toBeVisible();
  await expect(review.locator('.review-recorded')).toContainText('Request further EP involvement');
  await expect(review.locator('.review-recorded')).toContainText(`${STRATEGY_ONE}: Achieved (Used every morning)`);

  // The EP (here the admin, who sees every locality) finds the request on the Reviews page.
  await console_.goto(`${app.url}/sessions`);
  await console_.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reviews' }).click();
  await expect(console_.getByRole('heading', { name: 'Reviews', level: 1 })).toBeVisible();
  const requests = console_.getByRole('region', { name: 'Requests for further EP involvement' });
  const request = requests.getByRole('listitem').filter({ hasText: live.schoolName });
  await expect(request).toContainText('The group suggested an EP observation');
  await expect(
    console_.getByRole('region', { name: 'Reviews due' }).getByRole('listitem').filter({ hasText: live.schoolName }),
  ).toHaveCount(0);
  await expectAccessible(console_);
  await request.getByRole('link', { name: 'Case J5M' }).click();
  await expect(console_.getByRole('heading', { name: 'Case J5M', level: 1 })).toBeVisible();
  await expect(console_.getByRole('table')).toContainText(ADDED);
});

test('two edits of the same plan: the later one sees the other and can re-apply its change', async ({
  app,
  browser,
}) => {
  const epContext = await browser.newContext();
  const console_ = await epContext.newPage();
  await signIn(console_, app);
  const live = await createLiveSession(console_, ['K4F']);
  const [caseId] = live.caseIds;
  await console_.goto(`${app.url}/facilitate/${live.id}`);
  for (const stage of ['Current situation', 'Clarifying questions', 'Desired situation', 'Strategies and resources']) {
    await nextStageTo(console_, stage);
  }
  await nextStageTo(console_, 'Feedback');
  await nextStageTo(console_, 'Action plan');
  const plan = console_.getByRole('region', { name: 'Action plan', exact: true });
  await console_.getByRole('button', { name: 'Add action' }).click();
  await plan.getByRole('textbox', { name: 'Action' }).last().fill('Weekly check-in with a trusted adult');
  await expect(plan.getByRole('status')).toHaveText('Saved');
  await endSession(console_);
  await expect(console_.getByRole('heading', { name: 'This session has ended.' })).toBeVisible();

  // The SENCO edits on a 360-pixel phone here: the editor must fit.
  const sencoContext = await newPhone(browser);
  const first = await sencoContext.newPage();
  await signInWith(first, app, live.senco);
  const second = await sencoContext.newPage();
  for (const page of [first, second]) {
    await page.goto(`${app.url}/cases/${caseId}`);
    await expect(page.getByRole('textbox', { name: 'Action' })).toHaveValue('Weekly check-in with a trusted adult');
  }
  const overflow = await first.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(first);
  await first.getByRole('textbox', { name: 'Who', exact: true }).fill('Form tutor');
  await expect(first.getByRole('region', { name: 'Action plan', exact: true }).getByRole('status')).toHaveText('Saved');

  await second.getByLabel('By when').fill('2026-12-11');
  const alert = second.getByRole('region', { name: 'Action plan', exact: true }).getByRole('alert');
  await expect(alert).toContainText('Someone else changed the plan');
  // Theirs is shown; mine is kept and put back on top of it.
  await expect(second.getByRole('textbox', { name: 'Who', exact: true })).toHaveValue('Form tutor');
  await expect(second.getByLabel('By when')).toHaveValue('');
  await alert.getByRole('button', { name: 'Re-apply my changes' }).click();
  await expect(second.getByRole('region', { name: 'Action plan', exact: true }).getByRole('status')).toHaveText(
    'Saved',
  );
  await first.reload();
  await expect(first.getByRole('textbox', { name: 'Who', exact: true })).toHaveValue('Form tutor');
  await expect(first.getByLabel('By when')).toHaveValue('2026-12-11');
});
