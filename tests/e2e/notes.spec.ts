import type { Locator, Page } from '@playwright/test';
import { endSession } from './support/endSession';
import {
  createLiveSession,
  expect,
  expectAccessible,
  joinFromPhone,
  newPhone,
  openRoom,
  signIn,
  test,
  waitForServiceWorker,
} from './support/fixtures';

/** The shared notes editor of a stage, by its accessible name. */
function notes(page: Page, stage: string): Locator {
  return page.getByRole('textbox', { name: `Notes: ${stage}` });
}

/** The notes' own status line (the page's meeting status is a separate role=status). */
function notesStatus(page: Page): Locator {
  return page.getByRole('region', { name: 'Notes' }).locator('.notes-status');
}

/** Types at the end of the notes, on a new line, as a person would. */
/**
 * Waits until every write the page has started on its IndexedDB copies has committed: a read-only transaction over
 * a store completes only after the read-write transactions on it that were created before it.
 */
async function writesSettled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const stores = [...db.objectStoreNames];
      if (stores.length > 0) {
        const transaction = db.transaction(stores, 'readonly');
        await new Promise<void>((resolve, reject) => {
          transaction.oncomplete = () => resolve();
          transaction.onerror = () => reject(transaction.error);
        });
      }
      db.close();
    }
  });
}

async function typeAtEnd(page: Page, editor: Locator, text: string): Promise<void> {
  await editor.click();
  await page.keyboard.press('Control+End');
  if (((await editor.textContent()) ?? '').trim() !== '') await page.keyboard.press('Enter');
  await page.keyboard.type(text);
}

async function openNotesOnPhone(phone: Page, stage: string): Promise<Locator> {
  const toggle = phone.getByRole('button', { name: 'Notes', exact: true });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const editor = notes(phone, stage);
  await expect(editor).toBeVisible();
  return editor;
}

test('the console and a phone write the same notes, and the projector shows them read-only', async ({
  app,
  browser,
}) => {
  const epContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const console_ = await epContext.newPage();
  await signIn(console_, app);
  const { id, code } = await createLiveSession(console_, ['J5M']);
  await console_.goto(`${app.url}/facilitate/${id}`);
  const board = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  // The projector is another signed-in browser: sign in there too, then open the board.
  await signIn(board, app);
  await board.goto(`${app.url}/board/${id}`);

  const phone = await (await newPhone(browser)).newPage();
  await joinFromPhone(phone, app, code, 'SENCO A');
  await expect(phone.getByRole('heading', { name: 'Preparation' })).toBeVisible();
  // Preparation takes no notes: nothing to open yet.
  await expect(phone.getByRole('button', { name: 'Notes', exact: true })).toHaveCount(0);
  await expect(console_.getByRole('region', { name: 'Notes' })).toHaveCount(0);

  await console_.getByRole('button', { name: 'Next stage' }).click();
  await expect(phone.getByRole('heading', { name: 'Current situation' })).toBeVisible();

  const consoleNotes = notes(console_, 'Current situation');
  await expect(consoleNotes).toHaveAttribute('contenteditable', 'true');
  await expect(notesStatus(console_)).toHaveText('Connected');
  await typeAtEnd(console_, consoleNotes, 'Visual timetable tried since September');

  const phoneNotes = await openNotesOnPhone(phone, 'Current situation');
  await expect(notesStatus(phone)).toHaveText('Connected');
  await expect(phoneNotes).toContainText('Visual timetable tried since September');
  // The EP's caret shows on the phone with the EP's name.
  await expect(phone.locator('.notes-caret[data-name="EP Lead"]')).toBeVisible();
  await typeAtEnd(phone, phoneNotes, 'Lunchtimes are the hardest part of the day');

  await expect(consoleNotes).toContainText('Lunchtimes are the hardest part of the day');
  await expect(console_.locator('.notes-caret[data-name="SENCO A"]')).toBeVisible();

  // Formatting from the toolbar: Bold is a toggle button that says whether it is on.
  const bold = console_.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Bold' });
  await consoleNotes.click();
  await console_.keyboard.press('Control+End');
  await console_.keyboard.press('Enter');
  await bold.click();
  await expect(bold).toHaveAttribute('aria-pressed', 'true');
  await console_.keyboard.type('Agreed next step');
  await expect(phoneNotes.locator('strong', { hasText: 'Agreed next step' })).toBeVisible();

  // The projector: both people's words, large and read-only, with no toolbar.
  const boardNotes = notes(board, 'Current situation');
  await expect(boardNotes).toContainText('Visual timetable tried since September');
  await expect(boardNotes).toContainText('Lunchtimes are the hardest part of the day');
  await expect(boardNotes.locator('strong', { hasText: 'Agreed next step' })).toBeVisible();
  await expect(boardNotes).toHaveAttribute('contenteditable', 'false');
  await expect(boardNotes).toHaveAttribute('aria-readonly', 'true');
  await expect(board.getByRole('toolbar', { name: 'Formatting' })).toHaveCount(0);

  // Each stage has notes of its own; the phone keeps its notes open as the stage moves on.
  await console_.getByRole('button', { name: 'Next stage' }).click();
  const nextNotes = notes(phone, 'Clarifying questions');
  await expect(nextNotes).toBeVisible();
  await expect(nextNotes).not.toContainText('Lunchtimes');
  await typeAtEnd(phone, nextNotes, 'Ask about the morning routine');
  await expect(notes(board, 'Clarifying questions')).toContainText('Ask about the morning routine');

  // Once the session ends the notes stay on the console and board, read-only; the phone keeps nothing.
  await endSession(console_);
  await expect(console_.getByRole('heading', { name: 'This session has ended.' })).toBeVisible();
  await expect(notes(console_, 'Clarifying questions')).toHaveAttribute('contenteditable', 'false');
  await expect(notes(console_, 'Clarifying questions')).toContainText('Ask about the morning routine');
  await expect(notesStatus(console_)).toHaveText('Notes are read-only now');
  await expect(notes(board, 'Clarifying questions')).toContainText('Ask about the morning routine');
  await expect(notesStatus(board)).toHaveText('Notes are read-only now');
  await expect(phone.getByRole('heading', { name: 'This session has ended' })).toBeVisible();
  await expect(phone.getByText('Ask about the morning routine')).toHaveCount(0);
  await expect.poll(() => phone.evaluate(async () => (await indexedDB.databases()).map((db) => db.name))).toEqual([]);
});

test('a phone that loses Wi-Fi keeps its notes through a reload, and they reach the board when it is back', async ({
  app,
  browser,
}) => {
  const { console_, board, live } = await openRoom(browser, app, ['A9F']);
  const { code } = live;

  const phoneContext = await newPhone(browser);
  const phone = await phoneContext.newPage();
  await joinFromPhone(phone, app, code, 'SENCO B');
  await console_.getByRole('button', { name: 'Next stage' }).click();
  await expect(phone.getByRole('heading', { name: 'Current situation' })).toBeVisible();
  await waitForServiceWorker(phone);

  const phoneNotes = await openNotesOnPhone(phone, 'Current situation');
  await expect(notesStatus(phone)).toHaveText('Connected');
  await typeAtEnd(phone, phoneNotes, 'Written while connected');
  await expect(notes(board, 'Current situation')).toContainText('Written while connected');

  await phoneContext.setOffline(true);
  await expect(notesStatus(phone)).toHaveText('Offline: saved on this phone');
  await typeAtEnd(phone, phoneNotes, 'Written with no Wi-Fi');
  await expect(phoneNotes).toContainText('Written with no Wi-Fi');
  // The phone's copy is written a moment after the keystrokes: a reload within that moment is another test's matter.
  await writesSettled(phone);

  // A reload with no network: the service worker serves the page, the phone shows the stage it last knew,
  // and the notes come back from the phone's own copy.
  await phone.reload();
  await expect(phone.getByRole('heading', { name: 'Current situation' })).toBeVisible();
  const reloaded = notes(phone, 'Current situation');
  await expect(reloaded).toContainText('Written while connected');
  await expect(reloaded).toContainText('Written with no Wi-Fi');
  await expect(notesStatus(phone)).toHaveText('Offline: saved on this phone');
  await expect(notes(board, 'Current situation')).not.toContainText('Written with no Wi-Fi');

  await phoneContext.setOffline(false);
  await expect(notesStatus(phone)).toHaveText('Connected', { timeout: 20_000 });
  await expect(notes(board, 'Current situation')).toContainText('Written with no Wi-Fi', { timeout: 20_000 });
  await expect(notes(console_, 'Current situation')).toContainText('Written with no Wi-Fi');
});

test('the console, board and phone pass axe with the notes open', async ({ app, browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, app);
  const { id, code } = await createLiveSession(page, ['J5M']);
  await page.goto(`${app.url}/facilitate/${id}`);
  await page.getByRole('button', { name: 'Next stage' }).click();
  const consoleNotes = notes(page, 'Current situation');
  await typeAtEnd(page, consoleNotes, 'Strengths: reading, football at break');
  await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Link' }).click();
  await page.getByRole('textbox', { name: 'Link address' }).fill('example.org/local-offer');
  await page.getByRole('button', { name: 'Add link' }).click();
  await expect(consoleNotes.getByRole('link', { name: 'https://example.org/local-offer' })).toBeVisible();
  // A script address is refused, and nothing is linked.
  await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Link' }).click();
  await page.getByRole('textbox', { name: 'Link address' }).fill('javascript:alert(1)');
  await page.getByRole('button', { name: /Add link|Save link/ }).click();
  await expect(page.getByText('Enter a web address such as https://example.org')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(consoleNotes.locator('a[href^="javascript"]')).toHaveCount(0);

  const phone = await (await newPhone(browser)).newPage();
  await joinFromPhone(phone, app, code, 'SENCO A');
  const phoneNotes = await openNotesOnPhone(phone, 'Current situation');
  await expect(phoneNotes).toContainText('Strengths: reading');
  await typeAtEnd(phone, phoneNotes, 'Works well with a buddy');
  await expect(page.locator('.notes-caret[data-name="SENCO A"]')).toBeVisible();

  // The toolbar is one tab stop; arrow keys move along it.
  const toolbar = phone.getByRole('toolbar', { name: 'Formatting' });
  await toolbar.getByRole('button', { name: 'Bold' }).focus();
  await phone.keyboard.press('ArrowRight');
  await expect(toolbar.getByRole('button', { name: 'Italic' })).toBeFocused();
  await phone.keyboard.press('End');
  await expect(toolbar.getByRole('button', { name: 'Link' })).toBeFocused();

  await expectAccessible(page);
  await expectAccessible(phone);
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  const board = await context.newPage();
  await board.goto(`${app.url}/board/${id}`);
  await expect(notes(board, 'Current situation')).toContainText('Works well with a buddy');
  await expectAccessible(board);
});
