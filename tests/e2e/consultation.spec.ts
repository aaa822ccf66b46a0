import { endSession } from './support/endSession';
import { createLiveSession, expect, joinFromPhone, newPhone, signIn, test } from './support/fixtures';

test('an EP runs a whole case through every stage with the projector and two phones', async ({ app, browser }) => {
  const epContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const console_ = await epContext.newPage();
  await signIn(console_, app);
  const { id, code } = await createLiveSession(console_, ['J5M', 'Year 3 transition']);

  const board = await epContext.newPage();
  await board.goto(`${app.url}/board/${id}`);
  await console_.getByRole('link', { name: 'Open facilitator view' }).click();
  await expect(console_).toHaveURL(new RegExp(`/facilitate/${id}$`));

  const phoneA = await (await newPhone(browser)).newPage();
  const phoneB = await (await newPhone(browser)).newPage();
  await joinFromPhone(phoneA, app, code, 'SENCO A');
  // The second phone comes by the QR code's address, with the code already filled in.
  await phoneB.goto(`${app.url}/join/${code}`);
  await expect(phoneB.getByRole('textbox', { name: 'Join code' })).toHaveValue(code);
  await phoneB.getByRole('textbox', { name: 'Your name' }).fill('SENCO B');
  await phoneB.getByRole('button', { name: 'Join' }).click();

  // Everyone starts at Preparation; the board shows how to join.
  for (const page of [board, console_, phoneA, phoneB]) {
    await expect(page.getByRole('heading', { name: 'Preparation', exact: true })).toBeVisible();
  }
  await expect(board.getByText('J5M').first()).toBeVisible();
  await expect(board.getByText(code).first()).toBeVisible();
  await expect(board.getByRole('img', { name: /QR code/ })).toBeVisible();
  await expect(console_.getByText('SENCO A')).toBeVisible();
  await expect(console_.getByText('SENCO B')).toBeVisible();

  // The timer: every screen counts down from the same end time.
  await console_.getByRole('button', { name: 'Start timer' }).click();
  await expect(board.getByRole('timer')).toHaveText(/4:5\d|5:00/);
  await console_.getByRole('button', { name: 'Add 2 minutes' }).click();
  await expect(board.getByRole('timer')).toHaveText(/6:5\d|7:00/);
  await console_.getByRole('button', { name: 'Pause timer' }).click();
  await expect(console_.getByRole('button', { name: 'Start timer' })).toBeEnabled();

  await console_.getByRole('button', { name: 'Next stage' }).click();
  for (const page of [board, phoneA, phoneB]) {
    await expect(page.getByRole('heading', { name: 'Current situation' })).toBeVisible();
  }

  await console_.getByRole('button', { name: 'Next stage' }).click();
  await expect(phoneA.getByRole('heading', { name: 'Clarifying questions' })).toBeVisible();
  await phoneA.getByRole('textbox', { name: 'Question' }).fill('What does a good morning look like for J5M?');
  await phoneA.getByRole('button', { name: 'Add' }).click();
  await phoneB.getByRole('textbox', { name: 'Affirmation' }).fill('Strong relationship with the class teacher');
  await phoneB.getByRole('button', { name: 'Add' }).click();
  // Card text is shown as text, never as HTML.
  const markup = 'Is <b>lunchtime</b> harder? <img src=x alt=injected>';
  await phoneA.getByRole('textbox', { name: 'Question' }).fill(markup);
  await phoneA.getByRole('button', { name: 'Add' }).click();
  await expect(board.getByText(markup)).toBeVisible();
  await expect(board.locator('img[alt=injected]')).toHaveCount(0);
  await expect(board.locator('b', { hasText: 'lunchtime' })).toHaveCount(0);
  for (const page of [board, console_, phoneA, phoneB]) {
    await expect(page.getByText('What does a good morning look like for J5M?')).toBeVisible();
    await expect(page.getByText('Strong relationship with the class teacher')).toBeVisible();
  }

  // Half-typed text on a phone survives the EP moving on.
  await phoneB.getByRole('textbox', { name: 'Question' }).fill('Who else knows J5M well');
  await console_.getByRole('button', { name: 'Next stage' }).click();
  await expect(phoneB.getByRole('heading', { name: 'Desired situation' })).toBeVisible();
  // Still in its box, labelled with what it was written as (item 2 of issue 9).
  await expect(phoneB.getByRole('textbox', { name: 'Question, written for Clarifying questions' })).toHaveValue(
    'Who else knows J5M well',
  );
  await phoneA.getByRole('textbox', { name: 'Question' }).fill('What would be different at lunchtime?');
  await phoneA.getByRole('button', { name: 'Add' }).click();
  await expect(board.getByText('What would be different at lunchtime?')).toBeVisible();

  await console_.getByRole('button', { name: 'Next stage' }).click();
  await expect(phoneA.getByRole('heading', { name: 'Strategies and resources' })).toBeVisible();
  await phoneA.getByRole('textbox', { name: 'Strategy' }).fill('Visual timetable checked each morning');
  await phoneA.getByRole('button', { name: 'Add' }).click();
  await phoneB.getByRole('textbox', { name: 'Resource' }).fill('Local autism outreach team');
  await phoneB.getByRole('button', { name: 'Add' }).click();
  await phoneB.getByRole('textbox', { name: 'Strategy' }).fill('Card to hide');
  await phoneB.getByRole('button', { name: 'Add' }).click();
  await expect(board.getByText('Local autism outreach team')).toBeVisible();
  await expect(board.getByText('Card to hide')).toBeVisible();

  // The EP hides one card and spotlights another.
  const hidden = console_.getByRole('listitem').filter({ hasText: 'Card to hide' });
  await hidden.getByRole('button', { name: 'Hide: Card to hide' }).click();
  await expect(board.getByText('Card to hide')).toHaveCount(0);
  await expect(phoneA.getByText('Card to hide')).toHaveCount(0);
  const strategy = console_.getByRole('listitem').filter({ hasText: 'Visual timetable checked each morning' });
  await strategy.getByRole('button', { name: /^Spotlight: Visual timetable/ }).click();
  await expect(board.getByRole('region', { name: 'Spotlight' })).toContainText('Visual timetable checked each morning');

  // Feedback: the SENCO's picks, entered by the EP.
  await console_.getByRole('button', { name: 'Next stage' }).click();
  await expect(board.getByRole('heading', { name: 'Feedback' })).toBeVisible();
  const helpful = console_.getByRole('listitem').filter({ hasText: 'Visual timetable checked each morning' });
  await helpful.getByRole('button', { name: 'Helpful' }).click();
  await expect(helpful.getByRole('button', { name: 'Helpful' })).toHaveAttribute('aria-pressed', 'true');

  await console_.getByRole('button', { name: 'Next stage' }).click();
  for (const page of [board, phoneA, phoneB]) {
    await expect(page.getByRole('heading', { name: 'Action plan' })).toBeVisible();
  }
  await expect(console_.getByRole('button', { name: 'Next stage' })).toBeDisabled();

  await console_.getByRole('button', { name: 'Next case' }).click();
  await expect(board.getByText('Year 3 transition').first()).toBeVisible();
  await expect(phoneA.getByRole('heading', { name: 'Preparation' })).toBeVisible();

  await endSession(console_);
  for (const page of [phoneA, phoneB]) {
    await expect(page.getByRole('heading', { name: 'This session has ended' })).toBeVisible();
    await expect(page.getByText('Visual timetable checked each morning')).toHaveCount(0);
  }
  // A phone that reloads sees nothing more.
  await phoneA.reload();
  await expect(phoneA.getByText('Visual timetable checked each morning')).toHaveCount(0);
  await expect(phoneA.getByRole('heading', { name: 'Preparation' })).toHaveCount(0);
});
