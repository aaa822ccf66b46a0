import { DEFAULT_STAGES, STAGE_TEMPLATE_LIMITS, type StageDefinition } from '@consultboard/domain';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Browser, joinAsPhone } from './helpers/http.js';
import { connect, type MeetingClient } from './helpers/sockets.js';
import { startTestServer } from './helpers/testServer.js';
import { buildSession, buildWorld, type World } from './helpers/world.js';

/**
 * Issue 9 item 8: a locality adjusts its stage template. The admin (everywhere) and the locality's EP edit it; a
 * session takes its locality's template when it starts and keeps it, whatever the template becomes later.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
let world: World;
const open: MeetingClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server.url);
});
afterEach(() => {
  for (const client of open.splice(0)) client.close();
});
afterAll(async () => {
  await server.close();
});

const stage = (over: Partial<StageDefinition> & { id: string; name: string }): StageDefinition => ({
  prompt: `${over.name}: talk it through.`,
  cardKinds: [],
  notes: true,
  marksHelpful: false,
  suggestedMinutes: 5,
  ...over,
});

/** A short template: share ideas, say what helped, draft the plan (renamed and moved, still the plan stage). */
const SHORT: StageDefinition[] = [
  stage({ id: 'ideas', name: 'Ideas', cardKinds: ['strategy', 'resource'], suggestedMinutes: 12 }),
  stage({ id: 'feedback', name: 'What helped', marksHelpful: true }),
  stage({ id: 'action-plan', name: 'Next steps', notes: false, suggestedMinutes: 8 }),
];

const templatePath = (area: 'north' | 'south' = 'north') => `/api/localities/${world[area].locality.id}/template`;

async function facilitatorOf(sessionId: string, browser: Browser = world.north.ep) {
  const client = await connect(server.url, { sessionId, role: 'facilitator' }, { cookie: browser.cookie as string });
  open.push(client);
  return client;
}

describe('editing a locality template', () => {
  it('starts as the default, is replaced whole by the EP, and is restored to the default', async () => {
    const before = await world.north.ep.get(templatePath());
    expect(before.status).toBe(200);
    expect(before.json.template).toMatchObject({ custom: false, stages: DEFAULT_STAGES });

    const saved = await world.north.ep.put(templatePath(), { stages: SHORT });
    expect(saved.status).toBe(200);
    expect(saved.json.template).toMatchObject({ custom: true, stages: SHORT });
    expect((await world.admin.get(templatePath())).json.template.stages).toEqual(SHORT);
    // The other locality is untouched.
    expect((await world.south.ep.get(templatePath('south'))).json.template.custom).toBe(false);

    const restored = await world.admin.delete(templatePath());
    expect(restored.status).toBe(200);
    expect(restored.json.template).toMatchObject({ custom: false, stages: DEFAULT_STAGES });
  });

  it('lets only the admin and the locality’s own EP edit: others are told 404 or 403 and nothing changes', async () => {
    const body = { stages: SHORT };
    expect((await world.south.ep.put(templatePath(), body)).status).toBe(404);
    expect((await world.south.ep.get(templatePath())).status).toBe(404);
    expect((await world.south.senco.put(templatePath(), body)).status).toBe(404);
    // The north SENCO sees their locality (its sessions) but may not change its template.
    expect((await world.north.senco.put(templatePath(), body)).status).toBe(403);
    expect((await world.north.senco.delete(templatePath())).status).toBe(403);
    expect((await new Browser(server.url).put(templatePath(), body)).status).toBe(401);
    expect((await world.north.ep.put('/api/localities/no-such-locality/template', body)).status).toBe(404);
    expect((await world.admin.get(templatePath())).json.template.custom).toBe(false);
  });

  const plan = SHORT[2] as StageDefinition;
  const tooMany = Array.from({ length: STAGE_TEMPLATE_LIMITS.stages.max }, (_, i) =>
    stage({ id: `s${i}`, name: `S${i}` }),
  );
  const bad: [string, unknown, string][] = [
    ['no stages', { stages: [] }, 'Keep at least one stage.'],
    ['too many stages', { stages: [...tooMany, plan] }, 'A template has at most 12 stages.'],
    ['a long name', { stages: [{ ...plan, name: 'N'.repeat(61) }] }, 'A stage name is at most 60 characters.'],
    ['a long prompt', { stages: [{ ...plan, prompt: 'P'.repeat(301) }] }, 'A prompt is at most 300 characters.'],
    ['an empty name', { stages: [{ ...plan, name: '  ' }] }, 'Enter the stage name.'],
    ['no minutes', { stages: [{ ...plan, suggestedMinutes: 0 }] }, 'At least 1 minute.'],
    ['an unknown kind', { stages: [{ ...SHORT[0], cardKinds: ['praise'] }, plan] }, ''],
    ['a kind twice', { stages: [{ ...SHORT[0], cardKinds: ['strategy', 'strategy'] }, plan] }, ''],
    ['a bad id', { stages: [{ ...SHORT[0], id: 'Ideas!' }, plan] }, ''],
    ['the same id twice', { stages: [SHORT[0], SHORT[0], plan] }, 'Each stage appears once.'],
    ['an unknown field', { stages: [{ ...plan, colour: 'red' }] }, ''],
    [
      'two helpful stages',
      { stages: [{ ...SHORT[0], marksHelpful: true }, SHORT[1], plan] },
      'Helpful cards are marked in one stage at most.',
    ],
    [
      'no Action plan stage',
      { stages: [SHORT[0], SHORT[1]] },
      'Keep the Action plan stage: it drafts the plan from the helpful cards.',
    ],
    [
      'an Action plan stage with cards',
      { stages: [SHORT[0], SHORT[1], { ...plan, cardKinds: ['strategy'] }] },
      'The Action plan stage shows the plan: it takes no cards and marks none helpful.',
    ],
    [
      'helpful cards marked after the plan',
      { stages: [SHORT[0], plan, SHORT[1]] },
      'Mark helpful cards before the Action plan stage, so the plan can use them.',
    ],
  ];
  it.each(bad)('refuses %s with a clear message and changes nothing', async (_name, body, message) => {
    const answer = await world.north.ep.put(templatePath(), body);
    expect(answer.status).toBe(400);
    expect(answer.json.error.code).toBe('invalid_payload');
    if (message) expect(Object.values(answer.json.error.fields)).toContain(message);
    expect((await world.north.ep.get(templatePath())).json.template.custom).toBe(false);
  });
});

describe('a session and its template', () => {
  it('takes the locality’s template when it starts and keeps it through later edits, live and after it ends', async () => {
    expect((await world.north.ep.put(templatePath(), { stages: SHORT })).status).toBe(200);
    const session = await buildSession(world, { cases: ['J5M'] });
    const facilitator = await facilitatorOf(session.id);
    expect(facilitator.state.stages).toEqual(SHORT);

    // The template changes (and is restored) while the session is live: the session keeps its own.
    const changed = SHORT.map((one) => ({ ...one, name: `${one.name} (new)` }));
    expect((await world.north.ep.put(templatePath(), { stages: changed })).status).toBe(200);
    const phone = await connect(server.url, { token: await joinAsPhone(server.url, session.joinCode as string) });
    open.push(phone);
    expect(phone.state.stages).toEqual(SHORT);
    const later = await facilitatorOf(session.id);
    expect(later.state.stages).toEqual(SHORT);

    // A session started now takes the changed template; the default stays the default for other localities.
    const next = await buildSession(world, { cases: ['K7F'] });
    expect((await facilitatorOf(next.id)).state.stages).toEqual(changed);
    const south = await buildSession(world, { area: 'south', cases: ['L2X'] });
    expect((await facilitatorOf(south.id, world.south.ep)).state.stages).toEqual(DEFAULT_STAGES);

    // Ended, the first session still replays its own stages.
    expect((await facilitator.send({ type: 'session.end' })).ok).toBe(true);
    expect((await world.north.ep.delete(templatePath())).status).toBe(200);
    const replay = await facilitatorOf(session.id);
    expect(replay.state).toMatchObject({ status: 'ended', stages: SHORT });
  });

  it('runs a custom template: its own card kinds, helpful marks, the plan drafted at the moved Action plan stage, and its notes cleared', async () => {
    expect((await world.north.ep.put(templatePath(), { stages: SHORT })).status).toBe(200);
    const session = await buildSession(world, { cases: ['M3F'] });
    const caseId = session.cases[0]?.id as string;
    const facilitator = await facilitatorOf(session.id);
    const phone = await connect(server.url, { token: await joinAsPhone(server.url, session.joinCode as string) });
    open.push(phone);

    // The first stage is the custom "Ideas": it takes strategies, and questions no longer.
    const question = await phone.send({ type: 'card.add', caseId, stageId: 'ideas', kind: 'question', text: 'Why?' });
    expect(question).toMatchObject({ ok: false, code: 'stage_takes_no_such_card' });
    const added = await phone.send({
      type: 'card.add',
      caseId,
      stageId: 'ideas',
      kind: 'strategy',
      text: 'Visual timetable for transitions',
    });
    expect(added.ok).toBe(true);
    const card = (await facilitator.until((state) => state.cards.length === 1)).cards[0];

    expect((await facilitator.send({ type: 'stage.next' })).ok).toBe(true);
    expect((await facilitator.send({ type: 'card.helpful', cardId: card?.id as string, helpful: true })).ok).toBe(true);
    expect((await facilitator.send({ type: 'stage.next' })).ok).toBe(true);
    const drafted = await facilitator.until((state) => state.plans[caseId] !== undefined);
    expect(drafted.plans[caseId]?.rows.map((row) => row.action)).toEqual(['Visual timetable for transitions']);

    // The notes of a custom stage can be cleared by the EP; a stage of the default template this session lacks cannot.
    const clear = (stageId: string) =>
      world.north.ep.post(`/api/sessions/${session.id}/cases/${caseId}/notes/clear`, { stageId });
    expect((await clear('ideas')).status).toBe(200);
    const lacking = await clear('current-situation');
    expect(lacking.status).toBe(400);
    expect(lacking.json.error.code).toBe('unknown_stage');
    expect((await clear('action-plan')).status).toBe(400);
    expect((await world.north.ep.delete(templatePath())).status).toBe(200);
  });
});
