import { expect, joinFromPhone, newPhone, openRoom, test } from './support/fixtures';

/**
 * Issue 11 goal 7: the phone's meeting socket tries a WebSocket first (fewer round trips). A network that refuses
 * WebSockets (some school Wi-Fi proxies) must still let a phone take part, over long-polling.
 */
test('a phone whose network refuses WebSockets still joins, adds a card and sees the room move on', async ({
  app,
  browser,
}) => {
  const { console_, board, live } = await openRoom(browser, app, ['K6F']);
  const context = await newPhone(browser);
  // The meeting's WebSockets from this phone fail as behind a proxy that refuses them: each is sent to a port that
  // refuses connections, so the browser reports an error and a close, and the server never sees it.
  await context.addInitScript(() => {
    const Browsers = window.WebSocket;
    window.WebSocket = class extends Browsers {
      constructor(url: string | URL, protocols?: string | string[]) {
        const meeting = String(url).includes('/socket.io/');
        super(meeting ? 'ws://127.0.0.1:9/' : url, protocols);
        if (meeting) sessionStorage.setItem('refused', String(Number(sessionStorage.getItem('refused')) + 1));
      }
    };
  });
  const phone = await context.newPage();
  const polling: string[] = [];
  context.on('request', (request) => {
    if (/\/socket\.io\/.*transport=polling/.test(request.url())) polling.push(request.url());
  });
  await joinFromPhone(phone, app, live.code, 'SENCO A');

  for (let i = 0; i < 4; i++) await console_.getByRole('button', { name: 'Next stage' }).click();
  await expect(phone.getByRole('heading', { name: 'Strategies and resources' })).toBeVisible();
  await expect(phone.getByRole('status')).toContainText('Connected');
  await phone.getByRole('textbox', { name: 'Strategy' }).fill('Now and next board');
  await phone.getByRole('button', { name: 'Add' }).click();
  await expect(board.getByText('Now and next board')).toHaveCount(1);
  await expect(phone.getByRole('listitem').filter({ hasText: 'Now and next board' })).not.toContainText('Pending');
  expect(Number(await phone.evaluate(() => sessionStorage.getItem('refused')))).toBeGreaterThan(0);
  expect(polling.length).toBeGreaterThan(0);
});
