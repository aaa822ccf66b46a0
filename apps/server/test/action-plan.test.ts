import type { ActionRow, ReviewOverview } from '@consultboard/domain';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInEngland } from '../src/dates.js';
import { buildRow, goToStage, openRoom, shareAndMark } from './helpers/actionPlan.js';
import type { MeetingClient } from './helpers/sockets.js';
import { startTestServer } from './helpers/testServer.js';
import { buildSession, buildWorld, type World } from './helpers/world.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let world: World;
const rooms: { close: () => void }[] = [];

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server.url);
});
afterEach(() => {
  for (const room of rooms.splice(0)) room.close();
});
afterAll(async () => {
  await server.close();
});

const planOf = (client: MeetingClient, caseId: string) => client.state.plans[caseId];

/** A live session with one case (J5M), its screens connected, and two of three strategies found helpful. */
async function meetingAtActionPlan() {
  const session = await buildSession(world, { cases: ['J5M'], date: todayInEngland() });
  const room = await openRoom(server.url, world, session);
  rooms.push(room);
  const caseId = session.cases[0]?.id as string;
  await shareAndMark(room, [
    { kind: 'strategy', text: 'Meet and greet at the gate', helpful: true },
    { kind: 'strategy', text: 'Sand timer for transitions' },
    { kind: 'resource', text: 'Local offer: emotional wellbeing service', helpful: true },
  ]);
  await goToStage(room.facilitator, 'action-plan');
  return { session, caseId, ...room };
}

describe('the action plan in the meeting', () => {
  it('drafts the plan from the helpful cards at the Action plan stage, on every screen', async () => {
    const { caseId, phone, projector, facilitator } = await meetingAtActionPlan();
    for (const screen of [facilitator, projector, phone]) {
      const state = await screen.until((s) => s.plans[caseId] !== undefined);
      expect(state.plans[caseId]?.version).toBe(1);
      expect(state.plans[caseId]?.rows.map((row) => row.action)).toEqual([
        'Meet and greet at the gate',
        'Local offer: emotional wellbeing service',
      ]);
    }
    const stored = await world.north.senco.get(`/api/cases/${caseId}/plan`);
    expect(stored.status).toBe(200);
    expect(stored.json.plan).toMatchObject({ version: 1, reference: 'J5M', facilitatorName: 'EP North' });
  });

  it('drafts once: going back and forward again keeps the plan as edited', async () => {
    const { caseId, facilitator } = await meetingAtActionPlan();
    await facilitator.until((s) => s.plans[caseId] !== undefined);
    expect((await facilitator.send({ type: 'plan.update', caseId, version: 1, rows: [] })).ok).toBe(true);
    await facilitator.send({ type: 'stage.previous' });
    await facilitator.send({ type: 'stage.next' });
    const plan = (await world.north.senco.get(`/api/cases/${caseId}/plan`)).json.plan;
    expect(plan).toMatchObject({ version: 2, rows: [] });
  });

  it('lets the facilitator add, reorder and remove actions live; a phone may not; a stale edit is refused', async () => {
    const { caseId, facilitator, phone, projector } = await meetingAtActionPlan();
    const drafted = (await facilitator.until((s) => s.plans[caseId] !== undefined)).plans[caseId]?.rows as ActionRow[];
    const added = buildRow({ action: 'Check-in with a trusted adult at lunch' });
    const ack = await facilitator.send({ type: 'plan.update', caseId, version: 1, rows: [added, ...drafted] });
    expect(ack.ok).toBe(true);
    for (const screen of [phone, projector]) {
      const state = await screen.until((s) => s.plans[caseId]?.version === 2);
      expect(state.plans[caseId]?.rows.map((row) => row.action)).toEqual([
        'Check-in with a trusted adult at lunch',
        'Meet and greet at the gate',
        'Local offer: emotional wellbeing service',
      ]);
    }

    expect(await phone.send({ type: 'plan.update', caseId, version: 2, rows: [] })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(await facilitator.send({ type: 'plan.update', caseId, version: 1, rows: [] })).toMatchObject({
      ok: false,
      code: 'plan_changed',
    });
    expect(
      await facilitator.send({ type: 'plan.update', caseId, version: 2, rows: [{ ...added, action: '' }] }),
    ).toMatchObject({ ok: false, code: 'invalid_payload' });
    const stored = (await world.north.senco.get(`/api/cases/${caseId}/plan`)).json.plan;
    expect(stored.version).toBe(2);
    expect(stored.rows).toHaveLength(3);

    // The SENCO's edit over HTTP while the meeting is live reaches the screens too.
    const put = await world.north.senco.put(`/api/cases/${caseId}/plan`, { version: 2, rows: [added] });
    expect(put.status).toBe(200);
    await phone.until((s) => planOf(phone, caseId)?.version === 3 && s.plans[caseId]?.rows.length === 1);
    // And the console carries on from there.
    expect((await facilitator.send({ type: 'plan.update', caseId, version: 3, rows: [] })).ok).toBe(true);
  });
});

describe('after the meeting: editing, reviewing, bringing back', () => {
  it('the SENCO owns the plan, records a review, and the EP of the locality sees what was asked', async () => {
    const { session, caseId, facilitator } = await meetingAtActionPlan();
    await facilitator.until((s) => s.plans[caseId] !== undefined);
    expect((await facilitator.send({ type: 'session.end' })).ok).toBe(true);
    const senco = world.north.senco;
    const current = (await senco.get(`/api/cases/${caseId}/plan`)).json.plan;
    expect(current.sessionId).toBe(session.id);

    // The EP may no longer change it; the SENCO may, from the version they saw.
    const epPut = await world.north.ep.put(`/api/cases/${caseId}/plan`, { version: current.version, rows: [] });
    expect(epPut.status).toBe(403);
    expect(epPut.json.error.code).toBe('plan_owned_by_school');
    const soon = addDays(todayInEngland(), 7);
    const rows = current.rows.map((row: ActionRow) => ({ ...row, who: 'SENCO A', reviewDate: soon }));
    const saved = await senco.put(`/api/cases/${caseId}/plan`, { version: current.version, rows });
    expect(saved.status).toBe(200);
    expect(saved.json.plan.version).toBe(current.version + 1);

    const stale = await senco.put(`/api/cases/${caseId}/plan`, { version: current.version, rows: [] });
    expect(stale.status).toBe(409);
    expect(stale.json.error).toEqual({
      code: 'plan_changed',
      message: 'Someone else changed the plan. Here is the latest version.',
    });
    expect(stale.json.plan.version).toBe(current.version + 1);
    expect(stale.json.plan.rows).toHaveLength(2);

    // An invalid change is refused whole.
    const invalid = await senco.put(`/api/cases/${caseId}/plan`, {
      version: current.version + 1,
      rows: [rows[0], { ...rows[1], reviewDate: 'soon' }],
    });
    expect(invalid.status).toBe(400);
    expect((await senco.get(`/api/cases/${caseId}/plan`)).json.plan.version).toBe(current.version + 1);

    // Due for review within a fortnight, for the EP of this locality only.
    const overview = async (who: 'north' | 'south') => (await world[who].ep.get('/api/reviews')).json as ReviewOverview;
    expect((await overview('north')).due).toEqual([expect.objectContaining({ caseId, reviewDate: soon })]);
    expect((await overview('south')).due.map((item) => item.caseId)).not.toContain(caseId);

    const refused = await senco.put(`/api/cases/${caseId}/review`, {
      actions: [{ rowId: 'not-a-row', impact: 'achieved', note: '' }],
      outcome: 'close',
      note: '',
    });
    expect(refused.status).toBe(400);
    expect(refused.json.error.code).toBe('unknown_action');
    expect((await senco.get(`/api/cases/${caseId}/plan`)).json.plan.review).toBeNull();

    const reviewed = await senco.put(`/api/cases/${caseId}/review`, {
      actions: rows.map((row: ActionRow) => ({ rowId: row.id, impact: 'partly', note: 'Calmer most mornings' })),
      outcome: 'request-ep',
      note: 'The group suggested more EP time.',
    });
    expect(reviewed.status).toBe(200);
    expect(reviewed.json.plan.review).toMatchObject({ outcome: 'request-ep', reviewedBy: 'SENCO North' });

    const north = await overview('north');
    expect(north.requests).toEqual([
      expect.objectContaining({
        caseId,
        reference: 'J5M',
        schoolName: 'Northfield Primary',
        note: 'The group suggested more EP time.',
      }),
    ]);
    expect(north.due.map((item) => item.caseId)).not.toContain(caseId);
    expect((await overview('south')).requests).toEqual([]);
    expect((await world.admin.get('/api/reviews')).json.requests.map((r: { caseId: string }) => r.caseId)).toContain(
      caseId,
    );
    expect((await senco.get('/api/reviews')).status).toBe(403);

    const audit = (await world.admin.get('/api/audit?limit=50')).json.entries as { action: string; entityId: string }[];
    expect(audit.filter((entry) => entry.entityId === caseId).map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['created', 'changed', 'reviewed']),
    );
  });

  it('brings a case back: waiting until the locality has a draft session, then offered on its agenda', async () => {
    const { caseId, facilitator } = await meetingAtActionPlan();
    await facilitator.until((s) => s.plans[caseId] !== undefined);
    await facilitator.send({ type: 'session.end' });
    const senco = world.north.senco;
    const review = { actions: [], outcome: 'bring-back', note: '' };
    expect((await senco.put(`/api/cases/${caseId}/review`, review)).status).toBe(200);

    const waiting = (await world.north.ep.get('/api/reviews')).json as ReviewOverview;
    expect(waiting.broughtBack).toContainEqual(expect.objectContaining({ caseId, offeredSessionId: null }));
    expect((await world.south.ep.get('/api/reviews')).json.broughtBack).toEqual([]);

    const next = await world.north.ep.post('/api/sessions', {
      localityId: world.north.locality.id,
      date: addDays(todayInEngland(), 40),
    });
    expect(next.status).toBe(201);
    const nextId = next.json.session.id as string;
    const submitted = (await world.north.ep.get(`/api/sessions/${nextId}/submitted`)).json.cases as { id: string }[];
    expect(submitted.map((item) => item.id)).toContain(caseId);
    const offered = (await world.north.ep.get('/api/reviews')).json as ReviewOverview;
    expect(offered.broughtBack).toContainEqual(expect.objectContaining({ caseId, offeredSessionId: nextId }));

    // A second case brought back while that draft session exists goes straight to it.
    const other = await meetingAtActionPlan();
    await other.facilitator.until((s) => s.plans[other.caseId] !== undefined);
    await other.facilitator.send({ type: 'session.end' });
    expect((await senco.put(`/api/cases/${other.caseId}/review`, review)).status).toBe(200);
    const again = (await world.north.ep.get(`/api/sessions/${nextId}/submitted`)).json.cases as { id: string }[];
    expect(again.map((item) => item.id)).toEqual(expect.arrayContaining([caseId, other.caseId]));
  });
});
