import { io, type Socket } from 'socket.io-client';
import { expect, expectAccessible, joinFromPhone, newPhone, openRoom, test } from './support/fixtures';

/** The meeting socket's path and protocol version (`SOCKET_PATH`, `PROTOCOL_VERSION` in packages/domain). */
const SOCKET_PATH = '/socket.io';
const PROTOCOL_VERSION = 1;

test('the EP removes a phone, locks the room and lets people in again', async ({ app, browser }) => {
  const { console_, live } = await openRoom(browser, app, ['J5M']);
  const phoneA = await (await newPhone(browser)).newPage();
  const phoneB = await (await newPhone(browser)).newPage();
  await joinFromPhone(phoneA, app, live.code, 'SENCO A');
  await joinFromPhone(phoneB, app, live.code, 'SENCO B');
  for (const phone of [phoneA, phoneB])
    await expect(phone.getByRole('heading', { name: 'Preparation', exact: true })).toBeVisible();

  const connected = console_.getByRole('region', { name: 'Connected' });
  await expect(connected.getByRole('button', { name: 'Remove SENCO A' })).toBeVisible();
  await expect(connected.getByRole('button', { name: 'Remove SENCO B' })).toBeVisible();
  await expectAccessible(console_);

  // Remove: the phone is told why and shows nothing of the board; the others carry on.
  await connected.getByRole('button', { name: 'Remove SENCO A' }).click();
  await expect(phoneA.getByRole('heading', { name: 'The EP removed you from this meeting.' })).toBeVisible();
  await expect(phoneA.getByRole('heading', { name: 'Preparation', exact: true })).toHaveCount(0);
  await expect(connected.getByRole('button', { name: 'Remove SENCO A' })).toHaveCount(0);
  await console_.getByRole('button', { name: 'Next stage' }).click();
  await expect(phoneB.getByRole('heading', { name: 'Current situation' })).toBeVisible();
  await expect(phoneA.getByRole('heading', { name: 'Current situation' })).toHaveCount(0);
  // A reload does not bring the board back: the phone kept nothing, and its old token opens nothing.
  await phoneA.reload();
  await expect(phoneA.getByRole('heading', { name: 'Join a session' })).toBeVisible();

  // Lock the room: a new phone is refused with a clear message until the EP unlocks it.
  const lock = connected.getByRole('switch', { name: 'Lock the room' });
  await expect(lock).toHaveAttribute('aria-checked', 'false');
  await lock.click();
  await expect(lock).toHaveAttribute('aria-checked', 'true');
  const phoneC = await (await newPhone(browser)).newPage();
  await joinFromPhone(phoneC, app, live.code, 'SENCO C');
  await expect(phoneC.getByRole('alert')).toHaveText('This room is locked. Ask the EP to let you in.');
  await expect(phoneB.getByRole('heading', { name: 'Current situation' })).toBeVisible();
  await expectAccessible(console_);

  await lock.click();
  await expect(lock).toHaveAttribute('aria-checked', 'false');
  await phoneC.getByRole('button', { name: 'Join' }).click();
  await expect(phoneC.getByRole('heading', { name: 'Current situation' })).toBeVisible();
  await expect(connected.getByRole('button', { name: 'Remove SENCO C' })).toBeVisible();
});

test('the console stays usable at 1366×768 with 12 phones connected and 20 cards', async ({ app, browser }) => {
  const { console_, live, epContext } = await openRoom(browser, app, ['J5M']);
  await console_.setViewportSize({ width: 1366, height: 768 });
  const sockets: Socket[] = [];
  try {
    // Twelve phones as plain socket.io clients, as a room of phones would be seen by the server.
    for (let i = 1; i <= 12; i++) {
      const joined = await epContext.request.post(`${app.url}/api/join`, {
        data: { code: live.code, name: `SENCO ${String.fromCharCode(64 + i)}` },
      });
      expect(joined.ok()).toBe(true);
      const { token } = (await joined.json()) as { token: string };
      sockets.push(
        io(app.url, {
          path: SOCKET_PATH,
          transports: ['websocket'],
          reconnection: false,
          auth: { protocol: PROTOCOL_VERSION, lastSeq: 0, token },
        }),
      );
    }
    const connected = console_.getByRole('region', { name: 'Connected' });
    await expect(connected.getByRole('button', { name: /^Remove / })).toHaveCount(12);
    await console_.getByRole('button', { name: 'Next stage' }).click();
    await console_.getByRole('button', { name: 'Next stage' }).click();
    await expect(console_.getByRole('heading', { name: 'Clarifying questions' })).toBeVisible();
    for (let i = 0; i < 20; i++) {
      const socket = sockets[i % sockets.length] as Socket;
      const command = {
        id: `e2e-card-${i}-${Date.now().toString(36)}`,
        type: 'card.add',
        caseId: live.caseIds[0] as string,
        stageId: 'clarifying-questions',
        kind: i % 3 === 0 ? 'affirmation' : 'question',
        text: `Question ${i + 1}: what helps at the start of the day, and who notices first?`,
      };
      const ack = await socket.timeout(5000).emitWithAck('command', command);
      expect(ack).toMatchObject({ ok: true });
    }
    await expect(console_.getByRole('button', { name: /^Hide: Question / })).toHaveCount(20);

    // Nothing scrolls sideways, every Remove button fits the side column, and the switch is in reach.
    const overflow = await console_.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const panel = await connected.boundingBox();
    for (const button of await connected.getByRole('button', { name: /^Remove / }).all()) {
      const box = await button.boundingBox();
      expect(box && panel && box.x + box.width <= panel.x + panel.width).toBe(true);
    }
    await expectAccessible(console_);
    await console_.screenshot({ path: test.info().outputPath('console-1366x768.png') });
    await connected.scrollIntoViewIfNeeded();
    await console_.screenshot({ path: test.info().outputPath('console-1366x768-connected.png') });
    await console_.screenshot({ path: test.info().outputPath('console-1366x768-full.png'), fullPage: true });
  } finally {
    for (const socket of sockets) socket.close();
  }
});
