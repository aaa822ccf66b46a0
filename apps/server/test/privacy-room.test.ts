import { cardsOfStage, findPersonalData, heldCards, notesDocName } from '@consultboard/domain';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { privacyRepo } from '../src/db/privacy.js';
import { exportText, guardedText } from './helpers/exportText.js';
import { joinAsPhone } from './helpers/http.js';
import { type NotesClient, notesOnDisk, notesToken, openNotes, waitFor } from './helpers/notes.js';
import { connect, type MeetingClient } from './helpers/sockets.js';
import { openTestStore } from './helpers/store.js';
import { startTestServer } from './helpers/testServer.js';
import { buildSession, buildWorld, type World } from './helpers/world.js';

// Issue 10, items 2 and 4: the privacy guard in the live meeting. The words are invented and are exactly what the
// guard is there to catch ("Ben", "Ben Smith", an Ofcom drama number).

let server: Awaited<ReturnType<typeof startTestServer>>;
let world: World;
const open: MeetingClient[] = [];
const notes: NotesClient[] = [];

beforeAll(async () => {
  server = await startTestServer(undefined, { notes: { idleRoomMs: 300, compactAfterUpdates: 500 } });
  world = await buildWorld(server.url);
});
afterEach(() => {
  for (const client of open.splice(0)) client.close();
  for (const client of notes.splice(0)) client.destroy();
});
afterAll(async () => {
  await server.close();
});

const NAMED = 'Ask Ben what he would like at lunch';

/** A live session at Clarifying questions: the EP's console, the board, SENCO A and SENCO B on phones. */
async function liveRoom() {
  const session = await buildSession(world);
  const code = session.joinCode as string;
  const ep = world.north.ep;
  const facilitator = await connect(server.url, { sessionId: session.id, role: 'facilitator' }, { cookie: ep.cookie });
  const projector = await connect(server.url, { sessionId: session.id, role: 'projector' }, { cookie: ep.cookie });
  const a = await connect(server.url, { token: await joinAsPhone(server.url, code, 'SENCO A') });
  const b = await connect(server.url, { token: await joinAsPhone(server.url, code, 'SENCO B') });
  open.push(facilitator, projector, a, b);
  for (let i = 0; i < 2; i++) await facilitator.send({ type: 'stage.next' });
  for (const client of [projector, a, b]) await client.until((state) => state.stageIndex === 2);
  const caseId = facilitator.state.cases[0]?.id as string;
  const card = (id: string, text: string, forCheck?: true) =>
    ({
      id,
      type: 'card.add',
      caseId,
      stageId: 'clarifying-questions',
      kind: 'question',
      text,
      ...(forCheck ? { forCheck } : {}),
    }) as const;
  return { session, ep, facilitator, projector, a, b, caseId, card, room: [projector, a, b] };
}

/** Lets any stray broadcast arrive before a test says it never came. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

describe('cards that look like personal data (issue 10, item 2)', () => {
  it('a card with a finding is refused with the finding, stored nowhere and sent to nobody', async () => {
    const { facilitator, a, card, room } = await liveRoom();
    const seq = facilitator.state.seq;
    const ack = await a.send(card('card-named-00001', NAMED));
    expect(ack).toMatchObject({ ok: false, code: 'personal_data' });
    expect(!ack.ok && ack.findings).toEqual([expect.objectContaining({ kind: 'name', text: 'Ben', start: 4, end: 7 })]);
    await settle();
    expect(facilitator.state.seq).toBe(seq);
    for (const client of [facilitator, ...room]) expect(client.sawText('Ask Ben')).toBe(false);
  });

  it('a card sent for checking is held: the console lists it, the board and phones never get its words', async () => {
    const { facilitator, a, card, room } = await liveRoom();
    expect(await a.send(card('card-held-000001', NAMED, true))).toMatchObject({ ok: true });
    await facilitator.until((state) => heldCards(state).length === 1);
    expect(heldCards(facilitator.state)[0]).toMatchObject({ text: NAMED, held: true });
    expect(cardsOfStage(facilitator.state, 'clarifying-questions', { includeHidden: true })).toEqual([]);
    for (const client of room) await client.until((state) => state.cards.length === 1);
    // The sending phone knows its card is held (by its id), without its words coming back.
    expect(a.state.cards[0]).toMatchObject({ id: 'card-held-000001', held: true, text: '' });
    await settle();
    for (const client of room) {
      expect(client.sawText('Ben')).toBe(false);
      expect(cardsOfStage(client.state, 'clarifying-questions')).toEqual([]);
    }
  });

  it('Show puts it on the board as it was: phones and the board get its words only then', async () => {
    const { facilitator, a, card, room } = await liveRoom();
    await a.send(card('card-held-000002', NAMED, true));
    await facilitator.until((state) => heldCards(state).length === 1);
    expect(await facilitator.send({ type: 'card.release', cardId: 'card-held-000002' })).toMatchObject({ ok: true });
    for (const client of [facilitator, ...room]) {
      await client.until((state) => cardsOfStage(state, 'clarifying-questions').length === 1);
      expect(cardsOfStage(client.state, 'clarifying-questions')[0]?.text).toBe(NAMED);
    }
    expect(heldCards(facilitator.state)).toEqual([]);
  });

  it('a phone cannot show or remove its own held card (only the console may)', async () => {
    const { facilitator, a, b, card, projector } = await liveRoom();
    await a.send(card('card-held-000003', NAMED, true));
    await facilitator.until((state) => heldCards(state).length === 1);
    const seq = facilitator.state.seq;
    for (const client of [a, b, projector]) {
      expect(await client.send({ type: 'card.release', cardId: 'card-held-000003' })).toMatchObject({
        ok: false,
        code: 'forbidden',
      });
      expect(
        await client.send({ type: 'card.release', cardId: 'card-held-000003', text: 'Shown by a phone' }),
      ).toMatchObject({ code: 'forbidden' });
      expect(await client.send({ type: 'card.remove', cardId: 'card-held-000003' })).toMatchObject({
        code: 'forbidden',
      });
    }
    // Nor by the back door of Show for hidden cards, which is the console's and refuses a held card anyway.
    expect(await a.send({ type: 'card.hide', cardId: 'card-held-000003', hidden: false })).toMatchObject({
      code: 'forbidden',
    });
    expect(await facilitator.send({ type: 'card.hide', cardId: 'card-held-000003', hidden: false })).toMatchObject({
      code: 'no_such_card',
    });
    await settle();
    expect(facilitator.state.seq).toBe(seq);
    expect(a.sawText('Ben')).toBe(false);
  });

  it('Edit and show: the room gets the EP’s words, never the first ones', async () => {
    const { session, facilitator, a, card, room } = await liveRoom();
    await a.send(card('card-held-000004', NAMED, true));
    await facilitator.until((state) => heldCards(state).length === 1);
    const edited = 'Ask J5M what he would like at lunch';
    expect(await facilitator.send({ type: 'card.release', cardId: 'card-held-000004', text: edited })).toMatchObject({
      ok: true,
    });
    for (const client of [facilitator, ...room]) {
      await client.until((state) => cardsOfStage(state, 'clarifying-questions')[0]?.text === edited);
    }
    await settle();
    for (const client of room) expect(client.sawText('Ben')).toBe(false);
    // Nor in a replay: a phone joining now gets the card in the EP's words only.
    const late = await connect(server.url, {
      token: await joinAsPhone(server.url, session.joinCode as string, 'SENCO C'),
    });
    open.push(late);
    expect(cardsOfStage(late.state, 'clarifying-questions')[0]?.text).toBe(edited);
    expect(late.sawText('Ben')).toBe(false);
  });

  it('Remove: the card is gone, its words forgotten on every screen, late ones included', async () => {
    const { session, ep, facilitator, a, card, room } = await liveRoom();
    await a.send(card('card-held-000005', NAMED, true));
    await facilitator.until((state) => heldCards(state).length === 1);
    expect(await facilitator.send({ type: 'card.remove', cardId: 'card-held-000005' })).toMatchObject({ ok: true });
    for (const client of [facilitator, ...room]) {
      await client.until((state) => state.cards[0]?.withdrawn === true);
      expect(client.state.cards[0]?.text).toBe('');
    }
    expect(heldCards(facilitator.state)).toEqual([]);
    const late = await connect(server.url, { sessionId: session.id, role: 'facilitator' }, { cookie: ep.cookie });
    open.push(late);
    expect(late.state.cards[0]).toMatchObject({ withdrawn: true, text: '' });
    for (const client of room) expect(client.sawText('Ben')).toBe(false);
  });

  it('an author’s edit that names someone is refused, or holds the card when sent for checking', async () => {
    const { facilitator, a, card, room } = await liveRoom();
    await a.send(card('card-clean-00001', 'What helps at lunch?'));
    for (const client of room) await client.until((state) => state.cards.length === 1);
    expect(await a.send({ type: 'card.edit', cardId: 'card-clean-00001', text: NAMED })).toMatchObject({
      ok: false,
      code: 'personal_data',
    });
    expect(await a.send({ type: 'card.edit', cardId: 'card-clean-00001', text: NAMED, forCheck: true })).toMatchObject({
      ok: true,
    });
    await facilitator.until((state) => heldCards(state).length === 1);
    for (const client of room) {
      await client.until((state) => state.cards[0]?.held === true);
      expect(cardsOfStage(client.state, 'clarifying-questions')).toEqual([]);
    }
    await settle();
    // The author was told what was found in its own words (the refusal); nobody else is sent them.
    for (const client of room.filter((client) => client !== a)) expect(client.sawText('Ben')).toBe(false);
  });

  it('words the EP said are not personal pass, and the EP’s own cards are not held', async () => {
    const { facilitator, a, card, caseId, room, ep } = await liveRoom();
    const dismissed = await ep.post(`/api/cases/${caseId}/privacy/dismissals`, { kind: 'name', text: 'Ben' });
    expect(dismissed.status).toBe(200);
    expect(await a.send(card('card-dismissed-01', NAMED))).toMatchObject({ ok: true });
    expect(await facilitator.send(card('card-of-the-ep-1', 'Ring 07700 900123'))).toMatchObject({ ok: true });
    for (const client of room) await client.until((state) => cardsOfStage(state, 'clarifying-questions').length === 2);
  });
});

describe('Check before keeping (issue 10, item 4)', () => {
  /** A room whose first case has "Ben Smith" in its notes, on a card and in its plan. */
  async function roomWithFindings() {
    const world_ = await liveRoom();
    const { session, ep, facilitator, caseId, card } = world_;
    const token = await notesToken(ep, session.id, 'facilitator');
    const writer = await openNotes(server.url, notesDocName(caseId), token);
    const reader = await openNotes(server.url, notesDocName(caseId), token);
    notes.push(writer, reader);
    writer.write("Ben Smith's mum says mornings are hard.", 'current-situation');
    await waitFor(() => reader.paragraphs('current-situation').length === 1);
    await facilitator.send(card('card-ep-named-01', 'Could Ben Smith have a quiet space?'));
    await facilitator.send({
      type: 'plan.update',
      caseId,
      version: 0,
      rows: [
        {
          id: 'row-1',
          action: 'Visual timetable',
          who: 'Mrs Patel',
          byWhen: '',
          successLooksLike: 'Calmer mornings',
          reviewDate: '',
          areaOfNeed: null,
          fromCardId: null,
        },
      ],
    });
    const check = `/api/sessions/${session.id}/cases/${caseId}/privacy-check`;
    return { ...world_, writer, reader, check };
  }

  it('finds the names in the notes, on a card and in the plan, each with its place and context', async () => {
    const { ep, check } = await roomWithFindings();
    const answer = await ep.get(check);
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ reference: 'J5M', child: true });
    const places = answer.json.findings.map((finding: any) => [finding.place.type, finding.text, finding.placeLabel]);
    expect(places).toEqual(
      expect.arrayContaining([
        ['notes', 'Ben Smith', 'Notes, Current situation'],
        ['card', 'Ben Smith', 'Card, Clarifying questions'],
        ['plan', 'Patel', 'Action plan, row 1, Who'],
      ]),
    );
    const inNotes = answer.json.findings.find((finding: any) => finding.place.type === 'notes');
    expect(inNotes.context).toEqual({ before: '', match: 'Ben Smith', after: "'s mum says mornings are hard." });
  });

  it('Replace with… in the notes is an edit of the live room: connected copies converge, and it is stored', async () => {
    const { ep, check, reader, writer, caseId } = await roomWithFindings();
    const replaced = await ep.post(`${check}/replace`, {
      place: { type: 'notes', stageId: 'current-situation' },
      kind: 'name',
      text: 'Ben Smith',
      replacement: 'J5M',
    });
    expect(replaced.status).toBe(200);
    expect(replaced.json.replaced).toBe(1);
    const expected = "J5M's mum says mornings are hard.";
    for (const client of [reader, writer])
      await waitFor(() => client.paragraphs('current-situation')[0] === expected, 5000, 'did not converge');
    // The copies are the same document, not merely the same words.
    expect(Y.encodeStateVector(reader.doc)).toEqual(Y.encodeStateVector(writer.doc));
    // Stored: read back from the SQLite file as a restarted server or an export would.
    const disk = notesOnDisk(server.dataDir, caseId);
    expect(disk.getXmlFragment('stage:current-situation').toString()).toContain(expected);
    const after = await ep.get(check);
    expect(after.json.findings.filter((finding: any) => finding.place.type === 'notes')).toEqual([]);
  });

  it('Replace with… on a card and in the plan changes them for every screen', async () => {
    const { ep, check, facilitator, projector, caseId } = await roomWithFindings();
    const cardId = 'card-ep-named-01';
    // A replacement that is itself personal data is refused, and changes nothing.
    const bad = await ep.post(`${check}/replace`, {
      place: { type: 'card', cardId },
      kind: 'name',
      text: 'Ben Smith',
      replacement: 'Kelly',
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('personal_data');
    const card = await ep.post(`${check}/replace`, {
      place: { type: 'card', cardId },
      kind: 'name',
      text: 'Ben Smith',
      replacement: 'J5M',
    });
    expect(card.status).toBe(200);
    for (const client of [facilitator, projector])
      await client.until((state) => state.cards.find((c) => c.id === cardId)?.text.startsWith('Could J5M') === true);
    const plan = await ep.post(`${check}/replace`, {
      place: { type: 'plan', rowId: 'row-1', field: 'who' },
      kind: 'name',
      text: 'Patel',
      replacement: 'class teacher',
    });
    expect(plan.status).toBe(200);
    await projector.until((state) => state.plans[caseId]?.rows[0]?.who === 'Mrs class teacher');
    // Words that are no longer there are a conflict, not a silent success.
    const gone = await ep.post(`${check}/replace`, {
      place: { type: 'card', cardId },
      kind: 'name',
      text: 'Ben Smith',
      replacement: 'J5M',
    });
    expect(gone.status).toBe(409);
  });

  it('after every finding is replaced, the Word and PDF exports of the case hold no finding', async () => {
    const { ep, check, caseId } = await roomWithFindings();
    // Before the check, the export refuses: the plan's row names an adult and the notes a child.
    expect((await ep.get(`/api/cases/${caseId}/plan.docx`)).status).toBe(409);
    const replacements = [
      { place: { type: 'notes', stageId: 'current-situation' }, kind: 'name', text: 'Ben Smith', replacement: 'J5M' },
      { place: { type: 'card', cardId: 'card-ep-named-01' }, kind: 'name', text: 'Ben Smith', replacement: 'J5M' },
      { place: { type: 'plan', rowId: 'row-1', field: 'who' }, kind: 'name', text: 'Patel', replacement: 'TA' },
    ];
    for (const body of replacements) expect((await ep.post(`${check}/replace`, body)).status).toBe(200);
    expect((await ep.get(check)).json.findings).toEqual([]);
    for (const extension of ['docx', 'pdf'] as const) {
      const file = await ep.get(`/api/cases/${caseId}/plan.${extension}`);
      expect(file.status, extension).toBe(200);
      const text = await exportText(extension, file.bytes);
      expect(text).toContain("J5M's mum says mornings are hard.");
      expect(findPersonalData(guardedText(text)), extension).toEqual([]);
    }
  });

  it('Not personal dismisses the words for the case: they leave the list', async () => {
    const { ep, check, caseId } = await roomWithFindings();
    expect((await ep.post(`/api/cases/${caseId}/privacy/dismissals`, { kind: 'name', text: 'Patel' })).status).toBe(
      200,
    );
    const after = await ep.get(check);
    expect(after.json.findings.some((finding: any) => finding.text === 'Patel')).toBe(false);
    expect(after.json.findings.some((finding: any) => finding.text === 'Ben Smith')).toBe(true);
  });

  it('Keep without checking is recorded in the audit log and marks the case to check', async () => {
    const { ep, check, caseId } = await roomWithFindings();
    const kept = await ep.post(`${check}/keep`, {});
    expect(kept.status).toBe(200);
    expect(kept.json.toCheck).toBeGreaterThanOrEqual(3);
    const db = openTestStore(server.dataDir).db;
    try {
      const audit = db
        .prepare("SELECT action, detail FROM audit_log WHERE entity_id = ? AND action = 'privacy.unchecked'")
        .all(caseId) as { action: string; detail: string }[];
      expect(audit).toHaveLength(1);
      expect(audit[0]?.detail).not.toContain('Ben');
      // The plan's own count is kept as the plan is written; keeping adds the minutes' mark beside it.
      expect(privacyRepo(db).toCheck(caseId)).toContainEqual({ place: 'minutes', count: kept.json.toCheck });
    } finally {
      db.close();
    }
    const privacy = await ep.get(`/api/cases/${caseId}/privacy`);
    expect(privacy.json.toCheck).toContainEqual({ place: 'minutes', count: kept.json.toCheck });
  });

  it('refuses bad input and changes nothing', async () => {
    const { ep, check } = await roomWithFindings();
    for (const body of [
      {},
      { place: { type: 'notes', stageId: 'current-situation' }, kind: 'name', text: 'Ben', replacement: '' },
      { place: { type: 'notes', stageId: 'nope' }, kind: 'name', text: 'Ben', replacement: 'J5M' },
      { place: { type: 'plan', rowId: 'row-1', field: 'byWhen' }, kind: 'name', text: 'Ben', replacement: 'J5M' },
      { place: { type: 'card', cardId: 'x' }, kind: 'secret', text: 'Ben', replacement: 'J5M' },
      { place: { type: 'card', cardId: 'x' }, kind: 'name', text: 'Ben', replacement: 'x'.repeat(81) },
    ]) {
      const answer = await ep.post(`${check}/replace`, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
    }
    expect((await ep.post(`${check}/keep`, { extra: 1 })).status).toBe(400);
    const still = await ep.get(check);
    expect(still.json.findings.length).toBeGreaterThanOrEqual(3);
  });
});
