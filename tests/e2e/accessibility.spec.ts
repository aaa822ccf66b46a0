import {
  createLiveSession,
  EP,
  expect,
  expectAccessible,
  joinFromPhone,
  newPhone,
  signIn,
  test,
} from './support/fixtures';

test('the set-up, sign-in, session, board, console, join and phone pages pass axe', async ({ app, browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: /Set up Consultboard|Sign in/ })).toBeVisible();
  await expectAccessible(page);
  await signIn(page, app);
  await expectAccessible(page);
  const { id, code } = await createLiveSession(page, ['J5M']);
  await expectAccessible(page);

  await page.goto(`${app.url}/board/${id}`);
  await expect(page.getByRole('heading', { name: 'Preparation' })).toBeVisible();
  await expectAccessible(page);
  await page.goto(`${app.url}/facilitate/${id}`);
  await expect(page.getByRole('button', { name: 'Next stage' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Next stage' }).click();
  await page.getByRole('button', { name: 'Next stage' }).click();

  const phone = await (await newPhone(browser)).newPage();
  await phone.goto(`${app.url}/join`);
  await expect(phone.getByRole('button', { name: 'Join' })).toBeVisible();
  await expectAccessible(phone);
  await joinFromPhone(phone, app, code, 'SENCO A');
  await expect(phone.getByRole('textbox', { name: 'Question' })).toBeVisible();
  await expectAccessible(phone);
  // Nothing scrolls sideways on a 360-pixel phone.
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  // Signed out, the sign-in page is reachable and accessible too.
  const fresh = await browser.newContext();
  const signInPage = await fresh.newPage();
  await signInPage.goto(app.url);
  await expect(signInPage.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expectAccessible(signInPage);
  await signInPage.getByLabel('Email').fill(EP.email);
  await signInPage.getByLabel('Password').fill('not the password');
  await signInPage.getByRole('button', { name: 'Sign in' }).click();
  await expect(signInPage.getByRole('alert')).toBeVisible();
});
