import { expect, expectAccessible, newPhone, openRoom, signInWith, test } from './support/fixtures';
import { addCards, cardText, joinRoom, mixedLengths } from './support/roomSockets';

/**
 * Issue 9 item 3: the presenting SENCO is in the room as themselves. Signed in on their phone, they open the live
 * meeting from their case page, are listed as presenting their case, and in Feedback mark helpful cards themselves.
 */
test('the presenting SENCO joins from their case page and marks Helpful from their phone', async ({ app, browser }) => {
  const { console_, board, live } = await openRoom(browser, app, ['J5M']);
  const caseId = live.caseIds[0] as string;
  const phone = await (await newPhone(browser)).newPage();
  await signInWith(phone, app, live.senco);

  await phone.goto(`${app.url}/cases/${caseId}`);
  await expect(phone.getByRole('heading', { name: 'The meeting is live' })).toBeVisible();
  await expectAccessible(phone);
  await phone.getByRole('button', { name: 'Join the meeting' }).click();
  await expect(phone.getByRole('heading', { level: 1, name: 'Preparation' })).toBeVisible();
  await expect(phone.getByText('Presenting SENCO', { exact: true })).toBeVisible();

  // The console lists them as presenting their case.
  const connected = console_.getByRole('region', { name: 'Connected' });
  await expect(connected.getByText('(Presenting SENCO: J5M)')).toBeVisible();

  // A room's phone adds two strategies; the meeting moves on to Feedback.
  const next = console_.getByRole('button', { name: 'Next stage' });
  for (let i = 0; i < 4; i++) await next.click();
  await expect(board.getByRole('heading', { level: 1, name: 'Strategies and resources' })).toBeVisible();
  const room = await joinRoom(app, live.code, 'SENCO B');
  for (const text of ['Visual timetable for transitions', 'Meet and greet at the gate'])
    await room.send({ type: 'card.add', caseId, stageId: 'strategies-and-resources', kind: 'strategy', text });
  room.close();
  // A real room's worth: twenty more cards from several phones.
  const more = mixedLengths(20).map((length, i) => ({ kind: 'strategy' as const, text: cardText(i + 1, length) }));
  await addCards(app, { code: live.code, caseId, stageId: 'strategies-and-resources' }, more);
  await next.click();
  await expect(phone.getByRole('heading', { level: 1, name: 'Feedback' })).toBeVisible();

  // From their own phone the SENCO marks one as helpful; the console and the board follow.
  await expect(phone.getByRole('heading', { name: 'Cards for this case' })).toBeVisible();
  const helpful = phone.getByRole('button', { name: 'Helpful' });
  await expect(helpful).toHaveCount(22);
  const timetable = phone
    .getByRole('listitem')
    .filter({ hasText: 'Visual timetable for transitions' })
    .getByRole('button', { name: 'Helpful' });
  await timetable.click();
  await expect(timetable).toHaveAttribute('aria-pressed', 'true');
  await expect(console_.getByRole('button', { name: /Helpful/, pressed: true })).toHaveCount(1);
  await expect(board.getByText('Helpful', { exact: true })).toHaveCount(1);
  await expectAccessible(phone);
  await phone.screenshot({ path: 'test-results/presenting-senco-360.png' });
  await console_.setViewportSize({ width: 1366, height: 768 });
  await console_.screenshot({ path: 'test-results/presenting-senco-console.png' });

  // The EP can still mark (and unmark) too; the SENCO's phone follows.
  await console_.getByRole('button', { name: /Helpful/, pressed: true }).click();
  await expect(timetable).toHaveAttribute('aria-pressed', 'false');
});
