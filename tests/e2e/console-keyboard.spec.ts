import type { Page } from '@playwright/test';
import { io, type Socket } from 'socket.io-client';
import { expect, expectAccessible, openRoom, test } from './support/fixtures';
import { addCards, cardText, mixedLengths } from './support/roomSockets';

/**
 * Issue 9, item 7: the EP's console fits a laptop and a keyboard. The stage controls and the timer stay on screen
 * while the cards (first) and the notes scroll; shortcuts never fire while typing; focus stays on a control.
 */

/** The name a keyboard user hears for the focused element (its aria-label, else its text). */
function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    return element?.getAttribute('aria-label') ?? element?.textContent?.trim() ?? '';
  });
}

/** Presses Tab (or Shift+Tab) until the focused control's name is `name`; fails if it never gets there. */
async function tabTo(page: Page, name: string | RegExp, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  for (let presses = 0; presses < 80; presses++) {
    const now = await focusedName(page);
    if (typeof name === 'string' ? now === name : name.test(now)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`Tab never reached ${name}`);
}

test('the console is driven by the keyboard alone: Tab, Enter and the shortcuts', async ({ app, browser }) => {
  const { console_, board, live } = await openRoom(browser, app, ['J5M', 'K2F']);
  await console_.setViewportSize({ width: 1366, height: 768 });
  await expect(console_.getByRole('heading', { level: 1, name: 'Preparation' })).toBeVisible();
  const boardStage = board.getByRole('heading', { level: 1 });

  // ? lists the shortcuts in a real dialog; Escape closes it and focus comes back.
  await console_.keyboard.press('?');
  const help = console_.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help.getByRole('button', { name: 'Close' })).toBeFocused();
  await expectAccessible(console_);
  // Inside the dialog the shortcuts are off: N does not move the stage.
  await console_.keyboard.press('n');
  await console_.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await expect(boardStage).toHaveText('Preparation');

  // Next and previous stage.
  await console_.keyboard.press('n');
  await expect(boardStage).toHaveText('Current situation');
  await console_.keyboard.press('ArrowRight');
  await expect(boardStage).toHaveText('Clarifying questions');
  await console_.keyboard.press('p');
  await expect(boardStage).toHaveText('Current situation');

  // T starts and pauses the timer; + adds 2 minutes (Current situation suggests 5).
  await console_.keyboard.press('t');
  await expect(console_.getByRole('button', { name: 'Pause timer' })).toBeVisible();
  await console_.keyboard.press('t');
  await expect(console_.getByRole('button', { name: 'Start timer' })).toBeVisible();
  await console_.keyboard.press('+');
  await expect(board.getByRole('timer')).toHaveText(/^0?(6:5\d|7:00)$/);

  // Typing in the notes is typing, never a shortcut.
  for (let presses = 0; presses < 80; presses++) {
    if (await console_.evaluate(() => (document.activeElement as HTMLElement | null)?.isContentEditable)) break;
    await console_.keyboard.press('Tab');
  }
  await expect(console_.locator('[contenteditable="true"]')).toBeFocused();
  await console_.keyboard.type('Notes typed with n, p, t and + in them');
  await expect(console_.locator('[contenteditable="true"]')).toContainText('Notes typed with n, p, t and + in them');
  await expect(boardStage).toHaveText('Current situation');
  await expect(console_.getByRole('button', { name: 'Start timer' })).toBeVisible();

  // Start timer by Tab and Enter: the button becomes Pause timer and keeps the focus.
  await tabTo(console_, 'Start timer', 'Shift+Tab');
  await console_.keyboard.press('Enter');
  await expect(console_.getByRole('button', { name: 'Pause timer' })).toBeFocused();
  await console_.keyboard.press('Enter');
  await expect(console_.getByRole('button', { name: 'Start timer' })).toBeFocused();

  // Next case, then back: focus stays on the control that was used, even once it cannot act again.
  await tabTo(console_, 'Next case');
  await console_.keyboard.press('Enter');
  await expect(boardStage).toHaveText('Preparation');
  await expect(console_.getByRole('button', { name: 'Next case' })).toBeFocused();
  await expect(console_.getByRole('button', { name: 'Next case' })).toBeDisabled();
  await console_.keyboard.press('Shift+Tab');
  await expect(console_.getByRole('button', { name: 'Previous case' })).toBeFocused();
  await console_.keyboard.press('Enter');
  await expect(boardStage).toHaveText('Current situation');
  await expect(console_.getByRole('button', { name: 'Previous case' })).toBeFocused();

  // A card to spotlight: Enter on its Spotlight, then Escape (not in a dialog) turns the spotlight off.
  await console_.keyboard.press('n');
  await expect(boardStage).toHaveText('Clarifying questions');
  await addCards(app, { code: live.code, caseId: live.caseIds[0] as string, stageId: 'clarifying-questions' }, [
    { kind: 'question', text: 'What does a good morning look like?' },
  ]);
  await tabTo(console_, 'Spotlight: What does a good morning look like?');
  await console_.keyboard.press('Enter');
  await expect(board.getByRole('region', { name: 'Spotlight' })).toBeVisible();
  await expect(console_.getByRole('button', { name: 'Spotlight: What does a good morning look like?' })).toBeFocused();
  await console_.keyboard.press('Escape');
  await expect(board.getByRole('region', { name: 'Spotlight' })).toHaveCount(0);

  // End session by keyboard: the dialog opens on Keep going; Escape keeps going and gives the focus back.
  await tabTo(console_, 'End session');
  await console_.keyboard.press('Enter');
  const end = console_.getByRole('dialog', { name: 'End the session for everyone?' });
  await expect(end.getByRole('button', { name: 'Keep going' })).toBeFocused();
  await console_.keyboard.press('Escape');
  await expect(end).toBeHidden();
  await expect(console_.getByRole('button', { name: 'End session' })).toBeFocused();
  await expect(boardStage).toHaveText('Clarifying questions');
});

test('at 1366×768 with 12 phones and 30 cards the controls and the timer stay on screen over the cards, which come first', async ({
  app,
  browser,
}) => {
  const { console_, live, epContext } = await openRoom(browser, app, ['J5M']);
  await console_.setViewportSize({ width: 1366, height: 768 });
  const sockets: Socket[] = [];
  try {
    for (let i = 1; i <= 12; i++) {
      const joined = await epContext.request.post(`${app.url}/api/join`, {
        data: { code: live.code, name: `SENCO ${String.fromCharCode(64 + i)}` },
      });
      const { token } = (await joined.json()) as { token: string };
      sockets.push(
        io(app.url, {
          path: '/socket.io',
          transports: ['websocket'],
          reconnection: false,
          auth: { protocol: 1, lastSeq: 0, token },
        }),
      );
    }
    await expect(
      console_.getByRole('region', { name: 'Connected' }).getByRole('button', { name: /^Remove / }),
    ).toHaveCount(12);
    for (let i = 0; i < 4; i++) await console_.keyboard.press('n');
    await expect(console_.getByRole('heading', { level: 1, name: 'Strategies and resources' })).toBeVisible();
    const lengths = mixedLengths(30);
    await addCards(
      app,
      { code: live.code, caseId: live.caseIds[0] as string, stageId: 'strategies-and-resources' },
      lengths.map((length, index) => ({
        kind: index % 3 === 0 ? 'resource' : 'strategy',
        text: cardText(index + 1, length),
      })),
    );
    const cards = console_.getByRole('region', { name: 'Cards in this stage' });
    await expect(cards.getByRole('button', { name: /^Hide: Card / })).toHaveCount(30);
    // Each card's buttons name it, cut sensibly for a long card.
    const longest = lengths.indexOf(400) + 1;
    const hideLong = cards.getByRole('button', { name: new RegExp(`^Hide: Card ${longest}:`) });
    expect((await hideLong.getAttribute('aria-label'))?.length).toBeLessThanOrEqual('Hide: '.length + 61);
    expect(await hideLong.getAttribute('aria-label')).toMatch(/…$/);

    // The cards come before the notes, and start on the first screen.
    const cardsTop = (await cards.boundingBox())?.y ?? Number.POSITIVE_INFINITY;
    const notesTop = (await console_.locator('.notes-area, [contenteditable]').first().boundingBox())?.y ?? 0;
    expect(cardsTop).toBeLessThan(768);
    expect(cardsTop).toBeLessThan(notesTop);
    const overflow = await console_.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(console_);
    await console_.screenshot({ path: test.info().outputPath('console-1366x768-top.png') });

    // Scrolled through the cards down to the notes, the stage controls and the timer are still on screen.
    for (const y of [1500, 4000, 100_000]) {
      await console_.evaluate((to) => window.scrollTo(0, to), y);
      for (const control of [
        console_.getByRole('button', { name: 'Next stage' }),
        console_.getByRole('button', { name: 'Previous stage' }),
        console_.getByRole('button', { name: 'Start timer' }),
        console_.getByRole('timer'),
      ]) {
        const box = await control.boundingBox();
        expect(box && box.y >= 0 && box.y + box.height <= 768, `${control} at scroll ${y}`).toBe(true);
      }
    }
    await console_.screenshot({ path: test.info().outputPath('console-1366x768-scrolled.png') });
  } finally {
    for (const socket of sockets) socket.close();
  }
});
