import {
  currentCase,
  type DirectoryEntryFields,
  type DirectoryEntryView,
  type DirectorySuggestion,
  foldEvents,
  initialMeetingState,
  type MeetingEvent,
} from '@consultboard/domain';
import { parse } from 'csv-parse/sync';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { goToStage, openRoom } from './helpers/actionPlan.js';
import { exportText } from './helpers/exportText.js';
import { joinAsPhone, listAll } from './helpers/http.js';
import { connect, type MeetingClient } from './helpers/sockets.js';
import { startTestServer } from './helpers/testServer.js';
import { buildSession, buildWorld, type World } from './helpers/world.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let world: World;
const open: { close: () => void }[] = [];

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server.url);
});
afterEach(() => {
  for (const room of open.splice(0)) room.close();
});
afterAll(async () => {
  await server.close();
});

/** An entry's fields, plain and anonymous: an organisation, its generic line and e-mail. */
function fields(overrides: Partial<DirectoryEntryFields> = {}): DirectoryEntryFields {
  return {
    name: 'Autism outreach team',
    offer: 'Advice and training for schools on autism and social communication.',
    ageFrom: 4,
    ageTo: 16,
    areasOfNeed: ['communication-and-interaction'],
    eligibility: 'Pupils in mainstream schools of the county.',
    access: 'The SENCO refers through the local offer form.',
    contact: '0300 123 4567, outreach@council.example',
    website: 'https://localoffer.council.example/autism-outreach',
    lastChecked: '2026-09-01',
    ...overrides,
  };
}

async function addEntry(localityId: string | null, overrides: Partial<DirectoryEntryFields> = {}, who = world.admin) {
  const result = await who.post('/api/directory', { localityId, entry: fields(overrides) });
  expect(result.status, JSON.stringify(result.json)).toBe(201);
  return result.json.entry as DirectoryEntryView;
}

const HEADER =
  'Name,What it offers,Age from,Age to,Areas of need,Eligibility,How to access,Contact,Website,Last checked';

describe('the directory: entries', () => {
  it('adds, reads, changes and deletes an entry, and flags one not checked for 12 months', async () => {
    const entry = await addEntry(world.north.locality.id, { lastChecked: '2024-01-10' }, world.north.ep);
    expect(entry).toMatchObject({ name: 'Autism outreach team', localityName: world.north.locality.name });
    expect(entry.needsCheck).toBe(true);
    expect((await world.north.senco.get(`/api/directory/${entry.id}`)).json.entry.name).toBe('Autism outreach team');
    const changed = await world.north.ep.put(`/api/directory/${entry.id}`, {
      localityId: world.north.locality.id,
      entry: fields({ name: 'Autism outreach service', lastChecked: new Date().toISOString().slice(0, 10) }),
    });
    expect(changed.status).toBe(200);
    expect(changed.json.entry).toMatchObject({ name: 'Autism outreach service', needsCheck: false });
    // The SENCO reads but may not change; the other locality's people do not see it at all.
    expect((await world.north.senco.delete(`/api/directory/${entry.id}`)).status).toBe(403);
    expect((await world.south.ep.get(`/api/directory/${entry.id}`)).status).toBe(404);
    expect((await world.north.ep.delete(`/api/directory/${entry.id}`)).status).toBe(200);
    expect((await world.north.ep.get(`/api/directory/${entry.id}`)).status).toBe(404);
  });

  it('lists by locality with those for all localities, and searches name, offer and area of need', async () => {
    const north = world.north.locality.id;
    await addEntry(north, { name: 'Speech and language drop-in', offer: 'Drop-in advice sessions.' });
    await addEntry(world.south.locality.id, { name: 'South play therapy', offer: 'Play therapy.' });
    await addEntry(null, {
      name: 'County young carers service',
      offer: 'Support for young carers.',
      areasOfNeed: ['social-emotional-and-mental-health'],
    });
    const names = async (query: string, who = world.north.senco) =>
      ((await listAll<DirectoryEntryView>(who, `/api/directory?${query}`, 'entries')) ?? []).map((e) => e.name);
    expect(await names('')).toEqual(
      expect.arrayContaining(['Speech and language drop-in', 'County young carers service']),
    );
    expect(await names('')).not.toContain('South play therapy');
    expect(await names('q=drop-in')).toEqual(['Speech and language drop-in']);
    expect(await names('q=emotional%20health')).toEqual(['County young carers service']);
    expect(await names('q=carers', world.south.senco)).toEqual(['County young carers service']);
    // A locality the reader does not read is not there for them.
    expect((await world.north.senco.get(`/api/directory?localityId=${world.south.locality.id}`)).status).toBe(404);
    expect((await world.north.senco.get('/api/directory?colour=red')).status).toBe(400);
  });

  it('keeps an entry for all localities to the admin, and refuses bad input changing nothing', async () => {
    expect((await world.north.ep.post('/api/directory', { localityId: null, entry: fields() })).status).toBe(403);
    const bad = await world.admin.post('/api/directory', {
      localityId: world.north.locality.id,
      entry: fields({ website: 'javascript:alert(1)', ageFrom: 12, ageTo: 5 }),
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields).toMatchObject({
      'entry.website': expect.any(String),
      'entry.ageTo': expect.any(String),
    });
    const long = await world.admin.post('/api/directory', {
      localityId: world.north.locality.id,
      entry: fields({ offer: 'x'.repeat(1001) }),
    });
    expect(long.status).toBe(400);
  });

  it("refuses a person's contact details, but takes an organisation's line and generic e-mail", async () => {
    const north = world.north.locality.id;
    for (const [contact, word] of [
      ['07700 900123', 'mobile'],
      ['jane.smith@council.example', "person's e-mail"],
    ] as const) {
      const refused = await world.admin.post('/api/directory', { localityId: north, entry: fields({ contact }) });
      expect(refused.status, contact).toBe(400);
      expect(refused.json.error).toMatchObject({ code: 'personal_contact' });
      expect(refused.json.error.message).toContain(word);
    }
    const person = await world.admin.post('/api/directory', {
      localityId: north,
      entry: fields({ access: 'Ask for Mrs Patel on the duty line.' }),
    });
    expect(person.status).toBe(400);
    expect(person.json.error.message).toContain("person's name");
    await addEntry(north, { name: 'Family hub', contact: '01632 960 001, send.team@council.example' });
  });
});

describe('the directory: CSV', () => {
  it('imports a good file whole, and exports it with formula-looking cells neutralised', async () => {
    const csv = [
      HEADER,
      '"Sensory support service","Visits, advice and equipment loans",0,19,"Sensory and/or physical","Pupils with a diagnosed sensory need","Referral form on the website","0300 555 0101","https://sensory.example.org",2026-10-01',
      '"=HYPERLINK(""https://evil.example"")","+1 extra help",,,"Cognition and learning; Communication and interaction","","@SUM(A1) on the form","-0300 555 0102","",2026-10-02',
    ].join('\r\n');
    const imported = await world.north.ep.post('/api/directory/import', { localityId: world.north.locality.id, csv });
    expect(imported.status, JSON.stringify(imported.json)).toBe(201);
    expect(imported.json.imported).toBe(2);

    const exported = await world.north.ep.get(`/api/directory/export?localityId=${world.north.locality.id}`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toContain('text/csv');
    const rows = parse(exported.bytes, { bom: true }) as string[][];
    expect(rows[0]).toEqual(HEADER.split(','));
    const hostile = rows.find((row) => row[0]?.includes('HYPERLINK')) as string[];
    expect(hostile[0]).toBe(`'=HYPERLINK("https://evil.example")`);
    expect(hostile[1]).toBe(`'+1 extra help`);
    expect(hostile[4]).toBe('Cognition and learning; Communication and interaction');
    expect(hostile[6]).toBe(`'@SUM(A1) on the form`);
    expect(hostile[7]).toBe(`'-0300 555 0102`);
    // No cell of the file starts with a formula character.
    expect(rows.flat().filter((cell) => /^[=+\-@]/.test(cell))).toEqual([]);
    const sensory = rows.find((row) => row[0] === 'Sensory support service');
    expect(sensory).toEqual([
      'Sensory support service',
      'Visits, advice and equipment loans',
      '0',
      '19',
      'Sensory and/or physical',
      'Pupils with a diagnosed sensory need',
      'Referral form on the website',
      '0300 555 0101',
      'https://sensory.example.org',
      '2026-10-01',
    ]);

    // The exported file imports again as it was (the neutralising quote is read back off).
    const again = await world.admin.post('/api/directory/import', {
      localityId: world.south.locality.id,
      csv: exported.bytes.toString('utf8'),
    });
    expect(again.status, JSON.stringify(again.json)).toBe(201);
    const south = (await listAll<DirectoryEntryView>(world.south.ep, `/api/directory?q=hyperlink`, 'entries')) ?? [];
    expect(south.map((entry) => entry.name)).toEqual(['=HYPERLINK("https://evil.example")']);
  });

  it('refuses a file with a bad line whole, saying the line and why', async () => {
    const before = (await listAll(world.admin, '/api/directory', 'entries'))?.length;
    const csv = [
      HEADER,
      'Good service,Advice,5,11,Cognition and learning,,Phone the office,0300 555 0199,,2026-10-01',
      'Bad ages,Advice,11,5,Cognition and learning,,Phone the office,,,2026-10-01',
      'Bad area,Advice,,,Maths,,Phone the office,,,2026-10-01',
      'No date,Advice,,,,,Phone the office,,,',
      'A mobile,Advice,,,,,Text the worker,07700 900456,,2026-10-01',
    ].join('\n');
    const refused = await world.admin.post('/api/directory/import', { localityId: world.north.locality.id, csv });
    expect(refused.status).toBe(400);
    expect(refused.json.error.code).toBe('invalid_csv');
    expect(refused.json.error.message).toMatch(/^The file was not imported\. Line 3: /);
    expect(refused.json.problems.map((problem: { line: number }) => problem.line)).toEqual([3, 4, 5, 6]);
    expect(refused.json.problems[1].reason).toContain("'maths' is not an area of need");
    expect(refused.json.problems[3].reason).toContain('mobile');
    expect((await listAll(world.admin, '/api/directory', 'entries'))?.length).toBe(before);

    for (const [bad, reason] of [
      ['Name,What it offers\nA,B', "no column 'Age from'"],
      [`${HEADER},Colour\nA,B,,,,,C,,,2026-01-01,red`, 'columns we do not know'],
      [`${HEADER}\n"unclosed,quote`, 'not a CSV file we can read'],
      [`${HEADER}\nA,B,,,,,C,,,2026-01-01,extra`, 'cells'],
      [HEADER, 'no entries'],
    ]) {
      const answer = await world.admin.post('/api/directory/import', { localityId: null, csv: bad });
      expect(answer.status, bad).toBe(400);
      expect(answer.json.error.message).toContain(reason);
    }
    const tooMany = [HEADER, ...Array.from({ length: 1001 }, (_, i) => `S${i},Advice,,,,,Phone,,,2026-10-01`)];
    const big = await world.admin.post('/api/directory/import', { localityId: null, csv: tooMany.join('\n') });
    expect(big.status).toBe(400);
    expect(big.json.error.message).toContain('at most 1000 entries');
    const huge = await world.admin.post('/api/directory/import', { localityId: null, csv: 'x'.repeat(400_001) });
    expect(huge.status).toBe(400);
    // Refused before it is read whole, so the connection closes: not one to keep for the next request.
    const tooLarge = await world.admin.post(
      '/api/directory/import',
      { localityId: null, csv: 'x'.repeat(1_700_000) },
      { connection: 'close' },
    );
    expect(tooLarge.status).toBe(413);
    expect((await listAll(world.admin, '/api/directory', 'entries'))?.length).toBe(before);
  });

  it('lets only those who manage the locality import: another locality is not there, a SENCO may not', async () => {
    const csv = `${HEADER}\nA service,Advice,,,,,Phone the office,,,2026-10-01`;
    const north = world.north.locality.id;
    expect((await world.south.ep.post('/api/directory/import', { localityId: north, csv })).status).toBe(404);
    expect((await world.north.senco.post('/api/directory/import', { localityId: north, csv })).status).toBe(403);
    expect((await world.admin.post('/api/directory/import', { localityId: 'no-such-locality', csv })).status).toBe(404);
  });
});

/** Asks the Resource box's suggestions over a meeting socket. */
function suggest(client: MeetingClient, q: unknown) {
  return (client.socket.timeout(5000) as any).emitWithAck('suggest', { q }) as Promise<
    { ok: true; suggestions: DirectorySuggestion[] } | { ok: false; code: string }
  >;
}

describe('signposting in the room', () => {
  it('suggests entries of the session locality to a phone, links a Resource card, and lists it in the exports', async () => {
    const north = world.north.locality.id;
    const outreach = await addEntry(north, {
      name: 'Behaviour outreach team',
      offer: 'Classroom observation and advice on behaviour.',
      areasOfNeed: ['social-emotional-and-mental-health'],
      access: 'Referral by the SENCO through the inclusion hub.',
    });
    const southern = await addEntry(world.south.locality.id, { name: 'Behaviour support south' });
    const session = await buildSession(world, { cases: ['B7M'] });
    const room = await openRoom(server.url, world, session);
    open.push(room);

    const answer = await suggest(room.phone, 'behaviour');
    expect(answer.ok).toBe(true);
    const found = answer.ok ? answer.suggestions : [];
    expect(found.map((s) => s.name)).toContain('Behaviour outreach team');
    expect(found.map((s) => s.name)).not.toContain('Behaviour support south');
    expect(found.find((s) => s.id === outreach.id)).toEqual({
      id: outreach.id,
      name: 'Behaviour outreach team',
      offer: 'Classroom observation and advice on behaviour.',
      access: 'Referral by the SENCO through the inclusion hub.',
      areasOfNeed: ['social-emotional-and-mental-health'],
    });
    // By what it offers and by its area of need too, not only by name.
    const names = async (q: string) => {
      const answer = await suggest(room.phone, q);
      return answer.ok ? answer.suggestions.map((s) => s.name) : [`refused: ${answer.code}`];
    };
    expect(await names('classroom observation')).toEqual(['Behaviour outreach team']);
    expect(await names('emotional')).toContain('Behaviour outreach team');
    expect(await names('emotional')).not.toContain('Behaviour support south');
    expect(await names('sensory')).not.toContain('Behaviour outreach team');
    expect(await suggest(room.phone, 'x'.repeat(101))).toMatchObject({ ok: false, code: 'invalid_payload' });
    expect(await suggest(room.projector, 'behaviour')).toMatchObject({ ok: false, code: 'forbidden' });

    await goToStage(room.facilitator, 'strategies-and-resources');
    const caseId = currentCase(room.facilitator.state)?.id as string;
    const card = { type: 'card.add' as const, caseId, stageId: 'strategies-and-resources' };
    // An entry of another locality, or a link on a Strategy card, is refused and adds nothing.
    const other = await room.phone.send({
      ...card,
      kind: 'resource',
      text: 'Behaviour support',
      directoryEntryId: southern.id,
    });
    expect(other).toMatchObject({ ok: false, code: 'no_such_service' });
    const strategy = await room.phone.send({
      ...card,
      kind: 'strategy',
      text: 'Outreach',
      directoryEntryId: outreach.id,
    });
    expect(strategy).toMatchObject({ ok: false, code: 'no_such_service' });
    expect(room.facilitator.state.cards).toHaveLength(0);

    const linked = await room.phone.send({
      ...card,
      id: 'card-linked-outreach-1',
      kind: 'resource',
      text: 'Behaviour outreach team',
      directoryEntryId: outreach.id,
    });
    expect(linked).toMatchObject({ ok: true });
    const service = { id: outreach.id, name: outreach.name, access: outreach.access };
    for (const client of [room.facilitator, room.projector, room.phone])
      expect((await client.until((s) => s.cards.length === 1)).cards[0]?.service).toEqual(service);

    // Marked helpful, it drafts a row that keeps the link; the export lists the service with how to access it.
    await goToStage(room.facilitator, 'feedback');
    expect(
      await room.facilitator.send({ type: 'card.helpful', cardId: 'card-linked-outreach-1', helpful: true }),
    ).toMatchObject({
      ok: true,
    });
    await goToStage(room.facilitator, 'action-plan');
    const drafted = await room.facilitator.until((s) => (s.plans[caseId]?.rows.length ?? 0) > 0);
    expect(drafted.plans[caseId]?.rows[0]).toMatchObject({
      fromCardId: 'card-linked-outreach-1',
      serviceId: outreach.id,
    });
    const planView = (await world.north.senco.get(`/api/cases/${caseId}/plan`)).json.plan;
    expect(planView.services).toEqual([service]);
    for (const extension of ['docx', 'pdf'] as const) {
      const file = await world.north.senco.get(`/api/cases/${caseId}/plan.${extension}`);
      expect(file.status, JSON.stringify(file.json)).toBe(200);
      const text = await exportText(extension, file.bytes);
      expect(text).toContain('Services signposted');
      expect(text).toContain('Behaviour outreach team: Referral by the SENCO through the inclusion hub.');
      // The school's evidence pack lists it too, with the case it was signposted for.
      const pack = await world.north.senco.get(`/api/evidence-pack.${extension}?from=2025-09-01&to=2027-08-31`);
      expect(pack.status, JSON.stringify(pack.json)).toBe(200);
      expect((await exportText(extension, pack.bytes)).replace(/\s+/g, ' ')).toMatch(
        /Behaviour outreach team: Referral by the SENCO through the inclusion hub\. \([A-Z0-9]+/,
      );
    }
  });

  it('answers each person a few suggestions at a time, within their budget, across their sockets', async () => {
    const limited = await startTestServer(undefined, { meeting: { suggestions: { limit: 3, windowMs: 60_000 } } });
    try {
      const small = await buildWorld(limited.url);
      for (let i = 0; i < 8; i++)
        await addEntry(small.north.locality.id, { name: `Outreach service ${i}`, offer: 'Outreach.' }, small.admin);
      const session = await buildSession(small, { cases: ['R4F'] });
      const room = await openRoom(limited.url, small, session);
      open.push(room);
      const token = await joinAsPhone(limited.url, session.joinCode as string, 'SENCO C');
      const phone = await connect(limited.url, { token });
      const sameToken = await connect(limited.url, { token });
      open.push(phone, sameToken);
      const first = await suggest(phone, 'outreach');
      expect(first.ok && first.suggestions.length).toBe(6);
      expect((await suggest(phone, 'outreach')).ok).toBe(true);
      // A second socket of the same phone shares its budget.
      expect((await suggest(sameToken, 'outreach')).ok).toBe(true);
      expect(await suggest(phone, 'outreach')).toMatchObject({ ok: false, code: 'rate_limited' });
      expect(await suggest(sameToken, 'outreach')).toMatchObject({ ok: false, code: 'rate_limited' });
      // Another phone, and the console, have budgets of their own.
      expect((await suggest(room.phone, 'outreach')).ok).toBe(true);
      expect((await suggest(room.facilitator, 'outreach')).ok).toBe(true);
    } finally {
      for (const room of open.splice(0)) room.close();
      await limited.close();
    }
  });

  it('folds a meeting log written before cards could link, and one with a link, the same way', () => {
    const base = { caseId: 'c1', stageId: 'strategies-and-resources', kind: 'resource' as const, author: 'SENCO A' };
    const events: MeetingEvent[] = [
      { seq: 1, at: 1, type: 'card.added', card: { ...base, id: 'old', text: 'Local offer', createdAt: 1 } },
      {
        seq: 2,
        at: 2,
        type: 'card.added',
        card: {
          ...base,
          id: 'new',
          text: 'Outreach',
          createdAt: 2,
          service: { id: 'e1', name: 'Outreach', access: 'Refer' },
        },
      },
    ];
    const state = foldEvents(initialMeetingState, events);
    expect(state.cards.map((c) => [c.id, c.service?.name ?? null])).toEqual([
      ['old', null],
      ['new', 'Outreach'],
    ]);
  });
});
