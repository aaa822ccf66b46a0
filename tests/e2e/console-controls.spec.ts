import type { Locator, Page } from '@playwright/test';
import { expect, expectAccessible, joinFromPhone, newPhone, openRoom, test } from './support/fixtures';
import { addCards, joinRoom } from './support/roomSockets';

/**
 * Issue 9, item 4 (controls forgive a slip) and "Show join code": End session asks first, Previous case and Go to
 * a case reopen a case where it was left, Merge and Unmerge, each seen on the board, the console and a phone.
 */

async function openWithPhone(
  browser: Parameters<typeof openRoom>[0],
  app: Parameters<typeof openRoom>[1],
  cases: string[],
) {
  const room = await openRoom(browser, app, cases);
  const phone = await (await newPhone(browser)).newPage();
  await joinFromPhone(phone, app, room.live.code, 'SENCO A');
  for (const page of [room.console_, room.board, phone])
    await expect(page.getByRole('heading', { name: 'Preparation', exact: true })).toBeVisible();
  return { ...room, phone };
}

async function nextStages(console_: Page, count: number, arrive: string) {
  for (let i = 0; i < count; i++) await console_.getByRole('button', { name: 'Next stage' }).click();
  await expect(console_.getByRole('heading', { level: 1, name: arrive })).toBeVisible();
}

/** Every screen shows this case at this stage. */
async function expectEverywhere(pages: Page[], reference: string, stage: string) {
  for (const page of pages) {
    await expect(page.getByRole('heading', { level: 1, name: stage, exact: true })).toBeVisible();
    await expect(page.getByText(reference, { exact: true }).first()).toBeVisible();
  }
}

test('End session asks first: Keep going and Escape keep the meeting, End session ends it everywhere', async ({
  app,
  browser,
}) => {
  const { console_, board, phone } = await openWithPhone(browser, app, ['J5M']);
  const end = console_.getByRole('button', { name: 'End session' });
  const dialog = console_.getByRole('dialog', { name: 'End the session for everyone?' });

  await end.click();
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Phones are disconnected and the live notes become read-only.');
  // The safe answer has the focus, and the page behind is inert (a real modal).
  await expect(dialog.getByRole('button', { name: 'Keep going' })).toBeFocused();
  expect(await console_.evaluate(() => document.querySelector('dialog')?.matches(':modal'))).toBe(true);
  await expectAccessible(console_);

  await dialog.getByRole('button', { name: 'Keep going' }).click();
  await expect(dialog).toBeHidden();
  await expect(end).toBeFocused();
  await end.press('Enter');
  await expect(dialog).toBeVisible();
  await console_.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(end).toBeFocused();
  // Nothing ended: the board and the phone carry on with the meeting.
  await console_.getByRole('button', { name: 'Next stage' }).click();
  for (const page of [board, phone, console_])
    await expect(page.getByRole('heading', { level: 1, name: 'Current situation' })).toBeVisible();

  await end.click();
  await dialog.getByRole('button', { name: 'End session' }).click();
  await expect(console_.getByRole('heading', { name: 'This session has ended.' })).toBeVisible();
  await expect(board.getByRole('heading', { name: 'This session has ended.' })).toBeVisible();
  await expect(phone.getByRole('heading', { name: 'This session has ended' })).toBeVisible();
});

test('Previous case and Go to a case reopen a case where it was left, on the board, the console and a phone', async ({
  app,
  browser,
}) => {
  const { console_, board, phone, live } = await openWithPhone(browser, app, ['J5M', 'K2F', 'T3M']);
  const screens = [console_, board, phone];
  await nextStages(console_, 2, 'Clarifying questions');
  await expect(phone.getByRole('heading', { level: 1, name: 'Clarifying questions' })).toBeVisible();
  await phone.getByRole('textbox', { name: 'Question' }).fill('What helps at lunchtime?');
  await phone.getByRole('button', { name: 'Add' }).click();
  await expect(board.getByText('What helps at lunchtime?')).toBeVisible();

  await console_.getByRole('button', { name: 'Next case' }).click();
  await expectEverywhere(screens, 'K2F', 'Preparation');
  await console_.getByRole('button', { name: 'Previous case' }).click();
  await expectEverywhere(screens, 'J5M', 'Clarifying questions');
  for (const page of screens) await expect(page.getByText('What helps at lunchtime?').first()).toBeVisible();
  await expect(console_.getByRole('button', { name: 'Previous case' })).toBeDisabled();

  // The agenda goes to any case; the button stays (as the current case) so focus stays with it.
  const agenda = console_.getByRole('region', { name: 'Agenda' });
  await expect(agenda.getByRole('button', { name: 'Go to J5M' })).toHaveCount(0);
  await agenda.getByRole('button', { name: 'Go to T3M' }).click();
  await expectEverywhere(screens, 'T3M', 'Preparation');
  await expect(agenda.getByRole('button', { name: 'T3M' })).toBeFocused();
  await expect(agenda.getByRole('listitem').nth(2)).toHaveAttribute('aria-current', 'true');
  await expectAccessible(console_);
  await agenda.getByRole('button', { name: 'Go to J5M' }).click();
  await expectEverywhere(screens, 'J5M', 'Clarifying questions');
  // A card may be added to the reopened case again.
  await phone.getByRole('textbox', { name: 'Question' }).fill('Who does J5M sit with?');
  await phone.getByRole('button', { name: 'Add' }).click();
  await expect(board.getByText('Who does J5M sit with?')).toBeVisible();
  expect(live.caseIds).toHaveLength(3);
});

test('Merge shows one card with both texts on the board, the console and a phone; Unmerge takes it back', async ({
  app,
  browser,
}) => {
  const { console_, board, phone, live } = await openWithPhone(browser, app, ['J5M']);
  await nextStages(console_, 4, 'Strategies and resources');
  const first = 'Visual timetable for transitions';
  const second = 'A visual timetable at each change of lesson';
  await addCards(app, { code: live.code, caseId: live.caseIds[0] as string, stageId: 'strategies-and-resources' }, [
    { kind: 'strategy', text: first },
    { kind: 'strategy', text: second },
    { kind: 'resource', text: 'Local autism outreach team' },
  ]);
  const cards = console_.getByRole('region', { name: 'Cards in this stage' }).getByRole('listitem');
  await expect(console_.getByRole('button', { name: `Merge: ${second}` })).toBeVisible();

  await console_.getByRole('button', { name: `Merge: ${second}` }).click();
  const dialog = console_.getByRole('dialog', { name: 'Merge this card' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('combobox', { name: 'Merge into' })).toBeFocused();
  await dialog.getByRole('combobox', { name: 'Merge into' }).selectOption({ label: `${first} (SENCO A)` });
  await expectAccessible(console_);
  await dialog.getByRole('button', { name: 'Merge' }).click();

  // One card holding both texts, marked Merged, on every screen; focus is on its Unmerge.
  const mergedOn = (list: Locator) => list.filter({ hasText: first }).filter({ hasText: second });
  await expect(mergedOn(cards)).toHaveCount(1);
  await expect(mergedOn(cards)).toContainText('Merged');
  await expect(console_.getByRole('button', { name: `Unmerge: ${second}` })).toBeFocused();
  await expect(mergedOn(board.locator('.board-card'))).toHaveCount(1);
  await expect(mergedOn(board.locator('.board-card'))).toContainText('Merged');
  await expect(mergedOn(phone.getByRole('listitem'))).toHaveCount(1);
  await expect(mergedOn(phone.getByRole('listitem'))).toContainText('Merged');
  await expectAccessible(console_);
  await expectAccessible(phone);
  await expectAccessible(board);

  // The merged card cannot be hidden while it holds another: the room is told why.
  await console_.getByRole('button', { name: `Hide: ${first}` }).click();
  await expect(console_.getByRole('alert')).toHaveText('Other cards are merged into that card. Unmerge them first.');

  await console_.getByRole('button', { name: `Unmerge: ${second}` }).click();
  await expect(mergedOn(cards)).toHaveCount(0);
  await expect(console_.getByRole('button', { name: `Merge: ${second}` })).toBeFocused();
  await expect(mergedOn(board.locator('.board-card'))).toHaveCount(0);
  await expect(board.locator('.board-card').filter({ hasText: second })).toHaveCount(1);
  await expect(mergedOn(phone.getByRole('listitem'))).toHaveCount(0);
  await expect(phone.getByText(second)).toBeVisible();
});

test('Show join code brings the board’s join panel back large, and Hide join code sends it to its corner', async ({
  app,
  browser,
}) => {
  const { console_, board } = await openRoom(browser, app, ['J5M']);
  const large = board.locator('.board-join-large');
  await expect(large).toHaveCount(1);
  await console_.getByRole('button', { name: 'Next stage' }).click();
  await expect(large).toHaveCount(0);
  await expect(board.locator('.board-join-corner')).toHaveCount(1);

  await console_.getByRole('button', { name: 'Show join code' }).click();
  await expect(large).toHaveCount(1);
  await expect(board.getByRole('heading', { name: 'Join on your phone' })).toBeVisible();
  await expect(console_.getByRole('button', { name: 'Hide join code' })).toBeFocused();
  await console_.getByRole('button', { name: 'Hide join code' }).click();
  await expect(large).toHaveCount(0);
  await expect(console_.getByRole('button', { name: 'Show join code' })).toBeFocused();
  // A phone cannot do it: the command is the console's alone (refusals are in the server's tests too).
  const room = await openRoom(browser, app, ['K2F']);
  const socket = await joinRoom(app, room.live.code, 'SENCO B');
  await expect(socket.send({ type: 'join.show', shown: true })).rejects.toThrow(/forbidden|You may not do that/);
  socket.close();
});
