import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, joinFromPhone, newPhone, openRoom, test } from './support/fixtures';

/** The shared notes editor of a stage, by its accessible name. */
function notes(page: Page, stage: string): Locator {
  return page.getByRole('textbox', { name: `Notes: ${stage}` });
}

/** The notes' own status line. */
function notesStatus(page: Page): Locator {
  return page.getByRole('region', { name: 'Notes' }).locator('.notes-status');
}

/**
 * Writes a case's notes into the app's SQLite file as the code before the fix could leave them: over the cap
 * (5.6 MB in Current situation). Run by the server's own helper, which has Yjs and SQLite at hand.
 */
function writeOverCapNotes(dataDir: string, caseId: string): void {
  const serverDir = path.resolve(__dirname, '../../apps/server');
  execFileSync(
    process.execPath,
    ['--import', 'tsx', 'test/helpers/overCapNotes.ts', dataDir, caseId, 'current-situation=700000x8'],
    { cwd: serverDir, stdio: 'pipe' },
  );
}

test('notes stored over the cap open read-only for everyone until the EP clears them', async ({ app, browser }) => {
  const { console_, live } = await openRoom(browser, app, ['J5M']);
  writeOverCapNotes(app.dataDir, live.caseIds[0] as string);
  const phone = await (await newPhone(browser)).newPage();
  await joinFromPhone(phone, app, live.code, 'SENCO A');

  await console_.getByRole('button', { name: 'Next stage' }).click();
  await expect(phone.getByRole('heading', { name: 'Current situation' })).toBeVisible();
  const consoleNotes = notes(console_, 'Current situation');
  await expect(notesStatus(console_)).toHaveText('These notes are full. Clear a stage’s notes to carry on.', {
    timeout: 30_000,
  });
  await expect(consoleNotes).toHaveAttribute('contenteditable', 'false');

  const toggle = phone.getByRole('button', { name: 'Notes', exact: true });
  await toggle.click();
  const phoneNotes = notes(phone, 'Current situation');
  await expect(notesStatus(phone)).toHaveText('These notes are full. The EP can clear a stage’s notes to carry on.', {
    timeout: 30_000,
  });
  await expect(phoneNotes).toHaveAttribute('contenteditable', 'false');
  // Only the EP is offered the way out.
  await expect(phone.getByRole('button', { name: 'Clear these notes' })).toHaveCount(0);

  // Asked twice: cancelling clears nothing.
  await console_.getByRole('button', { name: 'Clear these notes' }).click();
  await expect(
    console_.getByText('Clear the notes of Current situation for everyone? This cannot be undone.'),
  ).toBeVisible();
  await console_.getByRole('button', { name: 'Cancel' }).click();
  await expect(notesStatus(console_)).toHaveText('These notes are full. Clear a stage’s notes to carry on.');
  await console_.getByRole('button', { name: 'Clear these notes' }).click();
  await console_.getByRole('button', { name: 'Yes, clear them' }).click();

  // Everyone can write again, and sees each other's words.
  await expect(notesStatus(console_)).toHaveText('Connected', { timeout: 30_000 });
  await expect(notesStatus(phone)).toHaveText('Connected', { timeout: 30_000 });
  await expect(console_.getByRole('button', { name: 'Clear these notes' })).toHaveCount(0);
  await expect(consoleNotes).toHaveAttribute('contenteditable', 'true');
  // Cleared to one empty paragraph, not one per editor that was open on them.
  await expect(consoleNotes.locator('p')).toHaveCount(1);
  await consoleNotes.click();
  await console_.keyboard.type('A fresh start on the notes');
  await expect(phoneNotes).toContainText('A fresh start on the notes');
  await expect(phoneNotes).toHaveAttribute('contenteditable', 'true');
});
