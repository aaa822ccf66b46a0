import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PREPARATION_LIMITS } from '@consultboard/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from './helpers/sockets.js';
import { openTestStore } from './helpers/store.js';
import { startTestServer } from './helpers/testServer.js';
import { buildCase, buildPreparation, buildSession, buildWorld, type World } from './helpers/world.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let world: World;

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server.url);
});
afterAll(async () => {
  await server.close();
});

async function draftSession(area: 'north' | 'south' = 'north') {
  const created = await world[area].ep.post('/api/sessions', {
    localityId: world[area].locality.id,
    date: '2026-12-07',
  });
  return created.json.session.id as string;
}

describe('creating cases', () => {
  it('takes a child only by anonymised reference, and a topic only as a topic, showing the message as is', async () => {
    const { senco } = world.north;
    const child = await senco.post('/api/cases', { type: 'child', reference: 'j5m' });
    expect(child.status).toBe(201);
    expect(child.json.case).toMatchObject({
      type: 'child',
      reference: 'J5M',
      schoolName: world.north.school.name,
      localityName: world.north.locality.name,
      consent: { given: false, date: null },
      submittedSessionId: null,
    });
    // A name is refused by the privacy guard (with its findings); a malformed reference by the reference's rules.
    const cases: [string, string, RegExp, string][] = [
      ['child', 'J14M', /first initial, year group/, 'invalid_reference'],
      ['child', 'Jack Smith', /'Jack Smith' looks like a name/, 'personal_data'],
      ['child', 'Year 3 transition', /first initial, year group and gender/, 'invalid_reference'],
      ['group', 'J5M', /child reference/, 'invalid_reference'],
      ['class', 'Ben', /looks like a name/, 'invalid_reference'],
    ];
    for (const [type, reference, message, code] of cases) {
      const result = await senco.post('/api/cases', { type, reference });
      expect(result.status, reference).toBe(400);
      expect(result.json.error.code, reference).toBe(code);
      expect(result.json.error.message, reference).toMatch(message);
    }
    expect((await senco.post('/api/cases', { type: 'class', reference: 'Year 3 transition' })).status).toBe(201);
  });

  it('deletes a case only while it is not on an agenda', async () => {
    const session = await buildSession(world, { start: false, cases: ['A2F'] });
    const onAgenda = session.cases[0]?.id as string;
    const refused = await world.north.senco.delete(`/api/cases/${onAgenda}`);
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe('on_agenda');
    const loose = await buildCase(world.north.senco, { reference: 'B3M' });
    expect((await world.north.senco.delete(`/api/cases/${loose.id}`)).status).toBe(204);
    expect((await world.north.senco.get(`/api/cases/${loose.id}`)).status).toBe(404);
  });
});

describe('consent', () => {
  it('keeps a child off the agenda until consent is recorded, refusing the whole change', async () => {
    const sessionId = await draftSession();
    const { senco, ep } = world.north;
    const topic = await buildCase(senco, { reference: 'Lunchtime routines', submitTo: sessionId });
    const child = await buildCase(senco, { reference: 'J5M', consent: false, submitTo: sessionId });
    const refused = await ep.put(`/api/sessions/${sessionId}/agenda`, { caseIds: [topic.id, child.id] });
    expect(refused.status).toBe(400);
    expect(refused.json.error).toMatchObject({
      code: 'consent_missing',
      message: 'J5M cannot go on the agenda until the SENCO records parental consent.',
    });
    expect((await ep.get(`/api/sessions/${sessionId}`)).json.session.cases).toEqual([]);

    const future = await senco.put(`/api/cases/${child.id}/consent`, { given: true, date: '2999-01-01' });
    expect(future.status).toBe(400);
    expect(future.json.error.fields.date).toMatch(/future/);
    expect((await senco.put(`/api/cases/${child.id}/consent`, { given: true, date: null })).status).toBe(400);
    const given = await senco.put(`/api/cases/${child.id}/consent`, { given: true, date: '2026-11-02' });
    expect(given.json.case.consent).toEqual({ given: true, date: '2026-11-02' });

    const accepted = await ep.put(`/api/sessions/${sessionId}/agenda`, { caseIds: [child.id, topic.id] });
    expect(accepted.status).toBe(200);
    expect(accepted.json.session.cases.map((item: { id: string }) => item.id)).toEqual([child.id, topic.id]);
  });

  it('refuses cases not submitted to the session, and moves a case that is submitted again', async () => {
    const first = await draftSession();
    const second = await draftSession();
    const { senco, ep } = world.north;
    const item = await buildCase(senco, { reference: 'C4X', submitTo: first });
    expect((await ep.put(`/api/sessions/${second}/agenda`, { caseIds: [item.id] })).json.error.code).toBe(
      'not_submitted',
    );
    await ep.put(`/api/sessions/${first}/agenda`, { caseIds: [item.id] });
    const moved = await senco.post(`/api/cases/${item.id}/submit`, { sessionId: second });
    expect(moved.json.case.submittedSessionId).toBe(second);
    expect((await ep.get(`/api/sessions/${first}`)).json.session.cases).toEqual([]);
    expect((await ep.get(`/api/sessions/${second}/submitted`)).json.cases.map((c: { id: string }) => c.id)).toEqual([
      item.id,
    ]);
    // A session of another locality is not there for this SENCO.
    expect((await senco.post(`/api/cases/${item.id}/submit`, { sessionId: await draftSession('south') })).status).toBe(
      404,
    );
  });
});

describe('the preparation form', () => {
  it('saves partial drafts, and refuses an over-long change whole, changing nothing', async () => {
    const { senco } = world.north;
    const item = await buildCase(senco, { reference: 'D5F', preparation: { aim: '' } });
    const partial = await senco.put(`/api/cases/${item.id}/preparation`, { aim: 'Ideas for\r\nlunchtimes' });
    expect(partial.status).toBe(200);
    expect(partial.json.case.preparation).toEqual(buildPreparation({ aim: 'Ideas for\nlunchtimes' }));

    const tooLong = await senco.put(`/api/cases/${item.id}/preparation`, {
      currentSituation: 'Changed',
      triedSoFar: 'x'.repeat(PREPARATION_LIMITS.text + 1),
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.json.error.fields.triedSoFar).toMatch(/4000/);
    for (const body of [{ areasOfNeed: ['reading'] }, { aim: 7 }, { notes: 'extra' }]) {
      expect((await senco.put(`/api/cases/${item.id}/preparation`, body)).status, JSON.stringify(body)).toBe(400);
    }
    const after = (await senco.get(`/api/cases/${item.id}`)).json.case;
    expect(after.preparation).toEqual(partial.json.case.preparation);
  });
});

describe('the consent form PDF', () => {
  it('is one A4 page with the school, locality and reference, and nothing of another case', async () => {
    const { senco } = world.north;
    await buildCase(senco, { reference: 'Z9F', preparation: { aim: 'Another case aim' } });
    const item = await buildCase(senco, { reference: 'E6M', preparation: { currentSituation: 'Private situation' } });
    const result = await senco.request('GET', `/api/cases/${item.id}/consent-form.pdf`);
    expect(result.status).toBe(200);
    expect(result.headers.get('content-type')).toBe('application/pdf');
    expect(result.headers.get('content-disposition')).toBe('attachment; filename="consent-form-E6M.pdf"');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'consent-')), 'form.pdf');
    fs.writeFileSync(file, result.bytes);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain(world.north.school.name);
    expect(text).toContain(world.north.locality.name);
    expect(text).toContain('E6M');
    expect(text).toMatch(/confidential and anonymous/i);
    expect(text).toMatch(/first initial,\s+year\s+group\s+and\s+gender/);
    expect(text).toMatch(/signature/i);
    for (const other of ['Z9F', 'Another case aim', 'Private situation', world.south.school.name, 'SENCO North'])
      expect(text).not.toContain(other);
    expect(text).not.toMatch(/child's name|name of (the )?child/i);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+1\n/);
    expect(info).toMatch(/595\.\d+ x 841\.\d+ pts \(A4\)/);
  });
});

describe('the audit log', () => {
  it('records create, view, change, consent, export, submit and delete, newest first, for the admin only', async () => {
    const { senco } = world.north;
    const sessionId = await draftSession();
    const item = await buildCase(senco, { reference: 'F7X', submitTo: sessionId });
    await senco.get(`/api/cases/${item.id}`);
    expect((await senco.request('GET', `/api/cases/${item.id}/consent-form.pdf`)).status).toBe(200);
    await senco.post(`/api/cases/${item.id}/submit`, { sessionId: await draftSession() });
    await senco.delete(`/api/cases/${item.id}`);
    const entries = (await world.admin.get('/api/audit?limit=200')).json.entries as {
      id: number;
      action: string;
      entity: string;
      entityId: string;
      actorName: string;
    }[];
    const ofCase = entries.filter((entry) => entry.entityId === item.id);
    expect(ofCase.map((entry) => entry.action)).toEqual([
      'deleted',
      'submitted',
      'exported',
      'viewed',
      'submitted',
      'changed',
      'consented',
      'created',
    ]);
    expect(ofCase.every((entry) => entry.actorName === 'SENCO North')).toBe(true);
    expect(entries.map((entry) => entry.id)).toEqual([...entries.map((entry) => entry.id)].sort((a, b) => b - a));
    expect(entries.some((entry) => entry.action === 'invited' && entry.entity === 'person')).toBe(true);
    expect((await world.north.ep.get('/api/audit')).status).toBe(403);
    expect((await world.admin.get('/api/audit?limit=0')).status).toBe(400);
  });

  it('refuses any UPDATE or DELETE of its rows', () => {
    const db = openTestStore(server.dataDir).db;
    try {
      const before = db.prepare('SELECT COUNT(*) AS n FROM audit_log').get();
      expect(() => db.prepare("UPDATE audit_log SET action = 'viewed'").run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
      expect(db.prepare('SELECT COUNT(*) AS n FROM audit_log').get()).toEqual(before);
    } finally {
      db.close();
    }
  });
});

describe('starting a session', () => {
  it('carries each case with its type and preparation form, and no school or SENCO name', async () => {
    const session = await buildSession(world, { cases: ['G8F', 'Year 6 transition'] });
    const projector = await connect(
      server.url,
      { sessionId: session.id, role: 'projector' },
      { cookie: world.north.ep.cookie },
    );
    const started = projector.received.find((event) => event.type === 'session.started');
    projector.close();
    expect(started?.type).toBe('session.started');
    if (started?.type !== 'session.started') return;
    expect(started.cases).toEqual([
      { id: session.cases[0]?.id, reference: 'G8F', kind: 'child', type: 'child', preparation: buildPreparation() },
      {
        id: session.cases[1]?.id,
        reference: 'Year 6 transition',
        kind: 'topic',
        type: 'group',
        preparation: buildPreparation(),
      },
    ]);
    const json = JSON.stringify(started);
    for (const leak of [world.north.school.name, 'SENCO North', world.north.school.id, 'schoolName'])
      expect(json).not.toContain(leak);
  });
});
