import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { request } from '@playwright/test';
import { endSession } from './support/endSession';
import { api, expect, expectAccessible, openRoom, signInWith, test } from './support/fixtures';

// Issue 13 items 4 and 5: the SENCO is told of an action with an empty Who before a plan export, fills it in, and
// downloads the school's evidence pack.

const row = (id: string, action: string, who: string) => ({
  id,
  action,
  who,
  byWhen: '2026-12-04',
  successLooksLike: 'Comes into class calmly',
  reviewDate: '2027-01-15',
  areaOfNeed: 'communication-and-interaction',
  fromCardId: null,
});

test('the SENCO fills an empty Who before a plan export, then downloads the evidence pack', async ({
  app,
  browser,
}) => {
  const { console_, live } = await openRoom(browser, app, ['J5M', 'K2F']);
  const [j5m, k2f] = live.caseIds as [string, string];
  // The SENCO's plans for both cases, written while the meeting is live; J5M's one action has no Who.
  const sencoApi = await request.newContext({ baseURL: app.url });
  try {
    await api(sencoApi, 'POST', '/api/auth/sign-in', { email: live.senco.email, password: live.senco.password });
    await api(sencoApi, 'PUT', `/api/cases/${j5m}/plan`, {
      version: 0,
      rows: [row('row-1', 'Meet and greet at the gate each morning', '')],
    });
    await api(sencoApi, 'PUT', `/api/cases/${k2f}/plan`, {
      version: 0,
      rows: [row('row-1', 'Visual timetable checked each morning', 'Class teacher')],
    });
  } finally {
    await sencoApi.dispose();
  }
  await endSession(console_);
  await expect(console_.getByRole('heading', { name: 'This session has ended.' })).toBeVisible();

  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const senco = await context.newPage();
  await signInWith(senco, app, live.senco);
  await senco.goto(`${app.url}/cases/${j5m}`);
  const plan = senco.getByRole('region', { name: 'Action plan', exact: true });

  // Export Word with an empty Who: the SENCO is told which action, and goes back to fill it.
  await plan.getByRole('link', { name: 'Export Word' }).click();
  const toFill = plan.getByRole('region', { name: 'Some actions are not filled in' });
  await expect(toFill).toContainText('Action 1: Who');
  await expect(toFill.getByRole('heading', { name: 'Some actions are not filled in' })).toBeFocused();
  await expectAccessible(senco);
  await toFill.getByRole('button', { name: 'Fill them in' }).click();
  await expect(toFill).toHaveCount(0);
  const who = plan
    .getByRole('group', { name: 'Action 1', exact: true })
    .getByRole('textbox', { name: 'Who', exact: true });
  await expect(who).toBeFocused();
  await who.fill('Teaching assistant');
  await expect(plan.getByRole('status')).toHaveText('Saved');
  // Filled in: the file comes at once.
  const planDownload = senco.waitForEvent('download');
  await plan.getByRole('link', { name: 'Export PDF' }).click();
  const planFile = await planDownload;
  expect(planFile.suggestedFilename()).toBe('action-plan-J5M-2026-11-23.pdf');
  const planText = execFileSync('pdftotext', ['-raw', await planFile.path(), '-'], { encoding: 'utf8' }).replace(
    /\s+/g,
    ' ',
  );
  expect(planText).toContain('Confidential · Case J5M · Action plan');
  expect(planText).toContain('Teaching assistant');

  // The Evidence pack, from the main navigation.
  await senco.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Evidence pack' }).click();
  await expect(senco.getByRole('heading', { name: 'Evidence pack', level: 1 })).toBeVisible();
  await senco.getByLabel('From').fill('2026-09-01');
  await senco.getByLabel('To').fill('2026-12-31');
  await expectAccessible(senco);
  await senco.screenshot({ path: test.info().outputPath('evidence-pack-1366x768.png') });

  const wordDownload = senco.waitForEvent('download');
  await senco.getByRole('button', { name: 'Download Word' }).click();
  const word = await wordDownload;
  expect(word.suggestedFilename()).toBe('evidence-pack-2026-09-01-to-2026-12-31.docx');
  expect((await readFile(await word.path())).subarray(0, 2).toString('latin1')).toBe('PK');
  await expect(senco.getByRole('status')).toContainText('is downloading');

  const pdfDownload = senco.waitForEvent('download');
  await senco.getByRole('button', { name: 'Download PDF' }).click();
  const pdf = await pdfDownload;
  expect(pdf.suggestedFilename()).toBe('evidence-pack-2026-09-01-to-2026-12-31.pdf');
  const text = execFileSync('pdftotext', ['-raw', await pdf.path(), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain(`Evidence pack: ${live.schoolName}`);
  for (const words of [
    'Contents',
    'Case J5M',
    'Case K2F',
    'Visual timetable checked each morning',
    'Teaching assistant',
  ])
    expect(text).toContain(words);
  expect(text).not.toMatch(/\bSENCO A\b/);

  // A range the other way round is refused on the page, before anything is asked of the server.
  await senco.getByLabel('From').fill('2027-01-31');
  await senco.getByRole('button', { name: 'Download PDF' }).click();
  await expect(senco.getByText('The last day comes after the first.')).toBeVisible();
  await senco.getByLabel('From').fill('2026-09-01');

  // A phone number typed into K2F's plan: the pack is not made, and the page names the case to check.
  await api(senco.request, 'PUT', `${app.url}/api/cases/${k2f}/plan`, {
    version: 1,
    rows: [row('row-1', 'Visual timetable checked each morning', 'Call 07700 900123 first')],
  });
  await senco.getByRole('button', { name: 'Download Word' }).click();
  const check = senco.getByRole('region', { name: 'Check before exporting' });
  await expect(check).toContainText("K2F, Action plan: '07700 900123' looks like a phone number.");
  await expect(check.getByRole('heading', { name: 'Check before exporting' })).toBeFocused();
  await expectAccessible(senco);
  await check.getByRole('link', { name: 'Open case K2F' }).click();
  await expect(senco.getByRole('heading', { name: 'Case K2F', level: 1 })).toBeVisible();
  await senco.goBack();
  await expect(senco.getByRole('heading', { name: 'Evidence pack', level: 1 })).toBeVisible();

  // On a phone-sized screen the page still fits.
  await senco.setViewportSize({ width: 360, height: 740 });
  await senco.screenshot({ path: test.info().outputPath('evidence-pack-360x740.png'), fullPage: true });
  const overflow = await senco.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(senco);
  await context.close();
});
