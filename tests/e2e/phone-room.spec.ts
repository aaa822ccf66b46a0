import type { Page } from '@playwright/test';
import { expect, expectAccessible, joinFromPhone, newPhone, openRoom, test } from './support/fixtures';
import { addCards, cardText, mixedLengths, RoomSocket } from './support/roomSockets';

// Item 2 of issue 9: phones see the room. Three phones at 360×740 see each other's cards live, newest first, in
// one list; each edits and withdraws its own and cannot touch another's; the stage changes while one is typing
// and the words stay in the same box, still focused, with a notice at the top.

const list = (phone: Page) => phone.getByRole('region', { name: /^Cards/ }).getByRole('listitem');
const cardItem = (page: Page, text: string) => page.getByRole('listitem').filter({ hasText: text });

test('three phones see the room, edit and withdraw their own cards, and keep words typed as the room moves on', async ({
  app,
  browser,
}) => {
  const { console_, board, live } = await openRoom(browser, app, ['J5M']);
  const phones: Page[] = [];
  for (const name of ['SENCO A', 'SENCO B', 'SENCO C']) {
    const phone = await (await newPhone(browser)).newPage();
    await joinFromPhone(phone, app, live.code, name);
    phones.push(phone);
  }
  const [a, b, c] = phones as [Page, Page, Page];
  for (let i = 0; i < 2; i++) await console_.getByRole('button', { name: 'Next stage' }).click();
  for (const phone of phones) {
    await expect(phone.getByRole('heading', { name: 'Clarifying questions', level: 1 })).toBeVisible();
    // Where the meeting is, and the timer.
    await expect(phone.getByText('Stage 3 of 7')).toBeVisible();
    await expect(phone.getByRole('timer')).toHaveText('10:00');
  }

  const words = {
    a: 'What does a good morning look like?',
    b: 'Who does the pupil trust most at school?',
    c: 'Strong relationship with the class teacher',
  };
  await a.getByRole('textbox', { name: 'Question' }).fill(words.a);
  await a.getByRole('button', { name: 'Add' }).click();
  await b.getByRole('textbox', { name: 'Question' }).fill(words.b);
  await b.getByRole('button', { name: 'Add' }).click();
  await c.getByRole('textbox', { name: 'Affirmation' }).fill(words.c);
  await c.getByRole('button', { name: 'Add' }).click();

  // Every phone lists all three in one list, newest first, its own marked Yours with Edit and Withdraw.
  for (const [phone, own] of [
    [a, words.a],
    [b, words.b],
    [c, words.c],
  ] as const) {
    await expect(list(phone)).toHaveCount(3);
    await expect(list(phone).nth(0)).toContainText(words.c);
    await expect(list(phone).nth(1)).toContainText(words.b);
    await expect(list(phone).nth(2)).toContainText(words.a);
    await expect(cardItem(phone, own).getByText('Yours')).toBeVisible();
    await expect(cardItem(phone, own).getByRole('button', { name: 'Edit' })).toBeVisible();
    for (const other of Object.values(words).filter((text) => text !== own)) {
      await expect(cardItem(phone, other).getByText('Yours')).toHaveCount(0);
      await expect(cardItem(phone, other).getByRole('button')).toHaveCount(0);
    }
  }
  await expect(a.getByRole('heading', { name: 'Your cards' })).toHaveCount(0);
  await expectAccessible(a);

  // SENCO A edits: every screen follows, and the EP's console marks it Edited.
  const edited = 'What does a good morning look like at home?';
  await cardItem(a, words.a).getByRole('button', { name: 'Edit' }).click();
  const editBox = a.getByRole('textbox', { name: 'Edit your question' });
  await expect(editBox).toBeFocused();
  await editBox.fill(edited);
  await a.getByRole('button', { name: 'Save changes' }).click();
  for (const page of [a, b, c, board]) await expect(page.getByText(edited)).toBeVisible();
  await expect(cardItem(console_, edited).getByText('Edited')).toBeVisible();
  await expect(cardItem(b, edited).getByText('Edited')).toBeVisible();

  // SENCO B withdraws: the card leaves every screen.
  await cardItem(b, words.b).getByRole('button', { name: 'Withdraw' }).click();
  for (const page of [a, b, c, board, console_]) await expect(page.getByText(words.b)).toHaveCount(0);
  await expect(list(c)).toHaveCount(2);

  // SENCO C is typing when the EP moves on: the words stay in the same box, still focused, with the notice on top.
  const typing = c.getByRole('textbox', { name: 'Question' });
  await typing.click();
  await c.keyboard.type('Is lunchtime harder than');
  await typing.evaluate((element) => {
    (element as HTMLTextAreaElement & { keptMark?: boolean }).keptMark = true;
  });
  await console_.getByRole('button', { name: 'Next stage' }).click();
  await expect(c.getByRole('heading', { name: 'Desired situation', level: 1 })).toBeVisible();
  const notice = c.getByRole('status').filter({ hasText: 'The room moved on to Desired situation.' });
  await expect(notice).toContainText('Your question is kept:');
  await expect(notice.getByRole('button', { name: 'Send it' })).toBeVisible();
  await expect(notice.getByRole('button', { name: 'Discard' })).toBeVisible();
  const kept = c.getByRole('textbox', { name: 'Question, written for Clarifying questions' });
  await expect(kept).toHaveValue('Is lunchtime harder than');
  await expect(kept).toBeFocused();
  // The very element they were typing in: never unmounted, so a phone's keyboard stays up.
  expect(await c.evaluate(() => (document.activeElement as { keptMark?: boolean } | null)?.keptMark)).toBe(true);
  await c.keyboard.type(' mornings?');
  await expect(kept).toHaveValue('Is lunchtime harder than mornings?');
  // The new stage's own box is there too, empty.
  await expect(c.getByRole('textbox', { name: 'Question', exact: true })).toHaveValue('');
  await expect(c.getByText('Stage 4 of 7')).toBeVisible();
  await c.screenshot({ path: test.info().outputPath('phone-moved-on-360x740.png') });
  await expectAccessible(c);

  // Send it: the kept words become a card of the stage they were written for.
  await notice.getByRole('button', { name: 'Send it' }).click();
  await expect(c.getByRole('status').filter({ hasText: 'The room moved on' })).toHaveCount(0);
  await expect(kept).toHaveCount(0);
  await console_.getByRole('button', { name: 'Previous stage' }).click();
  await expect(board.getByText('Is lunchtime harder than mornings?')).toBeVisible();
  await expect(cardItem(c, 'Is lunchtime harder than mornings?').getByText('Yours')).toBeVisible();
});

test('a phone in a stage with 30 cards and a spotlight', async ({ app, browser }) => {
  const { epContext, live } = await openRoom(browser, app, ['J5M']);
  const cookie = (await epContext.cookies()).map((each) => `${each.name}=${each.value}`).join('; ');
  const ep = await RoomSocket.open(app, { sessionId: live.id, role: 'facilitator' }, cookie);
  for (let i = 0; i < 4; i++) await ep.send({ type: 'stage.next' });
  const room = { code: live.code, caseId: live.caseIds[0] as string, stageId: 'strategies-and-resources' };
  const lengths = mixedLengths(29);
  await addCards(
    app,
    room,
    lengths.map((length, index) => ({
      kind: index % 3 === 0 ? 'resource' : 'strategy',
      text: cardText(index + 1, length),
    })),
  );
  const phone = await (await newPhone(browser)).newPage();
  await joinFromPhone(phone, app, live.code, 'SENCO P');
  await expect(phone.getByRole('heading', { name: 'Strategies and resources', level: 1 })).toBeVisible();
  await phone.getByRole('textbox', { name: 'Strategy' }).fill('Calm corner with a sand timer after lunch');
  await phone.getByRole('button', { name: 'Add' }).click();
  await expect(list(phone)).toHaveCount(30);
  const spotlit = ep.events.find(
    (event) => event.type === 'card.added' && (event.card as { text: string }).text.startsWith('Card 12:'),
  );
  expect(spotlit).toBeDefined();
  await ep.send({ type: 'card.spotlight', cardId: (spotlit?.card as { id: string } | undefined)?.id });
  const spotlight = phone.getByRole('region', { name: 'Spotlight' });
  await expect(spotlight).toContainText('Card 12:');
  // Newest first: this phone's own card, just added, heads the list.
  await expect(list(phone).nth(0)).toContainText('Calm corner with a sand timer after lunch');
  await expect(list(phone).nth(0).getByText('Yours')).toBeVisible();
  await expect(list(phone).nth(1)).toContainText('Card 29:');
  // The spotlight sits above the form and the list.
  const spotlightTop = (await spotlight.boundingBox())?.y ?? Number.POSITIVE_INFINITY;
  const listTop = (await list(phone).nth(0).boundingBox())?.y ?? 0;
  expect(spotlightTop).toBeLessThan(listTop);
  // Nothing wider than the phone.
  expect(await phone.evaluate(() => document.scrollingElement?.scrollWidth ?? 0)).toBeLessThanOrEqual(360);
  await phone.screenshot({ path: test.info().outputPath('phone-30-cards-spotlight-360x740.png') });
  await phone.screenshot({ path: test.info().outputPath('phone-30-cards-full.png'), fullPage: true });
  await expectAccessible(phone);
  ep.close();
});

// Items 5 and 6 of issue 9: a join code typed wrongly says why; long text is counted and never cut.
test('a phone is told what is wrong with a join code, and a long card is kept whole with a count', async ({
  app,
  browser,
}) => {
  const { console_, board, live } = await openRoom(browser, app, ['J5M']);
  const phone = await (await newPhone(browser)).newPage();
  await phone.goto(`${app.url}/join`);
  const codeBox = phone.getByRole('textbox', { name: 'Join code' });
  await codeBox.fill('GF7JT5');
  await phone.getByRole('textbox', { name: 'Your name' }).fill('SENCO B');
  await phone.getByRole('button', { name: 'Join' }).click();
  await expect(
    phone.getByText('Join codes never use 0, 1, 2, 5, 8, B, I, L, O, S or Z. You typed 5.').first(),
  ).toBeVisible();
  // A well-formed code that is not live (the live code with its letters turned round).
  const notLive = [...live.code].reverse().join('') === live.code ? 'QQQQQQ' : [...live.code].reverse().join('');
  await codeBox.fill(notLive);
  await phone.getByRole('button', { name: 'Join' }).click();
  await expect(
    phone.getByText('That join code is not for a live session. Check it on the board.').first(),
  ).toBeVisible();
  await expectAccessible(phone);

  await codeBox.fill(live.code.toLowerCase());
  await phone.getByRole('button', { name: 'Join' }).click();
  for (let i = 0; i < 2; i++) await console_.getByRole('button', { name: 'Next stage' }).click();
  const box = phone.getByRole('textbox', { name: 'Question', exact: true });
  // 940 characters: the count shows; pasted to 1,020: kept whole, said to be over, and not added.
  await box.fill('x'.repeat(940));
  await expect(phone.getByText('940 of 1,000')).toBeVisible();
  await box.fill(`${'y'.repeat(1019)}z`);
  await expect(box).toHaveValue(`${'y'.repeat(1019)}z`);
  await expect(phone.getByText('1,020 of 1,000')).toBeVisible();
  await expect(
    phone.getByText('This is 20 characters over the limit of 1,000. Shorten it to carry on: nothing has been cut.'),
  ).toBeVisible();
  await phone.getByRole('button', { name: 'Add' }).click();
  await expect(box).toHaveValue(`${'y'.repeat(1019)}z`);
  await expect(board.getByText('yyyy', { exact: false })).toHaveCount(0);
  await expectAccessible(phone);
});
