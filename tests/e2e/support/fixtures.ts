import AxeBuilder from '@axe-core/playwright';
import {
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  test as base,
  devices,
  expect,
  type Page,
  request,
} from '@playwright/test';
import { type AppServer, startApp } from './server';

export const EP = { name: 'EP Lead', email: 'ep.lead@eps.example', password: 'a long passphrase' };

/** Each worker runs its own app over its own fresh database. */
export const test = base.extend<{ app: AppServer }, { workerApp: AppServer }>({
  workerApp: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies as the first argument
    async ({}, use) => {
      const app = await startApp();
      await use(app);
      await app.stop();
    },
    { scope: 'worker' },
  ],
  app: async ({ workerApp }, use) => use(workerApp),
});
export { expect };

/** A phone-sized browser context (small mobile viewport, touch). */
export function newPhone(browser: Browser): Promise<BrowserContext> {
  const { defaultBrowserType: _ignored, ...phone } = devices['Pixel 5'];
  return browser.newContext({ ...phone, viewport: { width: 360, height: 740 }, locale: 'en-GB' });
}

/** Sets up the first account through the set-up page, or signs in if it exists already. */
export async function signIn(page: Page, app: AppServer): Promise<void> {
  await page.goto(app.url);
  const setUp = page.getByRole('heading', { name: 'Set up Consultboard' });
  const signInHeading = page.getByRole('heading', { name: 'Sign in' });
  await expect(setUp.or(signInHeading)).toBeVisible();
  if (await setUp.isVisible()) {
    await page.getByLabel('Your name').fill(EP.name);
    await page.getByLabel('Email').fill(EP.email);
    await page.getByLabel('Password').fill(EP.password);
    await page.getByRole('button', { name: 'Create account' }).click();
  } else {
    await page.getByLabel('Email').fill(EP.email);
    await page.getByLabel('Password').fill(EP.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }
  await expect(
    page.getByRole('button', { name: 'New session' }).or(page.getByRole('link', { name: 'New session' })),
  ).toBeVisible();
}

/** A child's anonymised reference (J5M) rather than a group, class, school or locality topic. */
const CHILD_REFERENCE = /^[A-Z](N|R|1[0-3]|[1-9]|P)[MFX]$/;

let seeded = 0;

/** A short suffix that keeps names unique within one worker's database. */
export function uniqueSuffix(): string {
  seeded += 1;
  return `${process.pid}-${seeded}-${Math.random().toString(36).slice(2, 6)}`;
}

/** A JSON call through a request context, failing the test with the server's answer when it is not ok. */
export async function api<T>(
  request: APIRequestContext,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  data?: unknown,
): Promise<T> {
  const response = await request.fetch(path, {
    method,
    data: method === 'GET' ? undefined : (data ?? {}),
    headers: method === 'GET' ? undefined : { 'Content-Type': 'application/json' },
  });
  const text = await response.text();
  expect(response.ok(), `${method} ${path}: ${response.status()} ${text}`).toBe(true);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** What createLiveSession seeded: the session, its cases, and the presenting SENCO's school and sign-in. */
export interface LiveSession {
  id: string;
  code: string;
  caseIds: string[];
  schoolName: string;
  senco: { name: string; email: string; password: string };
}

/**
 * Seeds a live session through the API, as the people would: the admin (signed in on this page) adds a locality
 * and a school and invites a SENCO; the SENCO accepts in a fresh context, creates each case (a child's when the
 * reference looks like J5M, with consent recorded), fills in the preparation form when one is given, and submits it;
 * the admin builds the agenda and starts it.
 */
export async function createLiveSession(
  page: Page,
  cases: string[],
  options: {
    preparation?: Record<string, unknown>;
    /** Runs once the agenda is built, before the session starts (issue 9: edit the locality's stage template). */
    beforeStart?: (seeded: { localityId: string; sessionId: string }) => Promise<void>;
  } = {},
): Promise<LiveSession> {
  const origin = new URL(page.url()).origin;
  const admin = page.request;
  const suffix = uniqueSuffix();
  const { locality } = await api<{ locality: { id: string } }>(admin, 'POST', `${origin}/api/localities`, {
    name: `North East locality ${suffix}`,
  });
  const schoolName = `Northfield Primary ${suffix}`;
  const senco = { name: 'SENCO A', email: `senco.${suffix}@school.example`, password: 'a long passphrase' };
  const { school } = await api<{ school: { id: string } }>(admin, 'POST', `${origin}/api/schools`, {
    name: schoolName,
    localityId: locality.id,
  });
  const { session } = await api<{ session: { id: string } }>(admin, 'POST', `${origin}/api/sessions`, {
    localityId: locality.id,
    date: '2026-11-23',
  });
  const invitation = await api<{ inviteUrl: string }>(admin, 'POST', `${origin}/api/people/invite`, {
    role: 'senco',
    name: senco.name,
    email: senco.email,
    schoolId: school.id,
  });
  const token = new URL(invitation.inviteUrl).pathname.split('/').at(-1) as string;

  const sencoRequest = await request.newContext({ baseURL: origin });
  const caseIds: string[] = [];
  try {
    await api(sencoRequest, 'POST', `/api/invitations/${token}/accept`, { password: senco.password });
    for (const reference of cases) {
      const child = CHILD_REFERENCE.test(reference);
      const { case: created } = await api<{ case: { id: string } }>(sencoRequest, 'POST', '/api/cases', {
        type: child ? 'child' : 'group',
        reference,
      });
      if (child)
        await api(sencoRequest, 'PUT', `/api/cases/${created.id}/consent`, { given: true, date: '2026-11-02' });
      if (options.preparation)
        await api(sencoRequest, 'PUT', `/api/cases/${created.id}/preparation`, options.preparation);
      await api(sencoRequest, 'POST', `/api/cases/${created.id}/submit`, { sessionId: session.id });
      caseIds.push(created.id);
    }
    await api(admin, 'PUT', `${origin}/api/sessions/${session.id}/agenda`, { caseIds });
  } finally {
    await sencoRequest.dispose();
  }
  await options.beforeStart?.({ localityId: locality.id, sessionId: session.id });
  const started = await api<{ session: { id: string; joinCode: string | null } }>(
    admin,
    'POST',
    `${origin}/api/sessions/${session.id}/start`,
  );
  const code = started.session.joinCode ?? '';
  expect(code).toMatch(/^[A-Z0-9]{6}$/);
  // The EP's page shows the live session, as before: the join code and the ways into the meeting.
  await page.goto(`${origin}/sessions/${session.id}`);
  await expect(page.getByTestId('join-code')).toHaveText(code);
  return { id: session.id, code, caseIds, schoolName, senco };
}

/** Signs in with an account's email and password on the sign-in page. */
export async function signInWith(page: Page, app: AppServer, account: { email: string; password: string }) {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
}

/** Joins from a phone by the join page's words. */
export async function joinFromPhone(page: Page, app: AppServer, code: string, name: string): Promise<void> {
  await page.goto(`${app.url}/join`);
  await page.getByRole('textbox', { name: 'Join code' }).fill(code);
  await page.getByRole('textbox', { name: 'Your name' }).fill(name);
  await page.getByRole('button', { name: 'Join' }).click();
}

/** Fails on any serious or critical accessibility violation on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

/** Waits until the offline service worker controls the page, so a reload can be served without the network. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

/**
 * The room at the start of a journey: the EP signed in, a live session with these cases, the facilitator view
 * open, and the board open beside it in the same signed-in browser.
 */
export async function openRoom(
  browser: Browser,
  app: AppServer,
  cases: string[],
  options: Parameters<typeof createLiveSession>[2] = {},
) {
  const epContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const console_ = await epContext.newPage();
  await signIn(console_, app);
  const live = await createLiveSession(console_, cases, options);
  await console_.goto(`${app.url}/facilitate/${live.id}`);
  const board = await epContext.newPage();
  await board.goto(`${app.url}/board/${live.id}`);
  return { epContext, console_, board, live };
}
