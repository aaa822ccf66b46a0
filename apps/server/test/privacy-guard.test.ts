import {
  type ActionRow,
  type CaseView,
  findingKey,
  findPersonalData,
  type PersonalDataKind,
  undismissed,
} from '@consultboard/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRow, goToStage, shareAndMark } from './helpers/actionPlan.js';
import { exportText, guardedText } from './helpers/exportText.js';
import { type Browser, joinAsPhone } from './helpers/http.js';
import { connect } from './helpers/sockets.js';
import { openTestStore } from './helpers/store.js';
import { startTestServer } from './helpers/testServer.js';
import { buildCase, buildSession, buildWorld, type World } from './helpers/world.js';

// Issue 10, the privacy guard on cases, forms and exports. The personal data here is invented for the guard to find.
let server: Awaited<ReturnType<typeof startTestServer>>;
let world: World;

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server.url);
});
afterAll(async () => {
  await server.close();
});

/** The audit log's details of a case, read from the store (the API does not show details). */
function auditDetails(caseId: string): string[] {
  const { db } = openTestStore(server.dataDir);
  try {
    const rows = db.prepare('SELECT detail FROM audit_log WHERE entity_id = ? ORDER BY id').all(caseId);
    return (rows as { detail: string | null }[]).map((row) => row.detail ?? '');
  } finally {
    db.close();
  }
}

const caseView = async (browser: Browser, id: string) => (await browser.get(`/api/cases/${id}`)).json.case as CaseView;
const privacy = async (browser: Browser, id: string) => (await browser.get(`/api/cases/${id}/privacy`)).json;
const dismiss = (browser: Browser, id: string, kind: PersonalDataKind, text: string) =>
  browser.post(`/api/cases/${id}/privacy/dismissals`, { kind, text });

describe('case references and topics', () => {
  it.each([
    ['Ben and Sara in Year 3', ['Ben', 'Sara']],
    ['Jack Smith transition', ['Jack Smith']],
  ])('refuses the topic %j with its findings, and creates nothing', async (topic, words) => {
    const before = (await world.north.senco.get('/api/cases?limit=100')).json.cases.length;
    const result = await world.north.senco.post('/api/cases', { type: 'group', reference: topic });
    expect(result.status).toBe(400);
    expect(result.json.error.code).toBe('personal_data');
    expect(result.json.error.fields.reference).toMatch(/looks? like (a name|names)\./);
    expect(result.json.findings.map((finding: { text: string }) => finding.text)).toEqual(words);
    for (const finding of result.json.findings) expect(topic.slice(finding.start, finding.end)).toBe(finding.text);
    expect((await world.north.senco.get('/api/cases?limit=100')).json.cases.length).toBe(before);
  });

  it('lets the SENCO Edit a topic or a reference, with the same checks, audited', async () => {
    const topic = await buildCase(world.north.senco, { reference: 'Year 4 friendships' });
    const changed = await world.north.senco.put(`/api/cases/${topic.id}/reference`, { reference: 'Year 4 playtimes' });
    expect(changed.status).toBe(200);
    expect(changed.json.case.reference).toBe('Year 4 playtimes');

    const named = await world.north.senco.put(`/api/cases/${topic.id}/reference`, {
      reference: 'Jack Smith transition',
    });
    expect(named.status).toBe(400);
    expect(named.json.error.code).toBe('personal_data');
    expect((await caseView(world.north.senco, topic.id)).reference).toBe('Year 4 playtimes');

    const child = await buildCase(world.north.senco, { reference: 'B3F' });
    expect(
      (await world.north.senco.put(`/api/cases/${child.id}/reference`, { reference: 'b4f' })).json.case.reference,
    ).toBe('B4F');
    const notAChild = await world.north.senco.put(`/api/cases/${child.id}/reference`, { reference: 'Year 4 group' });
    expect(notAChild.status).toBe(400);
    expect(notAChild.json.error.code).toBe('invalid_reference');

    expect(auditDetails(topic.id)).toContain('reference: Year 4 friendships → Year 4 playtimes');
    expect(auditDetails(child.id)).toContain('reference: B3F → B4F');
  });

  it('keeps an old reference that had personal data out of the audit log', async () => {
    const topic = await buildCase(world.north.senco, { reference: 'Year 5 lunchtimes' });
    // A topic stored before the guard existed: written straight to the store.
    const { db } = openTestStore(server.dataDir);
    db.prepare('UPDATE cases SET reference = ? WHERE id = ?').run('Ben and Sara at lunch', topic.id);
    db.close();
    const changed = await world.north.senco.put(`/api/cases/${topic.id}/reference`, { reference: 'Year 5 lunchtimes' });
    expect(changed.status).toBe(200);
    const details = auditDetails(topic.id);
    expect(details).toContain('reference: words with personal data → Year 5 lunchtimes');
    expect(details.join(' ')).not.toContain('Ben');
  });

  it('lets nobody else change a reference', async () => {
    // Submitted to a session, so the locality's EP can see it (but not change it).
    const draft = await buildSession(world, { cases: ['Year 6 transition'], start: false });
    const topic = { id: draft.cases[0]?.id as string };
    const path = `/api/cases/${topic.id}/reference`;
    expect((await world.south.senco.put(path, { reference: 'Year 6 moves' })).status).toBe(404);
    expect((await world.south.ep.put(path, { reference: 'Year 6 moves' })).status).toBe(404);
    expect((await world.north.ep.put(path, { reference: 'Year 6 moves' })).status).toBe(403);
    expect((await caseView(world.north.senco, topic.id)).reference).toBe('Year 6 transition');
  });

  it('changes the agenda of a draft session too, and waits while the session is live', async () => {
    const draft = await buildSession(world, { cases: ['C5F'], start: false });
    const caseId = draft.cases[0]?.id as string;
    expect((await world.north.senco.put(`/api/cases/${caseId}/reference`, { reference: 'C6F' })).status).toBe(200);
    const session = (await world.north.ep.get(`/api/sessions/${draft.id}`)).json.session;
    expect(session.cases.map((item: { reference: string }) => item.reference)).toEqual(['C6F']);

    const live = await buildSession(world, { cases: ['D5M'] });
    const liveCase = live.cases[0]?.id as string;
    const refused = await world.north.senco.put(`/api/cases/${liveCase}/reference`, { reference: 'D6M' });
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe('case_in_live_session');
    expect((await caseView(world.north.senco, liveCase)).reference).toBe('D5M');
  });
});

describe('forms that save as they type', () => {
  it('saves the preparation form with a finding, shows "Personal data to check" until dismissed', async () => {
    const found = await buildCase(world.north.senco, { reference: 'E5M' });
    expect(found.personalDataToCheck).toBe(false);
    const saved = await world.north.senco.put(`/api/cases/${found.id}/preparation`, {
      currentSituation: 'Ben Smith says he finds lunch hard. Mum: 07700 900123.',
    });
    expect(saved.status).toBe(200);
    expect(saved.json.case.preparation.currentSituation).toBe('Ben Smith says he finds lunch hard. Mum: 07700 900123.');
    expect(saved.json.case.personalDataToCheck).toBe(true);
    expect((await privacy(world.north.senco, found.id)).toCheck).toEqual([{ place: 'preparation', count: 2 }]);
    const listed = (await world.north.senco.get('/api/cases?limit=100')).json.cases as CaseView[];
    expect(listed.find((item) => item.id === found.id)?.personalDataToCheck).toBe(true);

    expect((await dismiss(world.north.senco, found.id, 'name', 'Ben Smith')).json.toCheck).toEqual([
      { place: 'preparation', count: 1 },
    ]);
    const last = await dismiss(world.north.senco, found.id, 'phone', '07700 900123');
    expect(last.status).toBe(200);
    expect(last.json.toCheck).toEqual([]);
    expect((await caseView(world.north.senco, found.id)).personalDataToCheck).toBe(false);
  });

  it('clears the label when the finding is edited away', async () => {
    const found = await buildCase(world.north.senco, { reference: 'F5M' });
    await world.north.senco.put(`/api/cases/${found.id}/preparation`, { aim: 'Ring 07700 900123 after school.' });
    expect((await privacy(world.north.senco, found.id)).toCheck).toEqual([{ place: 'preparation', count: 1 }]);
    const fixed = await world.north.senco.put(`/api/cases/${found.id}/preparation`, { aim: 'Ring home after school.' });
    expect(fixed.json.case.personalDataToCheck).toBe(false);
    expect((await privacy(world.north.senco, found.id)).toCheck).toEqual([]);
  });

  it('checks the action plan and the review on every save', async () => {
    const found = await buildCase(world.north.senco, { reference: 'G5F' });
    const rows: ActionRow[] = [
      buildRow({ action: 'Jack Smith transition visits', who: 'Class teacher', successLooksLike: 'Call 07700 900123' }),
    ];
    const plan = await world.north.senco.put(`/api/cases/${found.id}/plan`, { version: 0, rows });
    expect(plan.status, JSON.stringify(plan.json)).toBe(200);
    expect((await privacy(world.north.senco, found.id)).toCheck).toEqual([{ place: 'plan', count: 2 }]);

    const review = await world.north.senco.put(`/api/cases/${found.id}/review`, {
      actions: [{ rowId: rows[0]?.id, impact: 'partly', note: 'Mum says kelly@example.com is best.' }],
      outcome: 'continue',
      note: '',
    });
    expect(review.status, JSON.stringify(review.json)).toBe(200);
    expect((await privacy(world.north.senco, found.id)).toCheck).toEqual([
      { place: 'plan', count: 2 },
      { place: 'review', count: 1 },
    ]);

    const fixedRows = [{ ...rows[0], action: 'Transition visits', successLooksLike: 'Settles by 9:15' }];
    expect((await world.north.senco.put(`/api/cases/${found.id}/plan`, { version: 1, rows: fixedRows })).status).toBe(
      200,
    );
    expect((await privacy(world.north.senco, found.id)).toCheck).toEqual([{ place: 'review', count: 1 }]);
    await dismiss(world.north.senco, found.id, 'email', 'kelly@example.com');
    expect((await privacy(world.north.senco, found.id)).toCheck).toEqual([]);
    expect((await caseView(world.north.senco, found.id)).personalDataToCheck).toBe(false);
  });

  it('lets only those who may dismiss do it', async () => {
    const found = await buildCase(world.north.senco, { reference: 'H5M', preparation: { aim: 'Ask Leo.' } });
    expect((await dismiss(world.south.senco, found.id, 'name', 'Leo')).status).toBe(404);
    expect((await privacy(world.north.senco, found.id)).toCheck).toEqual([{ place: 'preparation', count: 1 }]);
  });
});

describe.each(['docx', 'pdf'] as const)('the %s export', (extension) => {
  async function caseWithPlan(reference: string, preparation: { currentSituation: string }) {
    const found = await buildCase(world.north.senco, { reference, preparation });
    const saved = await world.north.senco.put(`/api/cases/${found.id}/plan`, {
      version: 0,
      rows: [buildRow({ action: 'Meet and greet at the gate', who: 'Class teacher' })],
    });
    if (saved.status !== 200) throw new Error(JSON.stringify(saved.json));
    return found;
  }

  it('is refused over a finding nobody dismissed, and runs once it is dismissed', async () => {
    const found = await caseWithPlan(extension === 'docx' ? 'J6M' : 'J7M', {
      currentSituation: 'Jack Smith finds the start of the day hard. Mum: 07700 900123.',
    });
    const refused = await world.north.senco.get(`/api/cases/${found.id}/plan.${extension}`);
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe('personal_data_to_check');
    expect(refused.json.findings).toEqual([
      { kind: 'name', place: 'preparation', text: 'Jack Smith' },
      { kind: 'phone', place: 'preparation', text: '07700 900123' },
    ]);
    // Only the flagged words, never the sentence around them.
    expect(JSON.stringify(refused.json)).not.toContain('start of the day');

    await dismiss(world.north.senco, found.id, 'name', 'Jack Smith');
    expect((await world.north.senco.get(`/api/cases/${found.id}/plan.${extension}`)).status).toBe(409);
    await dismiss(world.north.senco, found.id, 'phone', '07700 900123');
    const allowed = await world.north.senco.get(`/api/cases/${found.id}/plan.${extension}`);
    expect(allowed.status).toBe(200);
    const text = await exportText(extension, allowed.bytes);
    expect(text).toContain('Jack Smith finds the start of the day hard. Mum: 07700 900123.');
    const dismissed = new Set((await privacy(world.north.senco, found.id)).dismissed as string[]);
    expect(dismissed).toEqual(
      new Set([findingKey({ kind: 'name', text: 'Jack Smith' }), findingKey({ kind: 'phone', text: '07700 900123' })]),
    );
    const found_ = findPersonalData(guardedText(text));
    expect(found_.length).toBeGreaterThan(0);
    expect(undismissed(found_, dismissed)).toEqual([]);
  });

  it('runs once the finding is edited away, and the file holds no finding', async () => {
    const found = await caseWithPlan(extension === 'docx' ? 'K6M' : 'K7M', {
      currentSituation: 'Call Kelly on 07700 900123 about mornings.',
    });
    const refused = await world.north.senco.get(`/api/cases/${found.id}/plan.${extension}`);
    expect(refused.status).toBe(409);
    expect(refused.json.findings.map((finding: { kind: string }) => finding.kind).sort()).toEqual(['name', 'phone']);
    await world.north.senco.put(`/api/cases/${found.id}/preparation`, {
      currentSituation: 'Call home about mornings.',
    });
    const allowed = await world.north.senco.get(`/api/cases/${found.id}/plan.${extension}`);
    expect(allowed.status).toBe(200);
    const text = await exportText(extension, allowed.bytes);
    expect(text).toContain('Call home about mornings.');
    expect(findPersonalData(guardedText(text))).toEqual([]);
  });
});

describe('display names', () => {
  it('never reach an export: the names people join with are not in the Word or PDF file', async () => {
    const session = await buildSession(world, { cases: ['L5F'] });
    const caseId = session.cases[0]?.id as string;
    const displayName = 'Visiting adult Quill';
    const cookie = world.north.ep.cookie as string;
    const facilitator = await connect(server.url, { sessionId: session.id, role: 'facilitator' }, { cookie });
    const phone = await connect(server.url, {
      token: await joinAsPhone(server.url, session.joinCode as string, displayName),
    });
    try {
      await shareAndMark({ facilitator, phone }, [
        { kind: 'strategy', text: 'Meet and greet at the gate', helpful: true },
      ]);
      await goToStage(facilitator, 'action-plan');
      await facilitator.until((state) => state.plans[caseId] !== undefined);
      await facilitator.send({ type: 'session.end' });
    } finally {
      facilitator.close();
      phone.close();
    }
    const plan = (await world.north.senco.get(`/api/cases/${caseId}/plan`)).json.plan;
    const rows = [buildRow({ action: 'Meet and greet at the gate', who: 'Class teacher' })];
    expect((await world.north.senco.put(`/api/cases/${caseId}/plan`, { version: plan.version, rows })).status).toBe(
      200,
    );
    for (const extension of ['docx', 'pdf'] as const) {
      const result = await world.north.senco.get(`/api/cases/${caseId}/plan.${extension}`);
      expect(result.status, JSON.stringify(result.json)).toBe(200);
      const text = await exportText(extension, result.bytes);
      expect(text).toContain('Meet and greet at the gate');
      expect(text).not.toContain('Quill');
    }
  });
});
