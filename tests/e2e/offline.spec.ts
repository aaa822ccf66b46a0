import { expect, joinFromPhone, newPhone, openRoom, test } from './support/fixtures';

test('a phone that goes offline keeps its card and it shows once on every screen when it is back', async ({
  app,
  browser,
}) => {
  const { console_, board, live } = await openRoom(browser, app, ['A9F']);
  const { code } = live;

  const offlineContext = await newPhone(browser);
  const phone = await offlineContext.newPage();
  await joinFromPhone(phone, app, code, 'SENCO A');
  const other = await (await newPhone(browser)).newPage();
  await joinFromPhone(other, app, code, 'SENCO B');

  for (let i = 0; i < 4; i++) await console_.getByRole('button', { name: 'Next stage' }).click();
  await expect(phone.getByRole('heading', { name: 'Strategies and resources' })).toBeVisible();
  await expect(phone.getByRole('status')).toContainText('Connected');

  await offlineContext.setOffline(true);
  await expect(phone.getByRole('status')).toContainText(/Offline|Reconnecting/);
  await phone.getByRole('textbox', { name: 'Strategy' }).fill('Movement break before maths');
  await phone.getByRole('button', { name: 'Add' }).click();
  const pending = phone.getByRole('listitem').filter({ hasText: 'Movement break before maths' });
  await expect(pending).toContainText('Pending');
  // Nobody else has it yet.
  await expect(board.getByText('Movement break before maths')).toHaveCount(0);

  await offlineContext.setOffline(false);
  await expect(phone.getByRole('status')).toContainText('Connected', { timeout: 20_000 });
  for (const page of [board, console_, other]) {
    await expect(page.getByText('Movement break before maths')).toHaveCount(1);
  }
  await expect(phone.getByText('Movement break before maths')).toHaveCount(1);
  await expect(phone.getByRole('listitem').filter({ hasText: 'Movement break before maths' })).not.toContainText(
    'Pending',
  );

  // A reload after coming back still shows the card once.
  await phone.reload();
  await expect(phone.getByText('Movement break before maths')).toHaveCount(1);
});
