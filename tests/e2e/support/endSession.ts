import { expect, type Page } from '@playwright/test';

/** Ends the session from the EP's console: End session, then End session again in the dialog that asks first. */
export async function endSession(console_: Page): Promise<void> {
  await console_.getByRole('button', { name: 'End session' }).click();
  const dialog = console_.getByRole('dialog', { name: 'End the session for everyone?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'End session' }).click();
}
