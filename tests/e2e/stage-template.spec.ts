import type { Page } from '@playwright/test';
import { api, createLiveSession, expect, expectAccessible, signIn, test, uniqueSuffix } from './support/fixtures';

/**
 * Issue 9 item 8: a locality adjusts its stage template. The admin edits it by keyboard from the Localities page; a
 * session started afterwards runs through the new stages on the board and the console; changing the template again
 * leaves the live session with its own.
 */
const NEW_STAGES = [
  'Preparation',
  'Current situation',
  'Questions and affirmations',
  'Strategies and resources',
  'Quick wins',
  'Feedback',
  'Action plan',
];

const stagesOn = (page: Page) => page.getByRole('list', { name: 'Stages' }).getByRole('listitem');
const stageItem = (page: Page, name: RegExp) =>
  page.getByRole('listitem').filter({ has: page.getByRole('heading', { name }) });

test('a locality edits its stage template; a session keeps the template it started with', async ({ app, browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await signIn(page, app);
  let templateUrl = '';

  const live = await createLiveSession(page, ['J5M'], {
    beforeStart: async ({ localityId }) => {
      await page.goto(`${app.url}/localities`);
      // Other journeys in this worker may have added more localities than one page shows.
      const link = page.locator(`a[href="/localities/${localityId}/template"]`);
      const more = page.getByRole('button', { name: 'Show more' });
      await expect(link.or(more).first()).toBeVisible();
      for (let page_ = 0; page_ < 20 && !(await link.isVisible()); page_++) {
        await more.click();
        await expect(link.or(more).first()).toBeVisible();
      }
      await link.click();
      await expect(page.getByRole('heading', { level: 1, name: /^Stage template: / })).toBeVisible();
      await expect(page.getByText('This locality uses the default template.')).toBeVisible();
      templateUrl = page.url();

      // By keyboard: rename a stage, remove one, add one that takes strategies, and move it up before Feedback.
      const questions = stageItem(page, /Clarifying questions$/);
      await questions.getByLabel('Stage name').fill('Questions and affirmations');
      const remove = page.getByRole('button', { name: 'Remove stage: Desired situation' });
      await remove.focus();
      await page.keyboard.press('Enter');
      await expect(page.getByRole('button', { name: 'Add stage' })).toBeFocused();
      await page.keyboard.press('Enter');
      const name = page.getByRole('textbox', { name: 'Stage name' }).nth(5);
      await expect(name).toBeFocused();
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.type('Quick wins');
      const quickWins = stageItem(page, /Quick wins$/);
      await quickWins.getByRole('checkbox', { name: 'Strategy' }).check();
      await quickWins.getByLabel('Suggested minutes').fill('7');
      const up = page.getByRole('button', { name: 'Move up: Quick wins' });
      await up.focus();
      await page.keyboard.press('Enter');
      await expect(page.getByRole('button', { name: 'Move up: Quick wins' })).toBeFocused();
      await expect(page.getByRole('heading', { name: 'Stage 5 of 7: Quick wins' })).toBeVisible();
      await page.getByRole('button', { name: 'Save template' }).click();
      await expect(page.getByRole('status')).toHaveText('Template saved. Sessions that start from now on use it.');
      await expect(page.getByText('This locality has its own template.')).toBeVisible();
      await expectAccessible(page);

      // On a 360 px phone the page fits its width, and stays accessible.
      await page.setViewportSize({ width: 360, height: 740 });
      expect(await page.evaluate(() => document.scrollingElement?.scrollWidth)).toBeLessThanOrEqual(360);
      await expectAccessible(page);
      await page.screenshot({ path: 'test-results/stage-template-360.png', fullPage: false });
      await page.setViewportSize({ width: 1280, height: 800 });
    },
  });

  // The session started with the edited template: the console and the board list its stages.
  await page.goto(`${app.url}/facilitate/${live.id}`);
  await expect(stagesOn(page)).toHaveText(NEW_STAGES);
  const board = await context.newPage();
  await board.goto(`${app.url}/board/${live.id}`);
  await expect(stagesOn(board)).toHaveText(NEW_STAGES);
  for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Next stage' }).click();
  await expect(board.getByRole('heading', { level: 1, name: 'Quick wins' })).toBeVisible();

  // The template changes again, and is even restored to the default: the live session keeps its own.
  const editor = await context.newPage();
  await editor.goto(templateUrl);
  await stageItem(editor, /Quick wins$/)
    .getByLabel('Stage name')
    .fill('Easy wins');
  await editor.getByRole('button', { name: 'Save template' }).click();
  await expect(editor.getByRole('status')).toHaveText('Template saved. Sessions that start from now on use it.');
  await page.reload();
  await board.reload();
  await expect(stagesOn(page)).toHaveText(NEW_STAGES);
  await expect(stagesOn(board)).toHaveText(NEW_STAGES);
  await expect(board.getByRole('heading', { level: 1, name: 'Quick wins' })).toBeVisible();

  await editor.getByRole('button', { name: 'Restore the default' }).click();
  await editor.getByRole('button', { name: 'Yes, restore the default' }).click();
  await expect(editor.getByText('This locality uses the default template.')).toBeVisible();
  await expect(editor.getByRole('textbox', { name: 'Stage name' })).toHaveCount(7);
  await expect(editor.getByRole('textbox', { name: 'Stage name' }).nth(2)).toHaveValue('Clarifying questions');
  await page.reload();
  await expect(stagesOn(page)).toHaveText(NEW_STAGES);
});

test('the EP reaches their locality’s template from the navigation, and a template that breaks the plan is refused', async ({
  app,
  browser,
}) => {
  const adminPage = await (await browser.newContext()).newPage();
  await signIn(adminPage, app);
  const admin = adminPage.request;
  const suffix = uniqueSuffix();
  const { locality } = await api<{ locality: { id: string } }>(admin, 'POST', `${app.url}/api/localities`, {
    name: `Template locality ${suffix}`,
  });
  const invitation = await api<{ inviteUrl: string }>(admin, 'POST', `${app.url}/api/people/invite`, {
    role: 'ep',
    name: 'EP North',
    email: `ep.${suffix}@eps.example`,
    localityIds: [locality.id],
  });
  const token = new URL(invitation.inviteUrl).pathname.split('/').at(-1) as string;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await api(context.request, 'POST', `${app.url}/api/invitations/${token}/accept`, { password: 'a long passphrase' });
  const page = await context.newPage();
  await page.goto(`${app.url}/sessions`);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Stage templates' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Stage templates' })).toBeVisible();
  // The EP's own locality only.
  await expect(page.getByRole('link', { name: /^Stage template: / })).toHaveText([
    `Stage template: Template locality ${suffix}`,
  ]);
  await expectAccessible(page);
  await page.getByRole('link', { name: /^Stage template: / }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Stage template: Template locality ${suffix}` }),
  ).toBeVisible();

  // The Action plan stage cannot be removed, and a second helpful stage takes the mark off the first.
  await expect(page.getByRole('button', { name: 'Remove stage: Action plan' })).toHaveCount(0);
  await stageItem(page, /Strategies and resources$/)
    .getByRole('checkbox', { name: 'The SENCO marks helpful cards here' })
    .check();
  await expect(
    stageItem(page, /Feedback$/).getByRole('checkbox', { name: 'The SENCO marks helpful cards here' }),
  ).not.toBeChecked();
  // Moving the Action plan stage before the helpful one would leave the draft without marks: said before saving.
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Move up: Action plan' }).click();
  await expect(
    page.getByText('Mark helpful cards before the Action plan stage, so the plan can use them.'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Save template' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'Mark helpful cards before the Action plan stage, so the plan can use them.',
  );
  await expect(page.getByText('This locality uses the default template.')).toBeVisible();
  await expectAccessible(page);
});
