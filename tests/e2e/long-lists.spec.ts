import { api, expect, expectAccessible, signIn, test, uniqueSuffix } from './support/fixtures';

/**
 * The admin's lists outgrow a page: the first page shows, Show more brings the next, and the button goes once
 * everything is there (the server pages every list; nothing past the first page is lost).
 */
test('the admin reads more localities and audit entries than a page holds, with Show more', async ({ page, app }) => {
  await signIn(page, app);
  const suffix = uniqueSuffix();
  const names: string[] = [];
  for (let n = 0; n < 53; n++) {
    const name = `Locality ${String(n).padStart(2, '0')} ${suffix}`;
    names.push(name);
    await api(page.request, 'POST', `${app.url}/api/localities`, { name });
  }

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Localities and schools' }).click();
  const localities = page.getByRole('region', { name: 'Localities' }).getByRole('heading', { level: 3 });
  await expect(localities).toHaveCount(50);
  const showMore = page.getByRole('button', { name: 'Show more' });
  await expectAccessible(page);
  await showMore.click();
  await expect(localities.filter({ hasText: suffix })).toHaveCount(53);
  await expect(showMore).toHaveCount(0);
  // The new school's choice of locality holds every one, not just the first page's.
  const choice = page.getByRole('combobox', { name: 'Locality' });
  await expect(choice.getByRole('option', { name: names.at(-1) })).toHaveCount(1);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
  const rows = page.getByRole('table').getByRole('row');
  // A header row and the first fifty entries; the 53 localities were recorded, so there is more.
  await expect(rows).toHaveCount(51);
  await showMore.click();
  await expect.poll(() => rows.count()).toBeGreaterThan(53);
});
