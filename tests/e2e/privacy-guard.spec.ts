import { type APIRequestContext, type Page, request } from '@playwright/test';
import { api, expect, expectAccessible, signIn, signInWith, test, uniqueSuffix } from './support/fixtures';

// Issue 10: the privacy guard on the SENCO's case page. The personal data typed here is invented for the guard.

/** A school with its SENCO (signed in through the API), a child's case J5M with consent, and a plan of one row. */
async function seedSchool(admin: Page) {
  const origin = new URL(admin.url()).origin;
  const suffix = uniqueSuffix();
  const { locality } = await api<{ locality: { id: string } }>(admin.request, 'POST', `${origin}/api/localities`, {
    name: `North East locality ${suffix}`,
  });
  const { school } = await api<{ school: { id: string } }>(admin.request, 'POST', `${origin}/api/schools`, {
    name: `Northfield Primary ${suffix}`,
    localityId: locality.id,
  });
  const senco = { email: `senco.${suffix}@school.example`, password: 'a long passphrase' };
  const invitation = await api<{ inviteUrl: string }>(admin.request, 'POST', `${origin}/api/people/invite`, {
    role: 'senco',
    name: 'SENCO A',
    email: senco.email,
    schoolId: school.id,
  });
  const token = new URL(invitation.inviteUrl).pathname.split('/').at(-1) as string;
  const sencoApi: APIRequestContext = await request.newContext({ baseURL: origin });
  try {
    await api(sencoApi, 'POST', `/api/invitations/${token}/accept`, { password: senco.password });
    const { case: child } = await api<{ case: { id: string } }>(sencoApi, 'POST', '/api/cases', {
      type: 'child',
      reference: 'J5M',
    });
    await api(sencoApi, 'PUT', `/api/cases/${child.id}/consent`, { given: true, date: '2026-11-02' });
    await api(sencoApi, 'PUT', `/api/cases/${child.id}/plan`, {
      version: 0,
      rows: [
        {
          id: 'row-1',
          action: 'Meet and greet at the gate',
          who: 'Class teacher',
          byWhen: '2026-12-04',
          successLooksLike: 'Comes into class calmly',
          reviewDate: '2027-01-15',
          areaOfNeed: null,
          fromCardId: null,
        },
      ],
    });
    const { case: topic } = await api<{ case: { id: string } }>(sencoApi, 'POST', '/api/cases', {
      type: 'group',
      reference: 'Year 3 transition',
    });
    return { senco, childId: child.id, topicId: topic.id };
  } finally {
    await sencoApi.dispose();
  }
}

test('the SENCO sees personal data flagged as they type, checks it, and is asked to check before exporting', async ({
  app,
  browser,
}) => {
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, app);
  const { senco: account, childId, topicId } = await seedSchool(admin);

  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const senco = await context.newPage();
  await signInWith(senco, app, account);
  await senco.goto(`${app.url}/cases/${childId}`);
  await expect(senco.getByRole('heading', { name: 'Case J5M', level: 1 })).toBeVisible();
  await expect(senco.getByText('Personal data to check')).toHaveCount(0);

  // Typing a name: the warning comes under the field, and the words are saved all the same.
  const current = senco.getByRole('textbox', { name: 'Current situation' });
  await current.fill('At lunch Ben Smith says he finds the hall too loud. Mum: 07700 900123.');
  const findings = senco.getByRole('list', { name: 'Personal data to check in Current situation' });
  await expect(
    findings.getByText("'Ben Smith' looks like a name. Use the reference J5M, or 'the child'."),
  ).toBeVisible();
  await expect(findings.getByText("'07700 900123' looks like a phone number.", { exact: false })).toBeVisible();
  await expect(findings.locator('mark', { hasText: 'Ben Smith' })).toBeVisible();
  await expect(senco.getByText('Saved', { exact: false }).first()).toBeVisible();
  await expect(senco.getByText('Personal data to check').first()).toBeVisible();
  await current.scrollIntoViewIfNeeded();
  await senco.screenshot({ path: test.info().outputPath('preparation-warning-1366x768.png') });
  await senco.setViewportSize({ width: 360, height: 740 });
  await current.scrollIntoViewIfNeeded();
  await senco.screenshot({ path: test.info().outputPath('preparation-warning-360x740.png') });
  const overflow = await senco.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(senco);
  await senco.setViewportSize({ width: 1366, height: 768 });

  // Stored: a reload shows the words, the label, and the warnings again.
  await senco.reload();
  await expect(senco.getByRole('textbox', { name: 'Current situation' })).toHaveValue(
    'At lunch Ben Smith says he finds the hall too loud. Mum: 07700 900123.',
  );
  await expect(senco.getByText('Personal data to check').first()).toBeVisible();
  await senco.screenshot({ path: test.info().outputPath('case-to-check-1366x768.png') });

  // In the list of cases too.
  await senco.goto(`${app.url}/cases`);
  await expect(senco.getByRole('row').filter({ hasText: 'J5M' })).toContainText('Personal data to check');
  await expect(senco.getByRole('row').filter({ hasText: 'Year 3 transition' })).not.toContainText(
    'Personal data to check',
  );
  await senco.goto(`${app.url}/cases/${childId}`);

  // "This is not personal" hides that finding; editing the other away clears the label.
  await senco.getByRole('button', { name: 'This is not personal: Ben Smith' }).click();
  await expect(senco.getByText("'Ben Smith' looks like a name.", { exact: false })).toHaveCount(0);
  await expect(senco.getByText("'07700 900123' looks like a phone number.", { exact: false })).toBeVisible();
  await expect(senco.getByText('Personal data to check').first()).toBeVisible();
  await senco
    .getByRole('textbox', { name: 'Current situation' })
    .fill('At lunch Ben Smith says he finds the hall too loud. Mum rings the office.');
  await expect(senco.getByText("'07700 900123' looks like", { exact: false })).toHaveCount(0);
  await expect(senco.getByText('Personal data to check')).toHaveCount(0);

  // An export over a finding nobody checked: Check before exporting, then the file once it is checked.
  await senco.getByRole('textbox', { name: 'Aim of the consultation' }).fill('Ask Kelly what helps in the mornings.');
  await expect(senco.getByText('Personal data to check').first()).toBeVisible();
  await senco.getByRole('link', { name: 'Export Word' }).click();
  const check = senco.getByRole('region', { name: 'Check before exporting' });
  await expect(check).toBeVisible();
  await expect(check).toContainText("Consultation preparation form: 'Kelly' looks like a name.");
  await expect(check).not.toContainText("'Ben Smith'");
  await check.scrollIntoViewIfNeeded();
  await senco.screenshot({ path: test.info().outputPath('check-before-exporting-1366x768.png') });
  await expectAccessible(senco);
  await check.getByRole('button', { name: 'This is not personal: Kelly' }).click();
  await expect(check).toContainText('Nothing left to check. Export again.');
  await expect(senco.getByText('Personal data to check')).toHaveCount(0);
  const downloading = senco.waitForEvent('download');
  await senco.getByRole('link', { name: 'Export Word' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^action-plan-J5M-.*\.docx$/);

  // A topic that names children is refused, its words marked; the SENCO can Edit a topic to put it right.
  await senco.goto(`${app.url}/cases`);
  await senco.getByRole('button', { name: 'New case' }).click();
  await senco.getByRole('radio', { name: 'A group of children' }).check();
  await senco.getByRole('textbox', { name: 'Case reference' }).fill('Ben and Sara in Year 3');
  await senco.getByRole('button', { name: 'Create case' }).click();
  await expect(senco.getByRole('alert')).toContainText("'Ben' and 'Sara' look like names.");
  await expect(senco.locator('.reference-findings mark')).toHaveText(['Ben', 'Sara']);
  await expectAccessible(senco);

  await senco.goto(`${app.url}/cases/${topicId}`);
  await expect(senco.getByRole('heading', { name: 'Case Year 3 transition', level: 1 })).toBeVisible();
  await senco.getByRole('button', { name: 'Edit' }).click();
  const box = senco.getByRole('textbox', { name: 'Case reference' });
  await expect(box).toBeFocused();
  await box.fill('Jack Smith transition');
  await senco.getByRole('button', { name: 'Save changes' }).click();
  await expect(senco.getByRole('alert')).toContainText("'Jack Smith' looks like a name.");
  await box.fill('Year 3 friendships');
  await senco.getByRole('button', { name: 'Save changes' }).click();
  await expect(senco.getByRole('heading', { name: 'Case Year 3 friendships', level: 1 })).toBeVisible();
  await expect(senco.getByRole('button', { name: 'Edit' })).toBeFocused();
  await senco.goto(`${app.url}/cases`);
  await expect(senco.getByRole('link', { name: 'Year 3 friendships' })).toBeVisible();

  await context.close();
  await adminContext.close();
});
