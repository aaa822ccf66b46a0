import type { Page } from '@playwright/test';
import { expect, expectAccessible, joinFromPhone, newPhone, openRoom, test } from './support/fixtures';

// Issue 10, items 2 and 4: the privacy guard in the live meeting. A phone's card that names a child is not shown;
// sent for checking, it waits on the EP's console until the EP edits it and shows it. Before the EP moves on, Check
// before keeping finds the name typed in the notes and replaces it in the notes themselves. The words are invented
// and are exactly what the guard is there to catch.

const NAMED = 'Ask Ben what he would like at lunch';
const FIXED = 'Ask J5M what he would like at lunch';

/** Every WebSocket frame a page receives from now on (socket.io and the notes), to search for words. */
function framesOf(page: Page): string[] {
  const frames: string[] = [];
  page.on('websocket', (socket) =>
    socket.on('framereceived', (frame) => {
      frames.push(typeof frame.payload === 'string' ? frame.payload : frame.payload.toString('utf8'));
    }),
  );
  return frames;
}

test('a card that names a child is held for the EP, and Check before keeping replaces a name in the notes', async ({
  app,
  browser,
}) => {
  const { console_, board, live } = await openRoom(browser, app, ['J5M', 'K7F']);
  await console_.setViewportSize({ width: 1366, height: 768 });
  // The board is watched from a fresh load, so every frame it is ever sent is searched.
  const boardFrames = framesOf(board);
  await board.reload();
  const phone = await (await newPhone(browser)).newPage();
  // The phone never loads the detector (its word lists are large): the server checks what a phone sends.
  const phoneScripts: string[] = [];
  phone.on('request', (request) => phoneScripts.push(request.url()));
  await joinFromPhone(phone, app, live.code, 'SENCO A');
  for (let i = 0; i < 2; i++) await console_.getByRole('button', { name: 'Next stage' }).click();
  await expect(phone.getByRole('heading', { name: 'Clarifying questions', level: 1 })).toBeVisible();

  // The phone types a name: the server refuses it, and the phone says why, in words.
  await phone.getByRole('textbox', { name: 'Question' }).fill(NAMED);
  await phone.getByRole('button', { name: 'Add' }).click();
  const warning = phone.getByRole('region', { name: 'Your card was not added' });
  await expect(warning).toContainText("'Ben' looks like a name. Use the reference J5M, or 'the child'.");
  await expect(warning.locator('mark')).toHaveText('Ben');
  await expect(phone.getByRole('textbox', { name: 'Question' })).toHaveValue(NAMED);
  await phone.screenshot({ path: test.info().outputPath('phone-warning-360x740.png') });
  await expectAccessible(phone);

  // Edit goes back to the box with the words kept.
  await warning.getByRole('button', { name: 'Edit' }).click();
  await expect(phone.getByRole('textbox', { name: 'Question' })).toBeFocused();
  await expect(phone.getByRole('textbox', { name: 'Question' })).toHaveValue(NAMED);
  await phone.getByRole('button', { name: 'Add' }).click();
  await warning.getByRole('button', { name: 'Send for the EP to check' }).click();
  await expect(warning).toHaveCount(0);
  await expect(phone.getByText('Held for the EP to check')).toBeVisible();
  await expect(phone.getByRole('textbox', { name: 'Question' })).toHaveValue('');
  expect(phoneScripts.filter((url) => /\/assets\/privacy-[^/]*\.js$/.test(url))).toEqual([]);

  // The EP's console holds it; the board never shows it.
  const held = console_.getByRole('region', { name: /^Held for checking/ });
  await expect(held).toContainText(NAMED);
  await expect(held.locator('mark')).toHaveText('Ben');
  await expect(board.getByText(NAMED)).toHaveCount(0);
  await console_.screenshot({ path: test.info().outputPath('console-held-1366x768.png') });
  await expectAccessible(console_);

  // Edit and show: the EP's words go on the board.
  await held.getByRole('button', { name: 'Edit and show' }).click();
  const box = held.getByRole('textbox', { name: 'Edit the card before it is shown' });
  await expect(box).toBeFocused();
  await box.fill(FIXED);
  await held.getByRole('button', { name: 'Show' }).click();
  await expect(board.getByText(FIXED)).toBeVisible();
  await expect(phone.getByText(FIXED)).toBeVisible();
  await expect(console_.getByRole('region', { name: /^Held for checking/ })).toHaveCount(0);
  expect(boardFrames.some((frame) => frame.includes('Ben'))).toBe(false);

  // The EP types a name in the notes: the console lists it as they type.
  const notes = console_.getByRole('textbox', { name: 'Notes: Clarifying questions' });
  await notes.click();
  await console_.keyboard.type("Ben Smith's mum says mornings are hard.");
  await expect(console_.getByRole('region', { name: /^Looks like personal data/ })).toContainText('Ben');

  // Next case first asks Check before keeping: the name in the notes, in its place and sentence.
  await console_.getByRole('button', { name: 'Next case' }).click();
  const dialog = console_.getByRole('dialog', { name: 'Check before keeping' });
  await expect(dialog).toBeVisible();
  const findings = dialog.getByRole('listitem').filter({ hasText: 'Notes, Clarifying questions' });
  await expect(findings).toHaveCount(1);
  await expect(findings.first().locator('mark')).toHaveText('Ben Smith');
  await console_.screenshot({ path: test.info().outputPath('check-before-keeping-1366x768.png') });
  await expectAccessible(console_);

  // Replace with… "Ben Smith" as the reference, J5M.
  await findings.first().getByRole('button', { name: 'Replace with…' }).click();
  await dialog.getByRole('radio', { name: 'J5M' }).check();
  await dialog.getByRole('button', { name: 'Replace', exact: true }).click();
  await expect(dialog.getByText('Nothing is left to check in the minutes of J5M.')).toBeVisible();
  // The notes themselves changed, behind the dialog (which makes the page inert, so found by class, not role).
  const notesText = console_.locator('.notes-console .ProseMirror');
  await expect(notesText).toContainText("J5M's mum says mornings are hard.");
  await expect(notesText).not.toContainText('Ben');
  await expectAccessible(console_);

  // All checked: the EP carries on, and Next case happens.
  await dialog.getByRole('button', { name: 'Next case' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(console_.getByText('Case 2 of 2:')).toBeVisible();
});

test('Keep without checking carries on to End session, and the case shows what is left to check', async ({
  app,
  browser,
}) => {
  const { console_, live } = await openRoom(browser, app, ['J5M']);
  await console_.getByRole('button', { name: 'Next stage' }).click();
  const notes = console_.getByRole('textbox', { name: 'Notes: Current situation' });
  await notes.click();
  await console_.keyboard.type('Mum can be reached on 07700 900123.');
  await console_.getByRole('button', { name: 'End session' }).click();
  const dialog = console_.getByRole('dialog', { name: 'Check before keeping' });
  await expect(dialog.getByRole('listitem')).toHaveCount(1);
  // Edit: the dialog closes, the session is not ended, and the EP is in the notes where the number is.
  await dialog.getByRole('button', { name: 'Edit' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(notes).toBeFocused();
  await console_.getByRole('button', { name: 'End session' }).click();
  await expect(dialog.getByRole('listitem')).toHaveCount(1);
  await dialog.getByRole('button', { name: 'Keep without checking' }).click();
  // The usual question comes next: End session stays two steps.
  const end = console_.getByRole('dialog', { name: 'End the session for everyone?' });
  await expect(end).toBeVisible();
  await end.getByRole('button', { name: 'End session' }).click();
  await expect(console_.getByRole('heading', { name: 'This session has ended.' })).toBeVisible();
  const privacy = await console_.request.get(`${app.url}/api/cases/${live.caseIds[0]}/privacy`);
  expect(await privacy.json()).toMatchObject({ toCheck: [{ place: 'minutes', count: 1 }] });
});

test('Previous case and Go to on the agenda also ask Check before keeping of the case being left', async ({
  app,
  browser,
}) => {
  const { console_ } = await openRoom(browser, app, ['J5M', 'K7F']);
  // J5M has nothing to check: Go to K7F moves at once.
  await console_.getByRole('button', { name: 'Go to K7F' }).click();
  await expect(console_.getByText('Case 2 of 2:')).toBeVisible();
  await console_.getByRole('button', { name: 'Next stage' }).click();
  const notes = console_.getByRole('textbox', { name: 'Notes: Current situation' });
  await notes.click();
  await console_.keyboard.type('Mum can be reached on 07700 900123.');
  // Leaving K7F keeps its minutes, so Previous case asks first; Cancel stays on the case.
  await console_.getByRole('button', { name: 'Previous case' }).click();
  const dialog = console_.getByRole('dialog', { name: 'Check before keeping' });
  await expect(dialog.getByRole('listitem')).toHaveCount(1);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(console_.getByText('Case 2 of 2:')).toBeVisible();
  // Go to J5M asks too, and carries on once the EP keeps the minutes without checking.
  await console_.getByRole('button', { name: 'Go to J5M' }).click();
  await expect(dialog.getByRole('listitem')).toHaveCount(1);
  await dialog.getByRole('button', { name: 'Keep without checking' }).click();
  await expect(console_.getByText('Case 1 of 2:')).toBeVisible();
});
