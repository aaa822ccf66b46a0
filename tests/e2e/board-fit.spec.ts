import type { Browser, Page } from '@playwright/test';
import { expectNoScroll, expectReadable, floorFor, readEveryPage, shown } from './support/boardFit';
import { createLiveSession, expect, expectAccessible, signIn, test } from './support/fixtures';
import { addCards, cardText, mixedLengths, RoomSocket, type SeedCard } from './support/roomSockets';
import type { AppServer } from './support/server';

// The board pages by itself every 8 seconds; `?pageSeconds=1` (read by the board, see AGENTS.md) speeds it up
// so a test can watch every page go by.
const FAST = '?pageSeconds=1';
const VIEWPORTS = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];
const STAGE_IDS = [
  'preparation',
  'current-situation',
  'clarifying-questions',
  'desired-situation',
  'strategies-and-resources',
  'feedback',
  'action-plan',
];

/** The EP's board on a projector of this size, and the EP's own socket to drive the meeting quickly. */
async function openBoard(
  browser: Browser,
  app: AppServer,
  viewport: { width: number; height: number },
  options: { preparation?: Record<string, unknown>; reducedMotion?: 'reduce' } = {},
) {
  const context = await browser.newContext({ viewport, reducedMotion: options.reducedMotion });
  const board = await context.newPage();
  await signIn(board, app);
  const live = await createLiveSession(board, ['J5M', 'Year 3 transition'], { preparation: options.preparation });
  const cookie = (await context.cookies()).map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
  const ep = await RoomSocket.open(app, { sessionId: live.id, role: 'facilitator' }, cookie);
  const response = await board.goto(`${app.url}/board/${live.id}${FAST}`);
  // The fitting works under the app's real Content-Security-Policy (no inline styles): sizes go through the CSSOM.
  expect(response?.headers()['content-security-policy']).toContain("style-src 'self'");
  await expect(board.getByRole('heading', { name: 'Preparation', level: 1 })).toBeVisible();
  const caseId = live.caseIds[0] as string;
  const goTo = async (stageId: string, name: string) => {
    const steps = STAGE_IDS.indexOf(stageId) - (await currentStageIndex(board));
    for (let step = 0; step < steps; step++) await ep.send({ type: 'stage.next' });
    await expect(board.getByRole('heading', { name, level: 1 })).toBeVisible();
  };
  return { context, board, live, ep, caseId, goTo };
}

async function currentStageIndex(board: Page): Promise<number> {
  const names = await board.getByRole('list', { name: 'Stages' }).getByRole('listitem').allTextContents();
  const current = await board.getByRole('list', { name: 'Stages' }).locator('[aria-current="step"]').textContent();
  return names.indexOf(current ?? '');
}

const cardsRegion = (board: Page) => board.getByRole('region', { name: 'Cards', exact: true });
const pagerStatus = (board: Page) => cardsRegion(board).getByText(/^Cards \d+(–\d+)? of \d+$/);

function seedCards(from: number, count: number): SeedCard[] {
  const lengths = mixedLengths(from + count).slice(from);
  return lengths.map((length, index) => ({
    kind: (from + index) % 3 === 0 ? 'resource' : 'strategy',
    text: cardText(from + index + 1, length),
  }));
}

const shot = (board: Page, name: string) => {
  const { width, height } = board.viewportSize() ?? { width: 0, height: 0 };
  // With the page's fade finished, as the room sees it between page turns.
  return board.screenshot({ path: `/tmp/board-${width}x${height}-${name}.png`, animations: 'disabled' });
};

for (const viewport of VIEWPORTS) {
  test(`at ${viewport.width}×${viewport.height} the board shows 5, 20 and 40 cards, a spotlight and the plan without scrolling`, async ({
    app,
    browser,
  }) => {
    test.setTimeout(240_000);
    const { board, live, ep, caseId, goTo } = await openBoard(browser, app, viewport);
    await goTo('strategies-and-resources', 'Strategies and resources');
    const room = { code: live.code, caseId, stageId: 'strategies-and-resources' };

    let added = 0;
    for (const total of [5, 20, 40]) {
      await addCards(app, room, seedCards(added, total - added));
      added = total;
      const newest = `Card ${total}:`;
      await expect(cardsRegion(board)).toContainText(newest);
      await board.evaluate(() => document.fonts.ready);
      const expected = Array.from({ length: total }, (_, index) => `Card ${index + 1}:`);
      if (total === 5) {
        // Five cards fit on one page, in type larger than the floor.
        await expect(pagerStatus(board)).toHaveCount(0);
        const boxes = await shown(cardsRegion(board).getByRole('listitem'));
        expect(boxes).toHaveLength(5);
        expectReadable(board, boxes, 'card');
        expect(Math.min(...boxes.map((box) => box.minFontPx))).toBeGreaterThan(floorFor(board));
      } else {
        // Newest first: the first page holds the card just added.
        await expect(pagerStatus(board)).toHaveText(new RegExp(`^Cards 1–\\d+ of ${total}$`), { timeout: 15_000 });
        await expect(cardsRegion(board).getByRole('listitem').first()).toContainText(newest);
      }
      await expectNoScroll(board);
      await shot(board, `${total}-cards`);
      await readEveryPage(board, cardsRegion(board).getByRole('listitem'), expected, 'card');
    }

    if (viewport.width === 1280) {
      // axe on the board with 40 cards, paging at its own pace.
      await board.goto(`${app.url}/board/${live.id}`);
      await expect(cardsRegion(board)).toContainText('Card 40:');
      await expectAccessible(board);
    }

    // A card at the 1,000-character limit, spotlighted, fits the stage area.
    const long = cardText(41, 1000);
    await addCards(app, room, [{ kind: 'strategy', text: long }]);
    const longCard = ep.events.find((event) => event.type === 'card.added' && (event.card as any).text === long);
    const cardId = (longCard?.card as { id: string } | undefined)?.id;
    expect(cardId).toBeTruthy();
    await ep.send({ type: 'card.spotlight', cardId });
    const spotlight = board.getByRole('region', { name: 'Spotlight' });
    await expect(spotlight).toContainText(long.slice(-40));
    await board.evaluate(() => document.fonts.ready);
    await expectNoScroll(board);
    expectReadable(board, await shown(spotlight), 'spotlight');
    expectReadable(board, await shown(spotlight.locator('p')), 'spotlight text');
    await shot(board, 'spotlight');
    await ep.send({ type: 'card.spotlight', cardId: null });
    await expect(spotlight).toHaveCount(0);

    // The plan with 12 rows fits or pages, every row readable.
    await goTo('action-plan', 'Action plan');
    const rows = Array.from({ length: 12 }, (_, index) => ({
      id: `row-${index + 1}`,
      action: `Action ${index + 1}: ${cardText(index, 60 + ((index * 37) % 140)).replace(/^Card \d+: /, '')}`,
      who: index % 2 === 0 ? 'SENCO A' : 'Class teacher and teaching assistant',
      byWhen: '2026-12-04',
      successLooksLike: cardText(index + 3, 40 + ((index * 53) % 160)).replace(/^Card \d+: /, ''),
      reviewDate: '2027-02-01',
      areaOfNeed: null,
      fromCardId: null,
    }));
    await ep.send({ type: 'plan.update', caseId, version: ep.planVersion(caseId), rows });
    const table = board.getByRole('table');
    await expect(table).toBeVisible();
    await board.evaluate(() => document.fonts.ready);
    await shot(board, 'plan');
    await readEveryPage(
      board,
      table.locator('tbody').getByRole('row'),
      rows.map((row) => `${row.action.split(':')[0]}:`),
      'plan row',
    );
  });
}

test('the join panel is large while people arrive and a corner once the meeting is under way', async ({
  app,
  browser,
}) => {
  const long = (topic: string) =>
    `${topic}. `.repeat(6) +
    'Staff have tried a visual timetable, a calm corner and a key adult at the start of the day. '.repeat(12);
  const preparation = {
    currentSituation: long('Finds the move between lessons hard'),
    triedSoFar: long('Visual timetable since September'),
    desiredSituation: long('Settles within five minutes of arriving'),
    aim: long('Agree two strategies for transitions'),
    areasOfNeed: ['communication-and-interaction', 'social-emotional-and-mental-health'],
  };
  const { board, live, goTo } = await openBoard(browser, app, { width: 1280, height: 720 }, { preparation });
  const join = board.getByRole('complementary', { name: 'Join on your phone' });
  await expect(join.getByRole('img', { name: /QR code/ })).toBeVisible();
  await board.evaluate(() => document.fonts.ready);
  await expectNoScroll(board);
  // Readable from the back: the stage list, the case reference and the join address.
  const sizes = await board.evaluate(() => {
    const size = (element: Element | null) => (element ? Number.parseFloat(getComputedStyle(element).fontSize) : 0);
    return {
      stages: Math.min(...[...document.querySelectorAll('[aria-label="Stages"] li')].map(size)),
      caseReference: size(document.querySelector('.board-case strong')),
      address: size(document.querySelector('.join-url')),
    };
  });
  expect(sizes.stages).toBeGreaterThanOrEqual(24);
  expect(sizes.caseReference).toBeGreaterThanOrEqual(24);
  expect(sizes.address).toBeGreaterThanOrEqual(24);
  const qrLarge = await join.getByRole('img', { name: /QR code/ }).boundingBox();
  expect(qrLarge?.width ?? 0).toBeGreaterThanOrEqual(200);

  // The preparation form: every section readable, paged when it is long.
  const sections = board.locator('.board-preparation .preparation-section');
  await expect(sections).toHaveCount(5);
  await shot(board, 'preparation');
  await readEveryPage(
    board,
    board.getByRole('heading', { level: 2 }).filter({ hasNotText: 'Join on your phone' }),
    ['Current situation', 'What has been tried', 'Desired situation', 'Aim of the consultation', 'Areas of need'],
    'preparation heading',
    { flow: true },
  );

  await goTo('current-situation', 'Current situation');
  await expect(join.getByText(live.code)).toBeVisible();
  const qrSmall = await join.getByRole('img', { name: /QR code/ }).boundingBox();
  expect(qrSmall?.width ?? 0).toBeLessThan((qrLarge?.width ?? 0) / 2);
  expect(qrSmall?.width ?? 0).toBeGreaterThanOrEqual(60);
  const corner = await join.boundingBox();
  expect((corner?.y ?? 720) + (corner?.height ?? 0)).toBeLessThan(720 / 3);
  await expectNoScroll(board);
  await shot(board, 'under-way');
});

test('the notes fit their area, and other people’s caret labels never cover them on the board', async ({
  app,
  browser,
}) => {
  const { context, board, live, goTo } = await openBoard(browser, app, { width: 1280, height: 720 });
  await goTo('current-situation', 'Current situation');
  const console_ = await context.newPage();
  await console_.goto(`${app.url}/facilitate/${live.id}`);
  const editor = console_.getByRole('textbox', { name: 'Notes: Current situation' });
  await expect(editor).toHaveAttribute('contenteditable', 'true');
  await editor.click();
  const line = 'Lunchtimes are the hardest part of the day; a quiet table with one friend has helped.';
  for (let paragraph = 1; paragraph <= 24; paragraph++) {
    await console_.keyboard.insertText(`${paragraph}. ${line}`);
    await console_.keyboard.press('Enter');
  }
  await console_.keyboard.insertText('Last line typed');
  const notes = board.getByRole('textbox', { name: 'Notes: Current situation' });
  await expect(notes).toContainText('Last line typed');
  await board.evaluate(() => document.fonts.ready);
  await expectNoScroll(board);
  // The newest line is on screen, in type no smaller than the floor.
  expectReadable(board, await shown(notes.getByText('Last line typed')), 'newest notes line');
  // The console's caret is on the board, with no name label over the words.
  const caret = board.locator('.notes-caret');
  await expect(caret).toHaveCount(1);
  expect(await caret.evaluate((element) => getComputedStyle(element, '::after').display)).toBe('none');
  await shot(board, 'notes');
});

test('the pager still pages, without animation, when the projector asks for reduced motion', async ({
  app,
  browser,
}) => {
  const { board, live, caseId, goTo } = await openBoard(
    browser,
    app,
    { width: 1280, height: 720 },
    { reducedMotion: 'reduce' },
  );
  await goTo('strategies-and-resources', 'Strategies and resources');
  await addCards(app, { code: live.code, caseId, stageId: 'strategies-and-resources' }, seedCards(0, 31));
  await expect(pagerStatus(board)).toHaveText(/^Cards 1–\d+ of 31$/);
  await expect(pagerStatus(board)).not.toHaveText(/^Cards 1–/, { timeout: 5_000 });
  const animations = await cardsRegion(board)
    .getByRole('list')
    .evaluate((list) =>
      [list, ...list.querySelectorAll('*')].map((element) => getComputedStyle(element).animationName),
    );
  expect(animations.filter((name) => name !== 'none')).toEqual([]);

  // The board follows the window: moved to a 1080p projector, it refits to the larger screen's sizes.
  await board.setViewportSize({ width: 1920, height: 1080 });
  await expect
    .poll(async () => Math.min(...(await shown(cardsRegion(board).getByRole('listitem'))).map((box) => box.minFontPx)))
    .toBeGreaterThanOrEqual(30);
  await readEveryPage(
    board,
    cardsRegion(board).getByRole('listitem'),
    Array.from({ length: 31 }, (_, index) => `Card ${index + 1}:`),
    'card',
  );
});
