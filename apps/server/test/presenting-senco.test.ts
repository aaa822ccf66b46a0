import { ROLE_NAME_MESSAGE, type SessionView } from '@consultboard/domain';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Browser, joinAsPhone } from './helpers/http.js';
import { connect, MeetingClient } from './helpers/sockets.js';
import { startTestServer } from './helpers/testServer.js';
import { accept, buildCase, buildWorld, invite, type World } from './helpers/world.js';

/**
 * Issue 9 item 3: the presenting SENCO is in the room as themselves. A signed-in SENCO whose school's case is on
 * the agenda of a live session opens the meeting from the case page, is shown as presenting their case, and marks
 * helpful cards of their own case in Feedback from their phone. Nobody else can take that role.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
let world: World;
/** A second school in the north locality, with its own SENCO: their case shares the agenda. */
let otherSenco: Browser;
const open: MeetingClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server.url);
  const school = await world.admin.post('/api/schools', {
    name: 'Northgate Academy',
    localityId: world.north.locality.id,
  });
  const invited = await invite(world.admin, {
    role: 'senco',
    name: 'SENCO Northgate',
    email: 'senco.northgate@eps.example',
    schoolId: school.json.school.id,
  });
  otherSenco = await accept(server.url, invited.token);
});
afterEach(() => {
  for (const client of open.splice(0)) client.close();
});
afterAll(async () => {
  await server.close();
});

const FEEDBACK = 5;
const STRATEGIES = 4;

/** A live north session with one case from each north school: J5M (Northfield), K7F (Northgate). */
async function liveSession(start = true) {
  const ep = world.north.ep;
  const created = await ep.post('/api/sessions', { localityId: world.north.locality.id, date: '2026-11-23' });
  const sessionId = created.json.session.id as string;
  const mine = await buildCase(world.north.senco, { reference: 'J5M', submitTo: sessionId });
  const theirs = await buildCase(otherSenco, { reference: 'K7F', submitTo: sessionId });
  const agenda = await ep.put(`/api/sessions/${sessionId}/agenda`, { caseIds: [mine.id, theirs.id] });
  expect(agenda.status).toBe(200);
  let session = agenda.json.session as SessionView;
  if (start) session = (await ep.post(`/api/sessions/${sessionId}/start`)).json.session;
  const facilitator = start
    ? await connect(server.url, { sessionId, role: 'facilitator' }, { cookie: ep.cookie as string })
    : undefined;
  if (facilitator) open.push(facilitator);
  return { session, mine, theirs, facilitator: facilitator as MeetingClient };
}

/** Opens the meeting from a case page: the token, then the socket beside the account's own sign-in. */
async function present(senco: Browser, caseId: string) {
  const answer = await senco.post(`/api/cases/${caseId}/present`);
  expect(answer.status, JSON.stringify(answer.json)).toBe(200);
  const client = await connect(server.url, { token: answer.json.token }, { cookie: senco.cookie as string });
  open.push(client);
  return { client, token: answer.json.token as string };
}

async function goTo(facilitator: MeetingClient, stageIndex: number) {
  while (facilitator.state.stageIndex < stageIndex)
    expect((await facilitator.send({ type: 'stage.next' })).ok).toBe(true);
}

async function addStrategy(phone: MeetingClient, caseId: string, text: string) {
  const ack = await phone.send({
    type: 'card.add',
    caseId,
    stageId: 'strategies-and-resources',
    kind: 'strategy',
    text,
  });
  expect(ack.ok).toBe(true);
}

describe('joining as the presenting SENCO', () => {
  it('opens the live meeting from the case page and is shown as presenting their own case only', async () => {
    const { session, mine, facilitator } = await liveSession();
    const answer = await world.north.senco.post(`/api/cases/${mine.id}/present`);
    expect(answer.json).toMatchObject({ sessionId: session.id, name: 'SENCO North', code: session.joinCode });

    const { client } = await present(world.north.senco, mine.id);
    expect(client.welcomes[0]).toMatchObject({ role: 'participant', name: 'SENCO North', presenting: [mine.id] });
    const listed = await facilitator.until(() => facilitator.people.some((person) => person.name === 'SENCO North'));
    expect(listed).toBeTruthy();
    expect(facilitator.people.find((person) => person.name === 'SENCO North')).toMatchObject({
      role: 'participant',
      presents: ['J5M'],
    });
    // Phones see the same label (with an opaque id), and a phone that joined with the code presents nothing.
    const phone = await connect(server.url, { token: await joinAsPhone(server.url, session.joinCode as string) });
    open.push(phone);
    await phone.until(() => phone.people.length >= 3);
    expect(phone.people.find((person) => person.name === 'SENCO North')?.presents).toEqual(['J5M']);
    expect(phone.people.find((person) => person.name === 'SENCO A')?.presents).toBeUndefined();
    expect(phone.welcomes[0]?.presenting).toBeUndefined();
  });

  it('refuses another school’s SENCO, the EP and the admin, and a meeting that is not live', async () => {
    const { session, mine } = await liveSession();
    expect((await world.south.senco.post(`/api/cases/${mine.id}/present`)).status).toBe(404);
    expect((await world.north.ep.post(`/api/cases/${mine.id}/present`)).status).toBe(403);
    expect((await world.admin.post(`/api/cases/${mine.id}/present`)).status).toBe(403);
    expect((await new Browser(server.url).post(`/api/cases/${mine.id}/present`)).status).toBe(401);
    // A phone cannot claim the role by its name: names that read like roles are refused at the join.
    const claimed = await new Browser(server.url).post('/api/join', {
      code: session.joinCode,
      name: 'Presenting SENCO',
    });
    expect(claimed.json.error).toMatchObject({ code: 'invalid_payload', message: ROLE_NAME_MESSAGE });
    // The other north school's SENCO sees nothing of this case either.
    expect((await otherSenco.post(`/api/cases/${mine.id}/present`)).status).toBe(404);

    const draft = await liveSession(false);
    const early = await world.north.senco.post(`/api/cases/${draft.mine.id}/present`);
    expect(early.status).toBe(409);
    expect(early.json.error.code).toBe('not_live');
  });

  it('binds the token to the account: without that sign-in it opens nothing', async () => {
    const { mine } = await liveSession();
    const answer = await world.north.senco.post(`/api/cases/${mine.id}/present`);
    const token = answer.json.token as string;
    const refusedWith = async (cookie?: string) => {
      const client = new MeetingClient(server.url, { token }, { cookie });
      open.push(client);
      return client.ready().then(
        () => 'welcomed',
        (error: { data?: { code: string } }) => error.data?.code,
      );
    };
    expect(await refusedWith()).toBe('unauthenticated');
    expect(await refusedWith(world.south.senco.cookie)).toBe('unauthenticated');
    expect(await refusedWith(otherSenco.cookie)).toBe('unauthenticated');
    expect(await refusedWith(world.north.ep.cookie)).toBe('unauthenticated');
    expect(await refusedWith(world.north.senco.cookie)).toBe('welcomed');
  });

  it('keeps the per-person socket budget', async () => {
    const { mine } = await liveSession();
    const { token } = await present(world.north.senco, mine.id);
    const cookie = world.north.senco.cookie as string;
    for (let tab = 1; tab < 3; tab++) open.push(await connect(server.url, { token }, { cookie }));
    const extra = new MeetingClient(server.url, { token }, { cookie });
    open.push(extra);
    await expect(extra.ready()).rejects.toMatchObject({ data: { code: 'too_many_connections' } });
  });
});

describe('Helpful from the presenting SENCO’s phone', () => {
  it('marks their own case’s cards in Feedback only; the EP still can; others cannot', async () => {
    const { session, mine, theirs, facilitator } = await liveSession();
    const presenter = (await present(world.north.senco, mine.id)).client;
    const otherPresenter = (await present(otherSenco, theirs.id)).client;
    const phone = await connect(server.url, { token: await joinAsPhone(server.url, session.joinCode as string) });
    open.push(phone);

    await goTo(facilitator, STRATEGIES);
    await addStrategy(phone, mine.id, 'Visual timetable for transitions');
    await addStrategy(phone, mine.id, 'Meet and greet at the gate');
    await addStrategy(phone, mine.id, 'A card the EP hides');
    const [first, second, hidden] = (await facilitator.until((state) => state.cards.length === 3)).cards;
    expect((await facilitator.send({ type: 'card.hide', cardId: hidden?.id as string, hidden: true })).ok).toBe(true);
    const mark = (client: MeetingClient, cardId: string, helpful = true) =>
      client.send({ type: 'card.helpful', cardId, helpful });

    // Not yet the stage where helpful cards are marked.
    expect(await mark(presenter, first?.id as string)).toMatchObject({ ok: false, code: 'not_helpful_stage' });
    await goTo(facilitator, FEEDBACK);

    // A phone that joined with the code cannot mark, nor can the SENCO of a case that is not the current one.
    expect(await mark(phone, first?.id as string)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await mark(otherPresenter, first?.id as string)).toMatchObject({ ok: false, code: 'not_your_case' });
    expect(await mark(presenter, hidden?.id as string)).toMatchObject({ ok: false, code: 'no_such_card' });
    expect(await mark(presenter, 'no-such-card')).toMatchObject({ ok: false, code: 'no_such_card' });
    expect(facilitator.state.cards.filter((card) => card.helpful)).toEqual([]);

    // The presenting SENCO marks (and unmarks) their own case's card; the EP marks another; every screen follows.
    expect((await mark(presenter, first?.id as string)).ok).toBe(true);
    expect((await mark(facilitator, second?.id as string)).ok).toBe(true);
    expect((await mark(presenter, second?.id as string, false)).ok).toBe(true);
    const marked = (state: typeof facilitator.state) =>
      state.cards.filter((card) => card.helpful).map((card) => card.id);
    await facilitator.until((state) => marked(state).length === 1 && state.cards[1]?.helpful === false);
    expect(marked(facilitator.state)).toEqual([first?.id]);
    await phone.until((state) => marked(state).join() === first?.id);

    // On the next case, the first case's SENCO no longer marks anything; that case's own SENCO does.
    expect((await facilitator.send({ type: 'case.next' })).ok).toBe(true);
    await goTo(facilitator, STRATEGIES);
    await addStrategy(phone, theirs.id, 'Quiet space at lunchtime');
    const theirCard = (await facilitator.until((state) => state.cards.length === 4)).cards[3];
    await goTo(facilitator, FEEDBACK);
    expect(await mark(presenter, theirCard?.id as string)).toMatchObject({ ok: false, code: 'not_your_case' });
    expect(await mark(presenter, first?.id as string, false)).toMatchObject({ ok: false, code: 'not_your_case' });
    expect((await mark(otherPresenter, theirCard?.id as string)).ok).toBe(true);
  });

  it('stops marking once the account is deactivated: its phone is sent away', async () => {
    const fresh = await invite(world.admin, {
      role: 'senco',
      name: 'SENCO Leaving',
      email: 'senco.leaving@eps.example',
      schoolId: world.north.school.id,
    });
    const leaving = await accept(server.url, fresh.token);
    const { mine } = await liveSession();
    const presenter = (await present(leaving, mine.id)).client;
    const gone = new Promise<string>((resolve) => presenter.socket.on('disconnect', (reason) => resolve(reason)));
    expect((await world.admin.post(`/api/people/${fresh.person.id}/deactivate`)).status).toBe(200);
    expect(await gone).toBe('io server disconnect');
  });
});
