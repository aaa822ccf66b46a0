import type { Browser, Page } from '@playwright/test';
import { expect, expectAccessible, joinFromPhone, newPhone, signIn, test, uniqueSuffix } from './support/fixtures';
import type { AppServer } from './support/server';

const PASSWORD = 'a long passphrase';

const PREPARATION = {
  'Current situation': 'J5M finds the start of the day hard and often leaves the classroom.',
  'What has been tried': 'A now-and-next board and a calm corner.',
  'Desired situation': 'J5M settles within ten minutes of arriving.',
  'Aim of the consultation': 'Ideas for the first half hour of the morning.',
};

/** Reads the invitation link the admin is shown once, as a path on this app. */
async function readInvitationLink(page: Page): Promise<string> {
  const link = page.getByRole('textbox', { name: 'Invitation link' });
  await expect(link).toHaveValue(/\/invite\/\S+$/);
  await expect(page.getByText('It will not be shown again')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Copy link' })).toBeVisible();
  return new URL(await link.inputValue()).pathname;
}

/** An invited person opens their link in a browser of their own and sets a password. */
async function acceptInvitation(browser: Browser, app: AppServer, path: string, name: string, phone = false) {
  const context = phone ? await newPhone(browser) : await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${app.url}${path}`);
  await expect(page.getByRole('heading', { name: 'Accept your invitation' })).toBeVisible();
  await expect(page.getByText(name)).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  return page;
}

async function createCase(page: Page, type: string, reference: string): Promise<string> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).click();
  await page.getByRole('button', { name: 'New case' }).click();
  await page.getByRole('radio', { name: type }).check();
  await page.getByRole('textbox', { name: 'Case reference' }).fill(reference);
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page.getByRole('heading', { name: `Case ${reference}` })).toBeVisible();
  return page.url().split('/').at(-1) as string;
}

async function submitFor(page: Page, sessionLabel: RegExp) {
  await page.getByRole('combobox', { name: 'Session' }).selectOption({ label: await optionLabel(page, sessionLabel) });
  await page.getByRole('button', { name: 'Submit', exact: true }).click();
  await expect(page.getByText(/^Submitted for /)).toBeVisible();
}

async function optionLabel(page: Page, label: RegExp): Promise<string> {
  const option = page.getByRole('combobox', { name: 'Session' }).locator('option', { hasText: label });
  return ((await option.first().textContent()) ?? '').trim();
}

test('an admin invites an EP and a SENCO, the SENCO prepares a child’s case, and the EP runs it from the agenda', async ({
  app,
  browser,
}) => {
  // The longest journey: four people, each through their own pages, then a meeting (1–1.5 min on two busy cores).
  test.setTimeout(180_000);
  const suffix = uniqueSuffix();
  const sencoEmail = `senco.a.${suffix}@school.example`;
  const localityName = `North locality ${suffix}`;
  const schoolName = `Northfield Primary ${suffix}`;

  // The admin sets up a locality and a school.
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, app);
  const nav = admin.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link')).toHaveText([
    'Sessions',
    'Localities and schools',
    'People',
    'Reviews',
    'Locality file',
    'Strategy bank',
    'Directory',
    'Themes',
    'Audit log',
    'Stage templates',
  ]);
  await nav.getByRole('link', { name: 'Localities and schools' }).click();
  await expect(admin.getByRole('heading', { name: 'Localities and schools', level: 1 })).toBeVisible();
  await admin.getByRole('textbox', { name: 'Locality name' }).fill(localityName);
  await admin.getByRole('button', { name: 'Add locality' }).click();
  await expect(admin.getByRole('heading', { name: localityName })).toBeVisible();
  await admin.getByRole('textbox', { name: 'School name' }).fill(schoolName);
  await admin.getByRole('combobox', { name: 'Locality' }).selectOption({ label: localityName });
  await admin.getByRole('button', { name: 'Add school' }).click();
  await expect(admin.getByRole('listitem').filter({ hasText: schoolName }).last()).toHaveText(schoolName);
  await expectAccessible(admin);

  // It invites an EP for the locality and a SENCO for the school; each link is shown once.
  await nav.getByRole('link', { name: 'People' }).click();
  await admin.getByRole('textbox', { name: 'Name' }).fill('EP North');
  await admin.getByRole('textbox', { name: 'Email' }).fill(`ep.north.${suffix}@eps.example`);
  await admin.getByRole('radio', { name: 'EP' }).check();
  await admin.getByRole('checkbox', { name: localityName }).check();
  await admin.getByRole('button', { name: 'Create invitation' }).click();
  const epLink = await readInvitationLink(admin);
  await expectAccessible(admin);

  await admin.getByRole('textbox', { name: 'Name' }).fill('SENCO A');
  await admin.getByRole('textbox', { name: 'Email' }).fill(sencoEmail);
  await admin.getByRole('radio', { name: 'SENCO' }).check();
  await admin.getByRole('combobox', { name: 'School' }).selectOption({ label: `${schoolName} (${localityName})` });
  await admin.getByRole('button', { name: 'Create invitation' }).click();
  await expect(admin.getByText('Invitation for SENCO A created.')).toBeVisible();
  const sencoLink = await readInvitationLink(admin);
  expect(sencoLink).not.toBe(epLink);
  const sencoRow = admin.getByRole('row').filter({ hasText: sencoEmail });
  await expect(sencoRow).toContainText('Invited');
  await expect(sencoRow).toContainText(schoolName);

  // The EP accepts and schedules a session for their locality.
  const ep = await acceptInvitation(browser, app, epLink, 'EP North');
  await expect(ep.getByRole('heading', { name: 'Sessions', level: 1 })).toBeVisible();
  await expect(ep.getByRole('navigation', { name: 'Main' }).getByRole('link')).toHaveText([
    'Sessions',
    'Cases',
    'Reviews',
    'Locality file',
    'Strategy bank',
    'Directory',
    'Themes',
    'Stage templates',
  ]);
  await ep.getByRole('button', { name: 'New session' }).click();
  await ep.getByRole('combobox', { name: 'Locality' }).selectOption({ label: localityName });
  await ep.getByLabel('Date').fill('2026-11-23');
  await ep.getByRole('button', { name: 'Create session' }).click();
  await expect(ep).toHaveURL(/\/sessions\/[\w-]+$/);
  await expect(ep.getByRole('heading', { name: `${localityName}, 23 November 2026` })).toBeVisible();

  // The SENCO accepts on a phone and starts from their cases.
  const senco = await acceptInvitation(browser, app, sencoLink, 'SENCO A', true);
  await expect(senco.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();

  // A name is refused with the server's reason; the words stay to be corrected.
  await senco.getByRole('button', { name: 'New case' }).click();
  await expect(senco.getByRole('radio', { name: 'An individual child or young person' })).toBeChecked();
  await senco.getByRole('textbox', { name: 'Case reference' }).fill('Ben');
  await senco.getByRole('button', { name: 'Create case' }).click();
  await expect(senco.getByRole('alert')).toContainText('looks like a name');
  await expect(senco.getByRole('textbox', { name: 'Case reference' })).toHaveValue('Ben');
  await expectAccessible(senco);

  const j5m = await createCase(senco, 'An individual child or young person', 'J5M');
  await expect(senco.getByText('Consent not recorded').first()).toBeVisible();
  await senco.getByRole('checkbox', { name: 'Parent or carer has given consent' }).check();
  await senco.getByLabel('Date consent given').fill('2026-11-02');
  await senco.getByRole('button', { name: 'Record consent' }).click();
  await expect(senco.getByText('Consent recorded (2 November 2026)').first()).toBeVisible();

  // The consent form is a PDF, ready to print.
  const printLink = senco.getByRole('link', { name: 'Print consent form' });
  const pdf = await senco.request.get(new URL((await printLink.getAttribute('href')) ?? '', app.url).href);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

  // The preparation form saves as they type, and is still there after a reload.
  for (const [label, text] of Object.entries(PREPARATION)) {
    await senco.getByRole('textbox', { name: label }).fill(text);
  }
  await senco.getByRole('checkbox', { name: 'Social, emotional and mental health' }).check();
  await expect(senco.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  await senco.reload();
  for (const [label, text] of Object.entries(PREPARATION)) {
    await expect(senco.getByRole('textbox', { name: label })).toHaveValue(text);
  }
  await expect(senco.getByRole('checkbox', { name: 'Social, emotional and mental health' })).toBeChecked();
  await expect(senco.getByRole('checkbox', { name: 'Cognition and learning' })).not.toBeChecked();

  // A save that fails keeps the words and tries again until it is stored.
  const aim = senco.getByRole('textbox', { name: 'Aim of the consultation' });
  await senco.route('**/api/cases/*/preparation', (route) => route.abort());
  await aim.fill(`${PREPARATION['Aim of the consultation']} And for lunchtimes.`);
  await expect(senco.getByRole('status').filter({ hasText: /^Not saved: Could not reach Consultboard/ })).toBeVisible();
  await expect(aim).toHaveValue(`${PREPARATION['Aim of the consultation']} And for lunchtimes.`);
  await senco.unroute('**/api/cases/*/preparation');
  await expect(senco.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 15_000 });
  await aim.fill(PREPARATION['Aim of the consultation']);
  await expect(senco.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  await senco.reload();
  await expect(aim).toHaveValue(PREPARATION['Aim of the consultation']);
  await expectAccessible(senco);
  const overflow = await senco.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await submitFor(senco, /23 November 2026/);

  // A second child's case without consent, and a group topic, are submitted too.
  await createCase(senco, 'An individual child or young person', 'J3F');
  await submitFor(senco, /23 November 2026/);
  await createCase(senco, 'A group of children', 'Year 3 transition');
  await submitFor(senco, /23 November 2026/);
  await senco.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).click();
  await expect(senco.getByRole('row').filter({ hasText: 'J5M' })).toContainText('Complete');
  await expect(senco.getByRole('row').filter({ hasText: 'J3F' })).toContainText('Consent not recorded');
  await expectAccessible(senco);

  // The EP builds the agenda: the child without consent is refused, and says why.
  await ep.reload();
  const submitted = ep.getByRole('region', { name: 'Submitted cases' });
  const j3fItem = submitted.getByRole('listitem').filter({ hasText: 'J3F' });
  await expect(j3fItem).toContainText('Consent not recorded');
  await j3fItem.getByRole('button', { name: 'Add case' }).click();
  await expect(ep.getByRole('alert')).toHaveText(
    'J3F cannot go on the agenda until the SENCO records parental consent.',
  );
  const j5mItem = submitted.getByRole('listitem').filter({ hasText: 'J5M' });
  await expect(j5mItem).toContainText('Social, emotional and mental health');
  await expect(j5mItem).toContainText('Consent recorded (2 November 2026)');
  await j5mItem.getByRole('button', { name: 'Add case' }).click();
  await submitted
    .getByRole('listitem')
    .filter({ hasText: 'Year 3 transition' })
    .getByRole('button', { name: 'Add case' })
    .click();
  const agenda = ep.getByRole('region', { name: 'Agenda' }).getByRole('listitem');
  await expect(agenda).toHaveCount(2);
  await expect(agenda.nth(0)).toContainText('J5M');
  await agenda.nth(1).getByRole('button', { name: 'Move up' }).click();
  await expect(agenda.nth(0)).toContainText('Year 3 transition');
  await agenda.nth(0).getByRole('button', { name: 'Move down' }).click();
  await expect(agenda.nth(0)).toContainText('J5M');
  await expect(agenda.nth(1)).toContainText('Year 3 transition');
  await expectAccessible(ep);

  // The EP reads the preparation form of a submitted case.
  await j5mItem.getByRole('link', { name: 'J5M' }).click();
  await expect(ep).toHaveURL(new RegExp(`/cases/${j5m}$`));
  await expect(ep.getByRole('heading', { name: 'Aim of the consultation' })).toBeVisible();
  await expect(ep.getByText(PREPARATION['Aim of the consultation'])).toBeVisible();
  await expect(ep.getByRole('textbox')).toHaveCount(0);
  await expectAccessible(ep);
  await ep.goBack();

  await ep.getByRole('button', { name: 'Start session' }).click();
  const code = ((await ep.getByTestId('join-code').textContent()) ?? '').trim();
  expect(code).toMatch(/^[A-Z0-9]{6}$/);
  const sessionId = ep.url().split('/').at(-1) as string;

  // The projector shows the preparation form in the Preparation stage, and never the school.
  const board = await ep.context().newPage();
  await board.goto(`${app.url}/board/${sessionId}`);
  await expect(board.getByRole('heading', { name: 'Preparation', level: 1 })).toBeVisible();
  for (const [label, text] of Object.entries(PREPARATION)) {
    await expect(board.getByRole('heading', { name: label })).toBeVisible();
    await expect(board.getByText(text)).toBeVisible();
  }
  await expect(board.getByText('Social, emotional and mental health')).toBeVisible();
  await expect(board.getByText('J5M').first()).toBeVisible();
  await expect(board.locator('body')).not.toContainText(schoolName);
  await expect(board.locator('body')).not.toContainText('Northfield');
  await expect(board.locator('body')).not.toContainText('SENCO A');
  await expectAccessible(board);

  // So does the EP's console.
  await ep.getByRole('link', { name: 'Open facilitator view' }).click();
  await expect(ep.getByRole('heading', { name: 'Consultation preparation form' })).toBeVisible();
  await expect(ep.getByText(PREPARATION['Desired situation'])).toBeVisible();

  // A phone in the room reads it too.
  const phone = await (await newPhone(browser)).newPage();
  await joinFromPhone(phone, app, code, 'SENCO B');
  await expect(phone.getByRole('heading', { name: 'Preparation', level: 1 })).toBeVisible();
  await expect(phone.getByText(PREPARATION['Current situation'])).toBeVisible();
  await expect(phone.locator('body')).not.toContainText(schoolName);

  // The audit log records who did what, and the admin can deactivate someone who leaves.
  await nav.getByRole('link', { name: 'Audit log' }).click();
  await expect(admin.getByRole('heading', { name: 'Audit log', level: 1 })).toBeVisible();
  await expect(admin.getByRole('row').filter({ hasText: 'EP North' }).first()).toBeVisible();
  await expectAccessible(admin);
  await nav.getByRole('link', { name: 'People' }).click();
  const activeSenco = admin.getByRole('row').filter({ hasText: sencoEmail });
  await expect(activeSenco).toContainText('Active');
  await activeSenco.getByRole('button', { name: 'Deactivate' }).click();
  await activeSenco.getByRole('button', { name: 'Yes, deactivate' }).click();
  await expect(activeSenco).toContainText('Deactivated');
});

test('an invitation link that is not known says so', async ({ app, page }) => {
  await page.goto(`${app.url}/invite/not-a-real-token`);
  await expect(page.getByRole('heading', { name: 'Accept your invitation' })).toBeVisible();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByLabel('Password')).toHaveCount(0);
  await expectAccessible(page);
});
