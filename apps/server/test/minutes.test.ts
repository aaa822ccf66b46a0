import { type MinutesSession, type MinutesView, notesFragmentName } from '@consultboard/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createRepos } from '../src/db/repos.js';
import { MeetingStore } from '../src/meeting/meetingStore.js';
import { minutesWriter } from '../src/minutes/minutesWriter.js';
import { addCard, forwardTo, liveRoom, NEVER_KEPT, runFirstCase } from './helpers/minutes.js';
import { paragraphsOf } from './helpers/notes.js';
import type { MeetingClient } from './helpers/sockets.js';
import { openTestStore } from './helpers/store.js';
import { startTestServer } from './helpers/testServer.js';
import { buildSession, buildWorld, type World } from './helpers/world.js';

/** Issue 12, item 1: minutes kept per case when the meeting leaves it, read back through the API. */
let server: Awaited<ReturnType<typeof startTestServer>>;
let world: World;
const open: MeetingClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server.url);
});
afterAll(async () => {
  for (const client of open) client.close();
  await server.close();
});

async function sessionMinutes(sessionId: string): Promise<MinutesSession | undefined> {
  const listed = await world.north.ep.get('/api/minutes');
  expect(listed.status).toBe(200);
  return (listed.json.sessions as MinutesSession[]).find((session) => session.id === sessionId);
}

async function read(id: string): Promise<MinutesView> {
  const answer = await world.north.ep.get(`/api/minutes/${id}`);
  expect(answer.status).toBe(200);
  return answer.json.minutes;
}

describe('minutes kept when the meeting leaves a case', () => {
  it('writes them at Next case and at End session, with what was visible and nothing else', async () => {
    const room = await liveRoom(server.url, world);
    open.push(room.facilitator, room.phone);
    const caseId = await runFirstCase(server.url, server.dataDir, world, room);

    const listed = await sessionMinutes(room.session.id);
    expect(listed?.cases.map((item) => item.reference)).toEqual(['J5M']);
    expect(listed?.facilitatorName).toBe('EP North');
    const minutes = await read(listed?.cases[0]?.id as string);
    expect(minutes.caseId).toBe(caseId);
    const body = minutes.minutes;
    expect(body).toMatchObject({
      reference: 'J5M',
      caseType: 'child',
      areasOfNeed: ['social-emotional-and-mental-health'],
      sessionDate: '2026-11-23',
      localityName: 'North East locality',
      facilitatorName: 'EP North',
      preparation: { currentSituation: 'Finds transitions between lessons hard.' },
    });
    const stage = (id: string) => body.stages.find((item) => item.id === id);
    expect(stage('current-situation')?.notes).toEqual(['Finds assembly noisy and overwhelming']);
    expect(stage('clarifying-questions')?.cards).toEqual([
      { kind: 'question', text: 'What helps at the start of the day?', helpful: false, merged: [] },
    ]);
    // The merged card once, inside the card it went into; the helpful mark kept.
    expect(stage('strategies-and-resources')?.cards).toEqual([
      {
        kind: 'strategy',
        text: 'Ear defenders in assembly',
        helpful: true,
        merged: ['A quiet seat near the door in assembly'],
      },
      { kind: 'resource', text: 'Sensory checklist from the outreach team', helpful: false, merged: [] },
    ]);
    expect(body.plan.map((row) => row.action)).toEqual(['Ear defenders in assembly']);
    const whole = JSON.stringify(body);
    for (const words of Object.values(NEVER_KEPT)) expect(whole).not.toContain(words);

    // End session files the case the meeting was on.
    const end = await room.facilitator.send({ type: 'session.end' });
    expect(end).toMatchObject({ ok: true });
    const after = await sessionMinutes(room.session.id);
    expect(after?.cases.map((item) => item.reference)).toEqual(['J5M', 'K2F']);
    const second = await read(after?.cases[1]?.id as string);
    expect(second.minutes).toMatchObject({ reference: 'K2F', caseType: 'child', stages: [], plan: [] });
  });

  it('replaces the minutes when the meeting comes back to a case and leaves it again (Previous case)', async () => {
    const room = await liveRoom(server.url, world, ['R4M', 'S6F']);
    open.push(room.facilitator, room.phone);
    const caseId = room.caseIds[0] as string;
    await forwardTo(room.facilitator, 4);
    await addCard(room.phone, room.facilitator, {
      caseId,
      stageId: 'strategies-and-resources',
      kind: 'strategy',
      text: 'Now and next board',
    });
    expect(await room.facilitator.send({ type: 'case.next' })).toMatchObject({ ok: true });
    const first = (await sessionMinutes(room.session.id))?.cases[0];
    expect(first?.reference).toBe('R4M');

    expect(await room.facilitator.send({ type: 'case.previous' })).toMatchObject({ ok: true });
    await addCard(room.phone, room.facilitator, {
      caseId,
      stageId: 'strategies-and-resources',
      kind: 'strategy',
      text: 'Visual cue cards at the door',
    });
    expect(await room.facilitator.send({ type: 'case.next' })).toMatchObject({ ok: true });
    // Previous case left S6F (its minutes now too); J5M's are the same minutes, rewritten.
    const listed = await sessionMinutes(room.session.id);
    expect(listed?.cases.map((item) => item.reference)).toEqual(['R4M', 'S6F']);
    expect(listed?.cases[0]?.id).toBe(first?.id);
    const minutes = await read(first?.id as string);
    expect(
      minutes.minutes.stages.find((item) => item.id === 'strategies-and-resources')?.cards.map((c) => c.text),
    ).toEqual(['Now and next board', 'Visual cue cards at the door']);
    // One search entry, with the newer words: the old one was replaced, not kept beside it.
    const found = await world.north.ep.get('/api/minutes/search?q=cue');
    expect(found.json.results.map((row: { id: string }) => row.id)).toEqual([first?.id]);
    const db = openTestStore(server.dataDir).db;
    try {
      const counts = db
        .prepare(
          `SELECT (SELECT COUNT(*) FROM minutes) AS minutes, (SELECT COUNT(*) FROM minutes_search) AS entries,
             (SELECT COUNT(*) FROM minutes WHERE case_id = ?) AS mine`,
        )
        .get(caseId) as { minutes: number; entries: number; mine: number };
      expect(counts.mine).toBe(1);
      expect(counts.entries).toBe(counts.minutes);
    } finally {
      db.close();
    }
  });

  it('keeps the plan as agreed in the room when the SENCO edits the plan afterwards (a snapshot)', async () => {
    const room = await liveRoom(server.url, world, ['P3F']);
    open.push(room.facilitator, room.phone);
    const caseId = room.caseIds[0] as string;
    await forwardTo(room.facilitator, 4);
    const card = await addCard(room.phone, room.facilitator, {
      caseId,
      stageId: 'strategies-and-resources',
      kind: 'strategy',
      text: 'Now and next board at the door',
    });
    await forwardTo(room.facilitator, 5);
    expect(await room.facilitator.send({ type: 'card.helpful', cardId: card, helpful: true })).toMatchObject({
      ok: true,
    });
    // Arriving at the Action plan stage drafts the plan from the helpful card.
    await forwardTo(room.facilitator, 6);
    expect(await room.facilitator.send({ type: 'session.end' })).toMatchObject({ ok: true });
    const listed = await sessionMinutes(room.session.id);
    const minutesId = listed?.cases[0]?.id as string;
    const before = await read(minutesId);
    expect(before.minutes.plan.map((row) => row.action)).toEqual(['Now and next board at the door']);

    // The SENCO changes the plan after the meeting: the plan has a new version, the minutes stay as they were.
    const senco = world.north.senco;
    const plan = (await senco.get(`/api/cases/${caseId}/plan`)).json.plan;
    const rows = [
      { ...plan.rows[0], action: 'Now and next board on the desk', who: 'Teaching assistant' },
      { ...plan.rows[0], id: 'added-later', action: 'Sand timer for changes', fromCardId: null },
    ];
    const edited = await senco.put(`/api/cases/${caseId}/plan`, { version: plan.version, rows });
    expect(edited.status, JSON.stringify(edited.json)).toBe(200);
    expect(edited.json.plan.version).toBeGreaterThan(plan.version);
    const after = await read(minutesId);
    expect(after.minutes).toEqual(before.minutes);
    expect(after.writtenAt).toBe(before.writtenAt);
  });

  it('takes the notes from the live room, which holds the last words typed before the disk does', async () => {
    const session = await buildSession(world, { cases: ['L4F', 'L5M'] });
    const caseId = session.cases[0]?.id as string;
    // Words applied in the case's room and waiting for the group commit: on no disk yet.
    const room = new Y.Doc();
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Typed just before Next case')]);
    room.getXmlFragment(notesFragmentName('current-situation')).insert(0, [paragraph]);
    const db = openTestStore(server.dataDir).db;
    try {
      const repos = createRepos(db);
      expect(paragraphsOf(repos.notes.readNotes(caseId))).toEqual([]);
      const meetings = new MeetingStore(repos);
      meetings.onCaseLeft(minutesWriter(repos, (id) => (id === caseId ? room : undefined)));
      meetings.append(
        session.id,
        { type: 'stage.changed', caseIndex: 1, stageIndex: 0, timer: { status: 'stopped', remainingMs: 0 } },
        { commandId: null, actor: 'test', now: Date.now() },
      );
      const { body } = db
        .prepare('SELECT b.body FROM minutes m JOIN minutes_bodies b ON b.n = m.n WHERE m.case_id = ?')
        .get(caseId) as { body: string };
      const minutes = JSON.parse(body) as MinutesView['minutes'];
      expect(minutes.stages.find((stage) => stage.id === 'current-situation')?.notes).toEqual([
        'Typed just before Next case',
      ]);
      // The room's document is still the room's: the writer read it and left it whole.
      expect(paragraphsOf(room)).toEqual(['Typed just before Next case']);
    } finally {
      db.close();
      room.destroy();
    }
  });

  it('a writer that throws leaves the event written and nothing of the minutes', async () => {
    // A second connection to the same file, with its own meeting store: the writer registered there fails after
    // writing the minutes and their search entry, so both must be rolled back and the event kept.
    const session = await buildSession(world, { cases: ['W2M', 'W3F'] });
    const db = openTestStore(server.dataDir).db;
    try {
      const repos = createRepos(db);
      const meetings = new MeetingStore(repos);
      const write = minutesWriter(repos);
      meetings.onCaseLeft((left) => {
        write(left);
        expect(db.prepare('SELECT COUNT(*) AS n FROM minutes WHERE case_id = ?').get(left.caseId)).toEqual({ n: 1 });
        throw new Error('the disk is full');
      });
      const before = meetings.state(session.id).seq;
      const event = meetings.append(
        session.id,
        { type: 'stage.changed', caseIndex: 1, stageIndex: 0, timer: { status: 'stopped', remainingMs: 0 } },
        { commandId: null, actor: 'test', now: Date.now() },
      );
      expect(event.seq).toBe(before + 1);
      expect(repos.meetingEvents.stored(session.id).at(-1)?.seq).toBe(event.seq);
      const caseId = session.cases[0]?.id as string;
      expect(db.prepare('SELECT COUNT(*) AS n FROM minutes WHERE case_id = ?').get(caseId)).toEqual({ n: 0 });
      expect(
        db.prepare('SELECT (SELECT COUNT(*) FROM minutes) - (SELECT COUNT(*) FROM minutes_search) AS gap').get(),
      ).toEqual({ gap: 0 });
    } finally {
      db.close();
    }
  });
});
