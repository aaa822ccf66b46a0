import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import {
  createLiveSession,
  expect,
  expectAccessible,
  joinFromPhone,
  newPhone,
  signIn,
  signInWith,
  test,
} from './support/fixtures';

// Issue 13: the signposting directory and signposting in the room. The admin imports the locality's local offer
// as CSV; a phone picks a suggested service for a Resource card; the board shows it; the plan export lists it.

const ACCESS = 'Referral by the SENCO through the local offer form.';
const DIRECTORY_CSV = [
  'Name,What it offers,Age from,Age to,Areas of need,Eligibility,How to access,Contact,Website,Last checked',
  `Autism outreach team,"Advice, modelling and training for schools on autism and social communication.",4,16,Communication and interaction,Pupils in mainstream schools,${ACCESS},"0300 123 4567, outreach@council.example",https://localoffer.council.example/autism,2026-10-01`,
  'Sensory support service,Visits and equipment loans for pupils with hearing or vision needs.,0,19,Sensory and/or physical,A diagnosed sensory need,Referral form on the website,0300 555 0101,https://sensory.example.org,2026-09-15',
  'Young carers project,Groups and a named worker for young carers.,8,18,"Social, emotional and mental health",,The family phones the project line,0300 555 0202,,2024-05-01',
].join('\r\n');

async function nextStageTo(console_: Page, name: string) {
  await console_.getByRole('button', { name: 'Next stage' }).click();
  await expect(console_.getByRole('heading', { name, level: 1 })).toBeVisible();
}

/** The admin's Directory page: Import CSV for the session's locality. */
async function importDirectory(page: Page, localityId: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Directory' }).click();
  await expect(page.getByRole('heading', { name: 'Directory', level: 1 })).toBeVisible();
  // Import CSV opens above the list, so a long directory never hides it.
  await page.locator('summary', { hasText: 'Import CSV' }).click();
  const form = page.getByRole('form', { name: 'Import CSV' });
  await form.getByRole('combobox', { name: 'For' }).selectOption(localityId);
  await form.getByLabel('CSV file').setInputFiles({
    name: 'local-offer.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(DIRECTORY_CSV, 'utf8'),
  });
  await form.getByRole('button', { name: 'Import CSV' }).click();
  await expect(form.getByRole('status')).toHaveText('3 services imported.');
}

test('the admin imports the local offer; a phone links a Resource card to a service; the board and the export show it', async ({
  app,
  browser,
}) => {
  const epContext = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const console_ = await epContext.newPage();
  await signIn(console_, app);
  const live = await createLiveSession(console_, ['J5M'], {
    beforeStart: ({ localityId }) => importDirectory(console_, localityId),
  });
  const [caseId] = live.caseIds;

  // The directory page: the imported services, the one not checked since 2024 flagged; a bad file refused whole.
  await console_.goto(`${app.url}/directory`);
  const services = console_.getByRole('region', { name: 'Services' });
  const carers = services.getByRole('listitem').filter({ hasText: 'Young carers project' });
  await expect(carers).toContainText('Not checked for 12 months');
  await expect(services.getByRole('listitem').filter({ hasText: 'Autism outreach team' })).not.toContainText(
    'Not checked for 12 months',
  );
  await console_.getByRole('searchbox', { name: 'Search' }).fill('hearing');
  await expect(services.getByRole('listitem')).toHaveCount(1);
  await expect(services.getByRole('heading', { name: 'Sensory support service' })).toBeVisible();
  await console_.getByRole('searchbox', { name: 'Search' }).fill('');
  await expect(services.getByRole('heading', { level: 3 })).toHaveCount(3);
  await console_.evaluate(() => window.scrollTo(0, 0));
  await console_.screenshot({ path: test.info().outputPath('directory-1366x768.png') });
  await console_.screenshot({ path: test.info().outputPath('directory-1366x768-whole.png'), fullPage: true });
  // It reads at 360 px too: nothing wider than the screen.
  await console_.setViewportSize({ width: 360, height: 740 });
  expect(await console_.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
    0,
  );
  await console_.setViewportSize({ width: 1366, height: 768 });
  // By keyboard this time: the summary takes focus and Enter opens it.
  await console_.locator('summary', { hasText: 'Import CSV' }).focus();
  await console_.keyboard.press('Enter');
  const form = console_.getByRole('form', { name: 'Import CSV' });
  await expect(form).toBeVisible();
  await form.getByLabel('CSV file').setInputFiles({
    name: 'bad.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      `${DIRECTORY_CSV.split('\r\n')[0]}\r\nA drop-in,Advice,,,,,Text the worker,07700 900123,,2026-10-01`,
    ),
  });
  await form.getByRole('button', { name: 'Import CSV' }).click();
  await expect(form.getByRole('alert')).toContainText('The file was not imported. Line 2:');
  await expect(form.getByRole('alert')).toContainText('mobile');
  await expect(services.getByRole('heading', { level: 3 })).toHaveCount(3);
  await expectAccessible(console_);
  await console_.screenshot({ path: test.info().outputPath('directory-1366x768-refused.png') });

  // The room: the console, the board at 1280×720, and a phone at 360×740.
  await console_.goto(`${app.url}/facilitate/${live.id}`);
  const boardContext = await browser.newContext({
    viewport: { width: 1280, height: 720 },
    storageState: await epContext.storageState(),
  });
  const board = await boardContext.newPage();
  await board.goto(`${app.url}/board/${live.id}`);
  const phone = await (await newPhone(browser)).newPage();
  await joinFromPhone(phone, app, live.code, 'SENCO B');
  await expect(phone.getByRole('heading', { name: 'Preparation' })).toBeVisible();
  for (const stage of ['Current situation', 'Clarifying questions', 'Desired situation', 'Strategies and resources'])
    await nextStageTo(console_, stage);
  await expect(phone.getByRole('heading', { name: 'Strategies and resources' })).toBeVisible();

  // Typing in the Resource box suggests the locality's services, by what they offer too.
  const box = phone.getByRole('textbox', { name: 'Resource' });
  await box.fill('social communication');
  const suggestions = phone.getByRole('listbox', { name: 'Services in the directory' });
  await expect(suggestions.getByRole('option')).toHaveCount(1);
  await box.fill('autism');
  await expect(suggestions.getByRole('option', { name: /Autism outreach team/ })).toBeVisible();
  await expectAccessible(phone);
  await phone.screenshot({ path: test.info().outputPath('phone-resource-suggestions-360x740.png') });
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  // The keyboard reaches it too: Down arrow into the list, Enter chooses.
  await box.press('End');
  await box.press('ArrowDown');
  await expect(suggestions.getByRole('option', { name: /Autism outreach team/ })).toBeFocused();
  await phone.keyboard.press('Enter');
  await expect(box).toHaveValue('Autism outreach team');
  await expect(box).toBeFocused();
  await expect(phone.getByText('Links to the directory: Autism outreach team')).toBeVisible();
  await phone.getByRole('button', { name: 'Add' }).click();

  // The board and the console show the service and how to access it; the phone too.
  await expect(board.getByText(`How to access: ${ACCESS}`)).toBeVisible();
  await expect(console_.getByText(`How to access: ${ACCESS}`)).toBeVisible();
  await expect(phone.getByText(`How to access: ${ACCESS}`)).toBeVisible();
  // The phone's own card keeps Edit and Withdraw whole at 360 px: each word on one line.
  const withdraw = phone.getByRole('button', { name: 'Withdraw' });
  const lines = await withdraw.evaluate((button) => {
    const range = document.createRange();
    range.selectNodeContents(button);
    return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
  });
  expect(lines, 'Withdraw on one line').toBe(1);
  await expectAccessible(board);
  await board.screenshot({ path: test.info().outputPath('board-linked-resource-1280x720.png') });

  // Marked helpful, it drafts the plan; the SENCO's export lists the service with how to access it.
  await nextStageTo(console_, 'Feedback');
  const card = console_.getByRole('listitem').filter({ hasText: 'Autism outreach team' });
  await card.getByRole('button', { name: 'Helpful' }).click();
  await expect(card.getByRole('button', { name: 'Helpful' })).toHaveAttribute('aria-pressed', 'true');
  await nextStageTo(console_, 'Action plan');
  const plan = console_.getByRole('region', { name: 'Action plan', exact: true });
  await expect(
    plan.getByRole('group', { name: 'Action 1', exact: true }).getByRole('textbox', { name: 'Action' }),
  ).toHaveValue('Autism outreach team');

  const sencoContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const senco = await sencoContext.newPage();
  await signInWith(senco, app, live.senco);
  await senco.goto(`${app.url}/cases/${caseId}`);
  const casePlan = senco.getByRole('region', { name: 'Action plan', exact: true });
  await expect(casePlan.getByRole('region', { name: 'Services signposted' })).toContainText(
    `Autism outreach team: ${ACCESS}`,
  );
  // The drafted action has no Who, By when or Success looks like yet: the SENCO is told, and exports anyway.
  await casePlan.getByRole('link', { name: 'Export PDF' }).click();
  const toFill = casePlan.getByRole('region', { name: 'Some actions are not filled in' });
  const downloading = senco.waitForEvent('download');
  await toFill.getByRole('button', { name: /^Export anyway/ }).click();
  const download = await downloading;
  const text = execFileSync('pdftotext', ['-raw', await download.path(), '-'], { encoding: 'utf8' }).replace(
    /\s+/g,
    ' ',
  );
  expect(text).toContain('Services signposted');
  expect(text).toContain(`Autism outreach team: ${ACCESS}`);

  await boardContext.close();
  await sencoContext.close();
});
