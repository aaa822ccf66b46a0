import { request } from '@playwright/test';
import { endSession } from './support/endSession';
import {
  api,
  createLiveSession,
  expect,
  expectAccessible,
  signIn,
  signInWith,
  test,
  uniqueSuffix,
} from './support/fixtures';
import { joinRoom } from './support/roomSockets';

/**
 * Issue 12, items 4 and 5: a strategy the presenting SENCO found helpful goes into the locality's strategy bank when
 * the session ends; a review of the plan changes its counts; in a later session for another school of the locality,
 * Ideas from the bank offers it and Add to the board puts it on the projector, marked "From the bank".
 */
const PREPARATION = {
  currentSituation: 'Finds moving between lessons hard.',
  triedSoFar: 'A calm corner.',
  desiredSituation: 'Moves between lessons calmly.',
  aim: 'Ideas for transitions.',
  areasOfNeed: ['social-emotional-and-mental-health'],
};
const STRATEGY = 'Visual timetable for transitions';

test('a helpful strategy reaches the bank, its review counts, and it is offered in the next session', async ({
  app,
  browser,
}) => {
  test.setTimeout(120_000);
  const epContext = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const console_ = await epContext.newPage();
  await signIn(console_, app);
  let localityId = '';
  const live = await createLiveSession(console_, ['J5M'], {
    preparation: PREPARATION,
    beforeStart: async (seeded) => {
      localityId = seeded.localityId;
    },
  });
  const caseId = live.caseIds[0] as string;
  await console_.goto(`${app.url}/facilitate/${live.id}`);
  const next = console_.getByRole('button', { name: 'Next stage' });
  for (let i = 0; i < 4; i++) await next.click();
  await expect(console_.getByRole('heading', { level: 1, name: 'Strategies and resources' })).toBeVisible();

  // A phone in the room offers two strategies; in Feedback the SENCO finds one helpful (marked on the console).
  const room = await joinRoom(app, live.code, 'SENCO B');
  for (const text of [STRATEGY, 'Sand timer at the door'])
    await room.send({ type: 'card.add', caseId, stageId: 'strategies-and-resources', kind: 'strategy', text });
  room.close();
  await next.click();
  await expect(console_.getByRole('heading', { level: 1, name: 'Feedback' })).toBeVisible();
  await console_.getByRole('button', { name: `Helpful: ${STRATEGY}` }).click();
  await expect(console_.getByRole('button', { name: `Helpful: ${STRATEGY}` })).toHaveAttribute('aria-pressed', 'true');
  await next.click();
  await expect(console_.getByRole('heading', { level: 1, name: 'Action plan' })).toBeVisible();
  await endSession(console_);
  await expect(console_.getByRole('heading', { name: 'This session has ended.' })).toBeVisible();

  // The Strategy bank: chosen once, not reviewed yet.
  await console_.goto(app.url);
  await console_.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Strategy bank' }).click();
  await expect(console_.getByRole('heading', { level: 1, name: 'Strategy bank' })).toBeVisible();
  const entry = console_.getByRole('listitem').filter({ hasText: STRATEGY });
  await expect(entry).toContainText(/Chosen\s*1 time/);
  await expect(entry).toContainText(/Achieved\s*0/);
  await expect(entry).toContainText('Autumn 2 2026-27');
  await expect(console_.getByText('Sand timer at the door')).toHaveCount(0);

  // The SENCO reviews the plan on their case page: the action drafted from the strategy was achieved.
  const sencoContext = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const sencoCase = await sencoContext.newPage();
  await signInWith(sencoCase, app, live.senco);
  await sencoCase.goto(`${app.url}/cases/${caseId}`);
  const review = sencoCase.getByRole('region', { name: 'Review', exact: true });
  await review
    .getByRole('group', { name: `Review of action 1: ${STRATEGY}` })
    .getByRole('radio', { name: 'Achieved', exact: true })
    .check();
  await review.getByRole('radio', { name: 'Close the case' }).check();
  await review.getByRole('button', { name: 'Record review' }).click();
  await expect(review.getByRole('status')).toHaveText('Review recorded.');
  await sencoContext.close();
  await console_.reload();
  await expect(entry).toContainText(/Chosen\s*1 time/);
  await expect(entry).toContainText(/Achieved\s*1/);
  await expect(entry).toContainText(/Not yet\s*0/);
  // What it helped with: the case's area of need and type.
  await expect(entry).toContainText(/Areas of need\s*Social, emotional and mental health/);
  await expect(entry).toContainText(/Case type\s*An individual child or young person/);

  // Search and filters: by words, and by an area of need it did not help with.
  await console_.getByRole('searchbox', { name: 'Search' }).fill('TIMETABLE');
  await console_.getByRole('button', { name: 'Search' }).click();
  await expect(entry).toBeVisible();
  await console_.getByRole('combobox', { name: 'Area of need' }).selectOption({ label: 'Sensory and/or physical' });
  await console_.getByRole('button', { name: 'Search' }).click();
  await expect(console_.getByText('Nothing in the bank matches that.')).toBeVisible();
  await console_.getByRole('combobox', { name: 'Area of need' }).selectOption({ label: 'All areas of need' });
  await console_.getByRole('button', { name: 'Search' }).click();
  await expect(entry).toBeVisible();
  await expectAccessible(console_);

  // A second school of the same locality: its SENCO reads the bank, with no school or reference in it.
  const origin = app.url;
  const suffix = uniqueSuffix();
  const { school } = await api<{ school: { id: string } }>(console_.request, 'POST', `${origin}/api/schools`, {
    name: `Brookside Academy ${suffix}`,
    localityId,
  });
  const other = { name: 'SENCO C', email: `senco.c.${suffix}@school.example`, password: 'a long passphrase' };
  const invitation = await api<{ inviteUrl: string }>(console_.request, 'POST', `${origin}/api/people/invite`, {
    role: 'senco',
    name: other.name,
    email: other.email,
    schoolId: school.id,
  });
  const token = new URL(invitation.inviteUrl).pathname.split('/').at(-1) as string;
  const otherSenco = await request.newContext({ baseURL: origin });
  await api(otherSenco, 'POST', `/api/invitations/${token}/accept`, { password: other.password });
  const { session } = await api<{ session: { id: string } }>(console_.request, 'POST', `${origin}/api/sessions`, {
    localityId,
    date: '2026-12-07',
  });
  const { case: second } = await api<{ case: { id: string } }>(otherSenco, 'POST', '/api/cases', {
    type: 'child',
    reference: 'K2F',
  });
  await api(otherSenco, 'PUT', `/api/cases/${second.id}/consent`, { given: true, date: '2026-11-02' });
  await api(otherSenco, 'PUT', `/api/cases/${second.id}/preparation`, PREPARATION);
  await api(otherSenco, 'POST', `/api/cases/${second.id}/submit`, { sessionId: session.id });
  await otherSenco.dispose();
  await api(console_.request, 'PUT', `${origin}/api/sessions/${session.id}/agenda`, { caseIds: [second.id] });
  await api(console_.request, 'POST', `${origin}/api/sessions/${session.id}/start`);

  const phoneContext = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const sencoPage = await phoneContext.newPage();
  await signInWith(sencoPage, app, other);
  await sencoPage.goto(`${origin}/bank`);
  const seen = sencoPage.getByRole('listitem').filter({ hasText: STRATEGY });
  await expect(seen).toContainText(/Achieved\s*1/);
  const words = (await sencoPage.locator('main').textContent()) ?? '';
  for (const secret of [live.schoolName, 'J5M', '23 November'])
    expect(words, `the bank must not show ${secret}`).not.toContain(secret);
  await expectAccessible(sencoPage);
  const fits = await sencoPage.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  expect(fits, 'the bank reads at 360 px without scrolling sideways').toBe(true);
  await sencoPage.screenshot({ path: 'test-results/strategy-bank-360.png', fullPage: true });
  await console_.goto(`${origin}/bank`);
  await console_.screenshot({ path: 'test-results/strategy-bank-1366.png' });

  // The second session: Ideas from the bank in Strategies and resources offers the strategy; Add to the board.
  await console_.goto(`${origin}/facilitate/${session.id}`);
  const board = await epContext.newPage();
  await board.setViewportSize({ width: 1280, height: 720 });
  await board.goto(`${origin}/board/${session.id}`);
  for (let i = 0; i < 4; i++) await next.click();
  await expect(console_.getByRole('heading', { level: 1, name: 'Strategies and resources' })).toBeVisible();
  const ideasButton = console_.getByRole('button', { name: 'Ideas from the bank' });
  await ideasButton.click();
  await expect(ideasButton).toHaveAttribute('aria-expanded', 'true');
  const idea = console_.getByRole('region', { name: 'Ideas from the bank' }).getByRole('listitem').filter({
    hasText: STRATEGY,
  });
  await expect(idea).toContainText(/Achieved\s*1/);
  await expectAccessible(console_);
  await idea.scrollIntoViewIfNeeded();
  await console_.screenshot({ path: 'test-results/strategy-bank-ideas-1366x768.png' });
  // By the keyboard: Enter on Add to the board; focus then rests on "On the board", where the button was.
  await idea.getByRole('button', { name: /^Add to the board/ }).focus();
  await console_.keyboard.press('Enter');
  await expect(idea.getByText('On the board')).toBeVisible();
  await expect(idea.locator('.idea-added')).toBeFocused();

  // On the console's cards, and on the projector, marked "From the bank".
  const onConsole = console_.getByRole('region', { name: 'Cards in this stage' }).getByRole('listitem').filter({
    hasText: STRATEGY,
  });
  await expect(onConsole.getByText('From the bank')).toBeVisible();
  await onConsole.scrollIntoViewIfNeeded();
  await console_.screenshot({ path: 'test-results/strategy-bank-console-added-1366x768.png' });
  const onBoard = board.locator('.board-card').filter({ hasText: STRATEGY });
  await expect(onBoard).toBeVisible();
  await expect(onBoard.getByText('From the bank')).toBeVisible();
  await board.screenshot({ path: 'test-results/strategy-bank-board-1280x720.png' });
  await board.setViewportSize({ width: 1920, height: 1080 });
  await expect(onBoard.getByText('From the bank')).toBeVisible();
  await board.screenshot({ path: 'test-results/strategy-bank-board-1920x1080.png' });
  await phoneContext.close();
  await epContext.close();
});
