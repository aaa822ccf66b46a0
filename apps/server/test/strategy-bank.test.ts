import type { ActionRow, BankEntryView, ReviewImpact, SessionView } from '@consultboard/domain';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRepos } from '../src/db/repos.js';
import { goToStage, openRoom, shareAndMark } from './helpers/actionPlan.js';
import type { Browser } from './helpers/http.js';
import { commandId } from './helpers/sockets.js';
import { openTestStore } from './helpers/store.js';
import { startTestServer } from './helpers/testServer.js';
import { accept, buildCase, buildSession, buildWorld, invite, type World } from './helpers/world.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let first: World;
const rooms: { close: () => void }[] = [];

beforeAll(async () => {
  server = await startTestServer();
  first = await buildWorld(server.url);
});
afterEach(() => {
  for (const room of rooms.splice(0)) room.close();
});
afterAll(async () => {
  await server.close();
});

/** A world of its own (fresh localities, so an empty bank), on the same server. */
const freshWorld = () => buildWorld(server.url, { admin: first.admin });

async function room(world: World, session: SessionView, area: 'north' | 'south' = 'north') {
  const opened = await openRoom(server.url, world, session, area);
  rooms.push(opened);
  return opened;
}

async function bankOf(reader: Browser, query = ''): Promise<BankEntryView[]> {
  const result = await reader.get(`/api/bank${query}`);
  expect(result.status, JSON.stringify(result.json)).toBe(200);
  return result.json.entries;
}

const entryOf = (entries: BankEntryView[], text: string) => entries.find((entry) => entry.text === text);

/** Records a review of the case's plan: an impact for the row drafted from each named card. */
async function review(senco: Browser, caseId: string, impacts: Record<string, ReviewImpact>) {
  const plan = (await senco.get(`/api/cases/${caseId}/plan`)).json.plan as { rows: ActionRow[] };
  const actions = plan.rows
    .filter((row) => row.fromCardId !== null && impacts[row.fromCardId] !== undefined)
    .map((row) => ({ rowId: row.id, impact: impacts[row.fromCardId as string], note: '' }));
  const result = await senco.put(`/api/cases/${caseId}/review`, { actions, outcome: 'continue', note: '' });
  expect(result.status, JSON.stringify(result.json)).toBe(200);
}

describe('the strategy bank', () => {
  it('keeps the helpful visible strategies and resources when the session ends, and counts their reviews', async () => {
    const world = await freshWorld();
    const session = await buildSession(world, { cases: ['J5M'], date: '2026-10-05' });
    const caseId = session.cases[0]?.id as string;
    const open = await room(world, session);
    const [greet, timer, , hidden] = await shareAndMark(open, [
      { kind: 'strategy', text: 'Meet and greet at the gate', helpful: true },
      { kind: 'resource', text: 'Sand timer for transitions', helpful: true },
      { kind: 'strategy', text: 'Not chosen by the SENCO' },
      { kind: 'strategy', text: 'Chosen, then hidden by the EP', helpful: true, hidden: true },
    ]);
    await goToStage(open.facilitator, 'action-plan');
    expect((await open.facilitator.send({ type: 'session.end' })).ok).toBe(true);

    const entries = await bankOf(world.north.ep);
    expect(entries.map((entry) => entry.text).sort()).toEqual([
      'Meet and greet at the gate',
      'Sand timer for transitions',
    ]);
    expect(entryOf(entries, 'Meet and greet at the gate')).toEqual({
      id: expect.any(String),
      kind: 'strategy',
      text: 'Meet and greet at the gate',
      areasOfNeed: ['social-emotional-and-mental-health'],
      caseTypes: ['child'],
      chosen: 1,
      achieved: 0,
      partly: 0,
      notYet: 0,
      lastChosen: 'Autumn 1 2026-27',
    });
    expect(hidden).toBeDefined();

    await review(world.north.senco, caseId, { [greet as string]: 'achieved', [timer as string]: 'not-yet' });
    let after = await bankOf(world.north.ep);
    expect(entryOf(after, 'Meet and greet at the gate')).toMatchObject({
      chosen: 1,
      achieved: 1,
      partly: 0,
      notYet: 0,
    });
    expect(entryOf(after, 'Sand timer for transitions')).toMatchObject({ chosen: 1, achieved: 0, notYet: 1 });

    // Only the latest review of each row counts: the timer's row is reviewed again, the greeting's is not.
    await review(world.north.senco, caseId, { [timer as string]: 'partly' });
    after = await bankOf(world.north.ep);
    expect(entryOf(after, 'Meet and greet at the gate')).toMatchObject({ achieved: 1, partly: 0, notYet: 0 });
    expect(entryOf(after, 'Sand timer for transitions')).toMatchObject({ achieved: 0, partly: 1, notYet: 0 });

    // The same strategy chosen again for another case (other capitals and a full stop) counts twice, in one entry.
    const again = await buildSession(world, { cases: ['K2F'], date: '2026-11-23' });
    const second = await room(world, again);
    await shareAndMark(second, [{ kind: 'strategy', text: 'meet and greet at the gate.', helpful: true }]);
    expect((await second.facilitator.send({ type: 'session.end' })).ok).toBe(true);
    after = await bankOf(world.north.ep);
    expect(after.filter((entry) => entry.text.toLowerCase().startsWith('meet and greet'))).toHaveLength(1);
    expect(entryOf(after, 'Meet and greet at the gate')).toMatchObject({
      chosen: 2,
      achieved: 1,
      lastChosen: 'Autumn 2 2026-27',
    });
    // Most chosen first.
    expect(after[0]?.text).toBe('Meet and greet at the gate');

    // A deleted case (or purged minutes) leaves only anonymous counts: no case, session or card, the same figures.
    const db = openTestStore(server.dataDir).db;
    try {
      const repos = createRepos(db);
      expect(repos.bank.anonymiseCase(caseId)).toBe(2);
      const left = db.prepare('SELECT case_id, session_id, card_id FROM bank_uses WHERE case_id IS NULL').all();
      expect(left).toEqual([
        { case_id: null, session_id: null, card_id: null },
        { case_id: null, session_id: null, card_id: null },
      ]);
    } finally {
      db.close();
    }
    expect(entryOf(await bankOf(world.north.ep), 'Meet and greet at the gate')).toMatchObject({
      chosen: 2,
      achieved: 1,
    });
  });

  it('replaces what a case left before when it is left again (Previous case, Next case), never doubling', async () => {
    const world = await freshWorld();
    const session = await buildSession(world, { cases: ['J5M', 'K2F'] });
    const open = await room(world, session);
    const [greet, timer] = await shareAndMark(open, [
      { kind: 'strategy', text: 'Meet and greet at the gate', helpful: true },
      { kind: 'strategy', text: 'Sand timer for transitions' },
    ]);
    expect((await open.facilitator.send({ type: 'case.next' })).ok).toBe(true);
    expect((await bankOf(world.north.ep)).map((entry) => [entry.text, entry.chosen])).toEqual([
      ['Meet and greet at the gate', 1],
    ]);

    expect((await open.facilitator.send({ type: 'case.previous' })).ok).toBe(true);
    await open.facilitator.send({ type: 'card.helpful', cardId: timer as string, helpful: true });
    await open.facilitator.send({ type: 'card.helpful', cardId: greet as string, helpful: false });
    expect((await open.facilitator.send({ type: 'case.next' })).ok).toBe(true);
    expect((await bankOf(world.north.ep)).map((entry) => [entry.text, entry.chosen])).toEqual([
      ['Sand timer for transitions', 1],
    ]);

    expect((await open.facilitator.send({ type: 'case.previous' })).ok).toBe(true);
    await open.facilitator.send({ type: 'card.helpful', cardId: greet as string, helpful: true });
    expect((await open.facilitator.send({ type: 'session.end' })).ok).toBe(true);
    const entries = await bankOf(world.north.ep);
    expect(entries.map((entry) => [entry.text, entry.chosen]).sort()).toEqual([
      ['Meet and greet at the gate', 1],
      ['Sand timer for transitions', 1],
    ]);
  });

  it('offers ideas that helped cases with the same areas of need in the locality, best reviewed first', async () => {
    const world = await freshWorld();
    const earlier = await buildSession(world, { cases: ['J5M', 'K2F'] });
    const open = await room(world, earlier);
    const [often, achieved, notYet] = await shareAndMark(open, [
      { kind: 'strategy', text: 'Chosen twice, never reviewed', helpful: true },
      { kind: 'strategy', text: 'Achieved at review', helpful: true },
      { kind: 'resource', text: 'Not yet at review', helpful: true },
    ]);
    await goToStage(open.facilitator, 'action-plan');
    expect((await open.facilitator.send({ type: 'case.next' })).ok).toBe(true);
    await shareAndMark(open, [{ kind: 'strategy', text: 'Chosen twice, never reviewed', helpful: true }]);
    expect((await open.facilitator.send({ type: 'session.end' })).ok).toBe(true);
    const reviewed = earlier.cases[0]?.id as string;
    await review(world.north.senco, reviewed, { [achieved as string]: 'achieved', [notYet as string]: 'not-yet' });
    expect(often).toBeDefined();

    // A case with other areas of need, and another locality's bank: neither is offered.
    const other = await buildSession(world, { cases: ['P4M'] });
    const otherRoom = await room(world, other);
    const otherCase = other.cases[0]?.id as string;
    const prepared = await world.north.senco.put(`/api/cases/${otherCase}/preparation`, {
      currentSituation: '',
      triedSoFar: '',
      desiredSituation: '',
      aim: '',
      areasOfNeed: ['sensory-and-physical'],
    });
    expect(prepared.status, JSON.stringify(prepared.json)).toBe(200);
    await shareAndMark(otherRoom, [{ kind: 'strategy', text: 'Ear defenders in assembly', helpful: true }]);
    expect((await otherRoom.facilitator.send({ type: 'session.end' })).ok).toBe(true);
    const south = await buildSession(world, { area: 'south', cases: ['S1M'] });
    const southRoom = await room(world, south, 'south');
    await shareAndMark(southRoom, [{ kind: 'strategy', text: 'From the south locality', helpful: true }]);
    expect((await southRoom.facilitator.send({ type: 'session.end' })).ok).toBe(true);

    const now = await buildSession(world, { cases: ['R7F'] });
    const ideas = await world.north.ep.get(`/api/sessions/${now.id}/bank-ideas`);
    expect(ideas.status, JSON.stringify(ideas.json)).toBe(200);
    expect(ideas.json.caseId).toBe(now.cases[0]?.id);
    expect(ideas.json.areasOfNeed).toEqual(['social-emotional-and-mental-health']);
    expect(ideas.json.ideas.map((idea: BankEntryView) => [idea.text, idea.chosen, idea.achieved, idea.notYet])).toEqual(
      [
        ['Achieved at review', 1, 1, 0],
        ['Chosen twice, never reviewed', 2, 0, 0],
        ['Not yet at review', 1, 0, 1],
      ],
    );

    // Paged: one at a time, the same order.
    const pageOne = await world.north.ep.get(`/api/sessions/${now.id}/bank-ideas?limit=1`);
    expect(pageOne.json.ideas.map((idea: BankEntryView) => idea.text)).toEqual(['Achieved at review']);
    const pageTwo = await world.north.ep.get(
      `/api/sessions/${now.id}/bank-ideas?limit=1&cursor=${encodeURIComponent(pageOne.json.next)}`,
    );
    expect(pageTwo.json.ideas.map((idea: BankEntryView) => idea.text)).toEqual(['Chosen twice, never reviewed']);

    // Only while the session is live.
    const draft = await buildSession(world, { cases: ['T8M'], start: false });
    expect((await world.north.ep.get(`/api/sessions/${draft.id}/bank-ideas`)).status).toBe(409);
  });

  it('lets a SENCO of another school of the locality read the bank, with no school, reference or date in it', async () => {
    const world = await freshWorld();
    const session = await buildSession(world, { cases: ['J5M'], date: '2026-11-23' });
    const open = await room(world, session);
    await shareAndMark(open, [{ kind: 'strategy', text: 'Visual timetable on the desk', helpful: true }]);
    expect((await open.facilitator.send({ type: 'session.end' })).ok).toBe(true);

    const school = await world.admin.post('/api/schools', {
      name: `Brookside Academy ${Date.now()}`,
      localityId: world.north.locality.id,
    });
    expect(school.status).toBe(201);
    const invited = await invite(world.admin, {
      role: 'senco',
      name: 'SENCO Brookside',
      email: `senco.brookside.${Date.now()}@school.example`,
      schoolId: school.json.school.id,
    });
    const otherSchool = await accept(server.url, invited.token);
    const answer = await otherSchool.get('/api/bank');
    expect(answer.status).toBe(200);
    expect(answer.json.entries.map((entry: BankEntryView) => entry.text)).toEqual(['Visual timetable on the desk']);
    const words = JSON.stringify(answer.json);
    for (const secret of [
      world.north.school.name,
      'J5M',
      '2026-11-23',
      '23 November',
      session.id,
      session.cases[0]?.id as string,
      'SENCO A',
    ])
      expect(words).not.toContain(secret);
    expect(answer.json.entries[0].lastChosen).toBe('Autumn 2 2026-27');

    // The other locality's SENCO and EP see none of it.
    expect(await bankOf(world.south.senco)).toEqual([]);
    expect(await bankOf(world.south.ep)).toEqual([]);
    // A SENCO has no Ideas from the bank (they do not run sessions).
    const live = await buildSession(world, { cases: ['K2F'] });
    expect([403, 404]).toContain((await otherSchool.get(`/api/sessions/${live.id}/bank-ideas`)).status);
  });

  it('searches by words, area of need and case type, by parameters only', async () => {
    const world = await freshWorld();
    const session = await buildSession(world, { cases: ['J5M'] });
    const open = await room(world, session);
    await shareAndMark(open, [
      { kind: 'strategy', text: 'Visual timetable on the desk', helpful: true },
      { kind: 'resource', text: 'Emotion coaching 100% of the time', helpful: true },
    ]);
    expect((await open.facilitator.send({ type: 'session.end' })).ok).toBe(true);
    await buildCase(world.north.senco, { reference: 'Year 4 group', type: 'group' });

    const ep = world.north.ep;
    const texts = async (query: string) => (await bankOf(ep, query)).map((entry) => entry.text);
    expect(await texts('?q=TIMETABLE%20visual')).toEqual(['Visual timetable on the desk']);
    expect(await texts('?q=timetable%20coaching')).toEqual([]);
    // A % is a character like any other (no LIKE pattern is ever built from a search).
    expect(await texts('?q=100%25')).toEqual(['Emotion coaching 100% of the time']);
    expect(await texts('?area=social-emotional-and-mental-health&caseType=child')).toHaveLength(2);
    expect(await texts('?area=sensory-and-physical')).toEqual([]);
    expect(await texts('?caseType=group')).toEqual([]);
    for (const hostile of ['_', '%%', '"', "' OR 1=1 --", '*', 'NEAR(', ')'])
      expect(await texts(`?q=${encodeURIComponent(hostile)}`), hostile).toEqual([]);
    expect((await ep.get(`/api/bank?q=${'a'.repeat(10_000)}`)).status).toBe(400);
    expect((await ep.get('/api/bank?area=not-an-area')).status).toBe(400);
    expect((await ep.get('/api/bank?school=anything')).status).toBe(400);
    expect((await ep.get('/api/bank?cursor=nonsense')).status).toBe(400);

    const one = await ep.get('/api/bank?limit=1');
    expect(one.json.entries).toHaveLength(1);
    const rest = await ep.get(`/api/bank?limit=1&cursor=${encodeURIComponent(one.json.next)}`);
    expect(rest.json.entries).toHaveLength(1);
    expect(rest.json.next).toBeNull();
    expect(rest.json.entries[0].id).not.toBe(one.json.entries[0].id);
  });

  it('marks a card the EP adds from the bank on every screen; a phone may not', async () => {
    const world = await freshWorld();
    const session = await buildSession(world, { cases: ['J5M'] });
    const open = await room(world, session);
    const caseId = session.cases[0]?.id as string;
    // Only what the bank keeps comes from it: a question, in a stage that takes questions, is refused.
    await goToStage(open.facilitator, 'clarifying-questions');
    const asked = { caseId, stageId: 'clarifying-questions', kind: 'question' as const, text: 'What helps at lunch?' };
    expect(await open.facilitator.send({ type: 'card.add', ...asked, fromBank: true })).toMatchObject({
      ok: false,
      code: 'stage_takes_no_such_card',
    });
    expect((await open.facilitator.send({ type: 'card.add', ...asked })).ok).toBe(true);
    await goToStage(open.facilitator, 'strategies-and-resources');
    const place = { caseId, stageId: 'strategies-and-resources', kind: 'strategy' as const };
    const refused = await open.phone.send({ type: 'card.add', ...place, text: 'A phone pretends', fromBank: true });
    expect(refused).toMatchObject({ ok: false, code: 'forbidden' });
    const id = commandId();
    const added = await open.facilitator.send({
      type: 'card.add',
      id,
      ...place,
      text: 'Meet and greet at the gate',
      fromBank: true,
    });
    expect(added.ok).toBe(true);
    for (const screen of [open.facilitator, open.projector, open.phone]) {
      const state = await screen.until((s) => s.cards.some((card) => card.id === id));
      expect(state.cards.find((card) => card.id === id)).toMatchObject({
        fromBank: true,
        text: 'Meet and greet at the gate',
      });
    }
  });
});
