import {
  type AccessActor,
  type AccessTarget,
  type Action,
  allowed,
  allowedOnCase,
  DEFAULT_STAGES,
  DIRECTORY_CSV_COLUMNS,
  reachesAnything,
} from '@consultboard/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRow } from './helpers/actionPlan.js';
import { Browser, listAll } from './helpers/http.js';
import { ROLES, type Role, roleActors, roleBrowsers } from './helpers/roles.js';
import { connect } from './helpers/sockets.js';
import { startTestServer } from './helpers/testServer.js';
import { buildCase, buildSession, buildWorld, invite, type World } from './helpers/world.js';

/**
 * The authorisation matrix of the HTTP API: every route, called as every role, must answer as the domain's
 * ACCESS table says (the expectations are derived from `allowed()`, so the table is the single truth).
 * The socket events are in access-matrix-sockets.test.ts.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
let world: World;
let browsers: Record<Role, Browser>;
let actors: Record<Role, AccessActor | null>;
let unique = 0;
const next = () => `${++unique}`;

/**
 * How a resource's target is judged: as a case (EPs reach only submitted ones), a session, a plain place, or a
 * list (allowed to whoever the action reaches anywhere; the list itself is filtered).
 */
type Judge =
  | { kind: 'case'; target: { schoolId: string; localityId: string; submitted: boolean } }
  | {
      kind: 'session' | 'place';
      target: AccessTarget;
    }
  /** Issue 13: a directory entry of a locality, seen by whoever reads that locality's directory. */
  | { kind: 'directory'; target: AccessTarget }
  | { kind: 'list' }
  /** Minutes (issue 12): whoever may not read them is told they do not exist. */
  | { kind: 'minutes'; target: AccessTarget };

interface Prepared {
  path: string;
  body?: unknown;
  judge?: Judge;
}

interface RouteRow {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  route: string;
  /** The ACCESS action the route needs; 'public' needs nothing, 'signedIn' only an account (lists filter). */
  action: Action | 'public' | 'signedIn';
  /** 'resource': 404 to who cannot read it, 403 to who reads it but may not act. 'create': 403 to roles with no
   * grant for the action at all, then as a resource for the place it creates in. */
  kind?: 'resource' | 'create';
  ok: number;
  prepare: (role: Role) => Promise<Prepared>;
}

const here = () => world.north;
const caseJudge = (submitted: boolean): Judge => ({
  kind: 'case',
  target: { schoolId: here().school.id, localityId: here().locality.id, submitted },
});
const sessionJudge = (): Judge => ({ kind: 'session', target: { localityId: here().locality.id } });

async function draftSession() {
  return buildSession(world, { start: false, cases: ['K2F'] });
}
async function submittedCase(reference = 'L3M') {
  const session = await draftSession();
  return buildCase(here().senco, { reference, submitTo: session.id });
}

/** A submitted case with an (empty) action plan, written by its SENCO. */
async function caseWithPlan(reference = 'S9M') {
  const item = await submittedCase(reference);
  const put = await here().senco.put(`/api/cases/${item.id}/plan`, { version: 0, rows: [] });
  if (put.status !== 200) throw new Error(`plan failed: ${JSON.stringify(put.json)}`);
  return item;
}

/** A directory entry's fields (issue 13): an organisation, plain and anonymous. */
const directoryEntry = (name: string) => ({
  name,
  offer: 'Advice for schools.',
  ageFrom: null,
  ageTo: null,
  areasOfNeed: [],
  eligibility: '',
  access: 'Phone the office.',
  contact: '0300 123 4567',
  website: '',
  lastChecked: '2026-10-01',
});

const planRow = {
  id: 'row-1',
  action: 'Meet and greet at the gate',
  who: 'Class teacher',
  byWhen: '',
  successLooksLike: '',
  reviewDate: '',
  areaOfNeed: null,
  fromCardId: null,
};

/** Minutes of a case of the north school, kept when its session ended (made once, read by every role). */
let northMinutes: Promise<string> | undefined;
function minutesHere(): Promise<string> {
  northMinutes ??= (async () => {
    const session = await buildSession(world, { cases: ['M1F'] });
    const console = await connect(
      server.url,
      { sessionId: session.id, role: 'facilitator' },
      { cookie: here().ep.cookie },
    );
    const ended = await console.send({ type: 'session.end' });
    console.close();
    if (!ended.ok) throw new Error('the session did not end');
    const listed = await world.admin.get('/api/minutes');
    return listed.json.sessions.find((item: { id: string }) => item.id === session.id).cases[0].id as string;
  })();
  return northMinutes;
}
const minutesJudge = (): Judge => ({
  kind: 'minutes',
  target: { schoolId: here().school.id, localityId: here().locality.id },
});

/** EVERY HTTP route, with the action it needs and its target. */
const ROUTES: RouteRow[] = [
  { method: 'GET', route: '/api/setup', action: 'public', ok: 200, prepare: async () => ({ path: '/api/setup' }) },
  { method: 'GET', route: '/api/health', action: 'public', ok: 200, prepare: async () => ({ path: '/api/health' }) },
  {
    method: 'POST',
    route: '/api/auth/sign-out',
    action: 'public',
    ok: 204,
    // Signs out a second browser of the same account, so the caller's own cookie keeps working.
    prepare: async () => ({ path: '/api/auth/sign-out' }),
  },
  {
    method: 'GET',
    route: '/api/auth/me',
    action: 'signedIn',
    ok: 200,
    prepare: async () => ({ path: '/api/auth/me' }),
  },
  {
    method: 'GET',
    route: '/api/localities',
    action: 'signedIn',
    ok: 200,
    prepare: async () => ({ path: '/api/localities' }),
  },
  {
    method: 'POST',
    route: '/api/localities',
    action: 'locality.manage',
    kind: 'create',
    ok: 201,
    prepare: async () => ({
      path: '/api/localities',
      body: { name: `Matrix locality ${next()}` },
      judge: { kind: 'place', target: {} },
    }),
  },
  {
    method: 'GET',
    route: '/api/schools',
    action: 'signedIn',
    ok: 200,
    prepare: async () => ({ path: '/api/schools' }),
  },
  {
    method: 'POST',
    route: '/api/schools',
    action: 'school.manage',
    kind: 'create',
    ok: 201,
    prepare: async () => ({
      path: '/api/schools',
      body: { name: `Matrix Primary ${next()}`, localityId: here().locality.id },
      judge: { kind: 'place', target: {} },
    }),
  },
  {
    method: 'GET',
    route: '/api/people',
    action: 'person.manage',
    kind: 'create',
    ok: 200,
    prepare: async () => ({ path: '/api/people', judge: { kind: 'list' } }),
  },
  {
    method: 'POST',
    route: '/api/people/invite',
    action: 'person.manage',
    kind: 'create',
    ok: 201,
    prepare: async () => ({
      path: '/api/people/invite',
      body: {
        role: 'senco',
        name: `SENCO M${next()}`,
        email: `senco.m${unique}@school.example`,
        schoolId: here().school.id,
      },
      judge: { kind: 'place', target: {} },
    }),
  },
  {
    method: 'POST',
    route: '/api/people/:id/deactivate',
    action: 'person.manage',
    kind: 'create',
    ok: 200,
    prepare: async () => {
      const invited = await invite(world.admin, {
        role: 'senco',
        name: `SENCO D${next()}`,
        email: `senco.d${unique}@school.example`,
        schoolId: here().school.id,
      });
      return { path: `/api/people/${invited.person.id}/deactivate`, judge: { kind: 'place', target: {} } };
    },
  },
  {
    method: 'GET',
    route: '/api/invitations/:token',
    action: 'public',
    ok: 200,
    prepare: async () => {
      const invited = await invite(world.admin, {
        role: 'senco',
        name: `SENCO I${next()}`,
        email: `senco.i${unique}@school.example`,
        schoolId: here().school.id,
      });
      return { path: `/api/invitations/${invited.token}` };
    },
  },
  {
    method: 'POST',
    route: '/api/invitations/:token/accept',
    action: 'public',
    ok: 200,
    prepare: async () => {
      const invited = await invite(world.admin, {
        role: 'senco',
        name: `SENCO J${next()}`,
        email: `senco.j${unique}@school.example`,
        schoolId: here().school.id,
      });
      return { path: `/api/invitations/${invited.token}/accept`, body: { password: 'a long enough passphrase' } };
    },
  },
  {
    method: 'GET',
    route: '/api/audit',
    action: 'audit.read',
    kind: 'create',
    ok: 200,
    prepare: async () => ({ path: '/api/audit?limit=5', judge: { kind: 'list' } }),
  },
  {
    method: 'GET',
    route: '/api/sessions',
    action: 'signedIn',
    ok: 200,
    prepare: async () => ({ path: '/api/sessions' }),
  },
  {
    method: 'POST',
    route: '/api/sessions',
    action: 'session.create',
    kind: 'create',
    ok: 201,
    prepare: async () => ({
      path: '/api/sessions',
      body: { localityId: here().locality.id, date: '2026-12-01' },
      judge: sessionJudge(),
    }),
  },
  {
    method: 'GET',
    route: '/api/sessions/:id',
    action: 'session.read',
    kind: 'resource',
    ok: 200,
    prepare: async () => ({ path: `/api/sessions/${(await draftSession()).id}`, judge: sessionJudge() }),
  },
  {
    method: 'POST',
    route: '/api/sessions/:id/start',
    action: 'session.run',
    kind: 'resource',
    ok: 200,
    prepare: async () => ({ path: `/api/sessions/${(await draftSession()).id}/start`, judge: sessionJudge() }),
  },
  {
    method: 'POST',
    route: '/api/sessions/:id/notes-token',
    action: 'session.run',
    kind: 'resource',
    ok: 200,
    prepare: async () => ({
      path: `/api/sessions/${(await draftSession()).id}/notes-token`,
      body: { role: 'projector' },
      judge: sessionJudge(),
    }),
  },
  {
    method: 'POST',
    route: '/api/sessions/:id/cases/:caseId/notes/clear',
    action: 'session.run',
    kind: 'resource',
    ok: 200,
    prepare: async () => {
      const session = await buildSession(world, { cases: ['N4M'] });
      return {
        path: `/api/sessions/${session.id}/cases/${session.cases[0]?.id}/notes/clear`,
        body: { stageId: 'current-situation' },
        judge: sessionJudge(),
      };
    },
  },
  // Issue 10, item 4: Check before keeping, for whoever runs the session. Each role meets a live case whose plan
  // names someone (written by the EP in the meeting), so a Replace with… that is let in succeeds.
  ...(
    [
      ['GET', '/privacy-check', undefined],
      [
        'POST',
        '/privacy-check/replace',
        { place: { type: 'plan', rowId: 'row-1', field: 'who' }, kind: 'name', text: 'Patel', replacement: 'the TA' },
      ],
      ['POST', '/privacy-check/keep', {}],
    ] as const
  ).map(
    ([method, suffix, body]): RouteRow => ({
      method,
      route: `/api/sessions/:id/cases/:caseId${suffix}`,
      action: 'session.run',
      kind: 'resource',
      ok: 200,
      prepare: async () => {
        const session = await buildSession(world, { cases: ['P4M'] });
        const caseId = session.cases[0]?.id as string;
        const rows = [buildRow({ id: 'row-1', who: 'Mrs Patel' })];
        const plan = await here().ep.put(`/api/cases/${caseId}/plan`, { version: 0, rows });
        if (plan.status !== 200) throw new Error(`plan failed: ${JSON.stringify(plan.json)}`);
        return { path: `/api/sessions/${session.id}/cases/${caseId}${suffix}`, body, judge: sessionJudge() };
      },
    }),
  ),
  {
    method: 'GET',
    route: '/api/sessions/:id/submitted',
    action: 'agenda.edit',
    kind: 'resource',
    ok: 200,
    prepare: async () => ({ path: `/api/sessions/${(await draftSession()).id}/submitted`, judge: sessionJudge() }),
  },
  {
    method: 'PUT',
    route: '/api/sessions/:id/agenda',
    action: 'agenda.edit',
    kind: 'resource',
    ok: 200,
    prepare: async () => {
      const session = await draftSession();
      return { path: `/api/sessions/${session.id}/agenda`, body: { caseIds: [] }, judge: sessionJudge() };
    },
  },
  {
    method: 'DELETE',
    route: '/api/sessions/:id/cases/:caseId',
    action: 'agenda.edit',
    kind: 'resource',
    ok: 200,
    prepare: async () => {
      const session = await draftSession();
      return { path: `/api/sessions/${session.id}/cases/${session.cases[0]?.id}`, judge: sessionJudge() };
    },
  },
  {
    method: 'GET',
    route: '/api/cases',
    action: 'case.list',
    kind: 'create',
    ok: 200,
    prepare: async () => ({ path: '/api/cases', judge: { kind: 'list' } }),
  },
  {
    method: 'POST',
    route: '/api/cases',
    action: 'case.create',
    kind: 'create',
    ok: 201,
    // A SENCO creates in their own school, whichever school that is.
    prepare: async (role) => ({
      path: '/api/cases',
      body: { type: 'child', reference: 'M4F' },
      judge: {
        kind: 'place',
        target: { schoolId: actors[role]?.schoolId, localityId: actors[role]?.schoolLocalityId },
      },
    }),
  },
  ...[true, false].map(
    (submitted): RouteRow => ({
      method: 'GET',
      route: `/api/cases/:id (${submitted ? 'submitted' : 'draft'})`,
      action: 'case.read',
      kind: 'resource',
      ok: 200,
      prepare: async () => {
        const item = submitted ? await submittedCase() : await buildCase(here().senco, { reference: 'N5X' });
        return { path: `/api/cases/${item.id}`, judge: caseJudge(submitted) };
      },
    }),
  ),
  ...(
    [
      ['DELETE', '/api/cases/:id', '', 'case.delete', 204, undefined],
      ['PUT', '/api/cases/:id/consent', '/consent', 'case.consent', 200, { given: true, date: '2026-01-06' }],
      ['GET', '/api/cases/:id/consent-form.pdf', '/consent-form.pdf', 'case.consent', 200, undefined],
      ['PUT', '/api/cases/:id/preparation', '/preparation', 'case.update', 200, { aim: 'A calmer start' }],
      ['PUT', '/api/cases/:id/reference', '/reference', 'case.update', 200, { reference: 'J6M' }],
      ['GET', '/api/cases/:id/privacy', '/privacy', 'case.read', 200, undefined],
      [
        'POST',
        '/api/cases/:id/privacy/dismissals',
        '/privacy/dismissals',
        'privacy.dismiss',
        200,
        { kind: 'name', text: 'Grace' },
      ],
    ] as const
  ).map(
    ([method, route, suffix, action, ok, body]): RouteRow => ({
      method,
      route,
      action,
      kind: 'resource',
      ok,
      prepare: async () => {
        const item = await buildCase(here().senco, { reference: 'P6M', submitTo: (await draftSession()).id });
        return { path: `/api/cases/${item.id}${suffix}`, body, judge: caseJudge(true) };
      },
    }),
  ),
  ...(
    [
      ['GET', '/api/cases/:id/plan', '/plan', 'plan.read'],
      ['GET', '/api/cases/:id/plan.docx', '/plan.docx', 'plan.export'],
      ['GET', '/api/cases/:id/plan.pdf', '/plan.pdf', 'plan.export'],
    ] as const
  ).map(
    ([method, route, suffix, action]): RouteRow => ({
      method,
      route,
      action,
      kind: 'resource',
      ok: 200,
      prepare: async () => ({ path: `/api/cases/${(await caseWithPlan()).id}${suffix}`, judge: caseJudge(true) }),
    }),
  ),
  {
    method: 'PUT',
    route: '/api/cases/:id/plan (session live)',
    action: 'plan.update',
    kind: 'resource',
    ok: 200,
    // The EP edits a plan only while its session is live: the case is on the agenda of a live session.
    prepare: async () => {
      const session = await buildSession(world, { cases: ['T1F'] });
      return {
        path: `/api/cases/${session.cases[0]?.id}/plan`,
        body: { version: 0, rows: [planRow] },
        judge: caseJudge(true),
      };
    },
  },
  {
    method: 'PUT',
    route: '/api/cases/:id/plan (outside the meeting)',
    action: 'plan.updateOutsideMeeting',
    kind: 'resource',
    ok: 200,
    // Every role may try 'plan.update', but outside a live meeting only 'plan.updateOutsideMeeting' lets it write.
    prepare: async () => ({
      path: `/api/cases/${(await caseWithPlan()).id}/plan`,
      body: { version: 1, rows: [planRow] },
      judge: caseJudge(true),
    }),
  },
  {
    method: 'PUT',
    route: '/api/cases/:id/review',
    action: 'review.record',
    kind: 'resource',
    ok: 200,
    prepare: async () => ({
      path: `/api/cases/${(await caseWithPlan()).id}/review`,
      body: { actions: [], outcome: 'continue', note: '' },
      judge: caseJudge(true),
    }),
  },
  {
    method: 'GET',
    route: '/api/reviews',
    action: 'review.overview',
    kind: 'create',
    ok: 200,
    prepare: async () => ({ path: '/api/reviews', judge: { kind: 'list' } }),
  },
  // Issue 13 item 4: the school's evidence pack, a SENCO's own school only ('evidence.export').
  ...(['docx', 'pdf'] as const).map(
    (extension): RouteRow => ({
      method: 'GET',
      route: `/api/evidence-pack.${extension}`,
      action: 'evidence.export',
      kind: 'create',
      ok: 200,
      prepare: async () => ({
        // A range before the matrix's own sessions: the file is built all the same (its content: evidence-pack.test).
        path: `/api/evidence-pack.${extension}?from=2025-01-01&to=2025-01-31`,
        judge: { kind: 'list' },
      }),
    }),
  ),
  {
    method: 'GET',
    route: '/api/themes',
    action: 'themes.read',
    kind: 'create',
    ok: 200,
    prepare: async () => ({ path: '/api/themes', judge: { kind: 'list' } }),
  },
  {
    method: 'GET',
    route: '/api/themes?localityId=:id',
    action: 'themes.read',
    kind: 'create',
    ok: 200,
    prepare: async () => ({
      path: `/api/themes?localityId=${here().locality.id}`,
      judge: { kind: 'place', target: { localityId: here().locality.id } },
    }),
  },
  {
    method: 'GET',
    route: '/api/themes/csv',
    action: 'themes.read',
    kind: 'create',
    ok: 200,
    prepare: async () => ({ path: '/api/themes/csv?theme=cases-by-area', judge: { kind: 'list' } }),
  },
  {
    method: 'POST',
    route: '/api/cases/:id/submit',
    action: 'case.submit',
    kind: 'resource',
    ok: 200,
    prepare: async () => {
      const item = await submittedCase('Q7F');
      return {
        path: `/api/cases/${item.id}/submit`,
        body: { sessionId: (await draftSession()).id },
        judge: caseJudge(true),
      };
    },
  },
  // Issue 9 item 8: a locality's stage template ('template.edit': the admin everywhere, the EP in their own).
  ...(['GET', 'PUT', 'DELETE'] as const).map(
    (method): RouteRow => ({
      method,
      route: '/api/localities/:id/template',
      action: 'template.edit',
      kind: 'resource',
      ok: 200,
      prepare: async () => ({
        path: `/api/localities/${here().locality.id}/template`,
        body:
          method === 'PUT'
            ? { stages: DEFAULT_STAGES.map((stage) => ({ ...stage, name: `${stage.name} ${next()}` })) }
            : undefined,
        judge: sessionJudge(),
      }),
    }),
  ),
  // Issue 13: the signposting directory ('directory.read': the admin, the EP's localities, the SENCO's school's
  // locality; 'directory.manage': the admin and the EP's localities).
  ...(['/api/directory', '/api/directory/export'] as const).map(
    (route): RouteRow => ({
      method: 'GET',
      route,
      action: 'directory.read',
      kind: 'create',
      ok: 200,
      prepare: async () => ({ path: route, judge: { kind: 'list' } }),
    }),
  ),
  {
    method: 'POST',
    route: '/api/directory',
    action: 'directory.manage',
    kind: 'create',
    ok: 201,
    prepare: async () => ({
      path: '/api/directory',
      body: { localityId: here().locality.id, entry: directoryEntry(`Matrix service ${next()}`) },
      judge: { kind: 'directory', target: { localityId: here().locality.id } },
    }),
  },
  {
    method: 'POST',
    route: '/api/directory/import',
    action: 'directory.manage',
    kind: 'create',
    ok: 201,
    prepare: async () => ({
      path: '/api/directory/import',
      body: {
        localityId: here().locality.id,
        csv: `${DIRECTORY_CSV_COLUMNS.join(',')}\nMatrix import ${next()},Advice,,,,,Phone the office,,,2026-10-01`,
      },
      judge: { kind: 'directory', target: { localityId: here().locality.id } },
    }),
  },
  ...(['GET', 'PUT', 'DELETE'] as const).map(
    (method): RouteRow => ({
      method,
      route: '/api/directory/:id',
      action: method === 'GET' ? 'directory.read' : 'directory.manage',
      kind: 'resource',
      ok: 200,
      prepare: async () => {
        const created = await world.admin.post('/api/directory', {
          localityId: here().locality.id,
          entry: directoryEntry(`Matrix entry ${next()}`),
        });
        if (created.status !== 201) throw new Error(`entry failed: ${JSON.stringify(created.json)}`);
        return {
          path: `/api/directory/${created.json.entry.id}`,
          body:
            method === 'PUT'
              ? { localityId: here().locality.id, entry: directoryEntry(`Matrix changed ${next()}`) }
              : undefined,
          judge: { kind: 'directory', target: { localityId: here().locality.id } },
        };
      },
    }),
  ),
  {
    // Issue 9 item 3: the presenting SENCO opens the live meeting from their case ('meeting.present').
    method: 'POST',
    route: '/api/cases/:id/present',
    action: 'meeting.present',
    kind: 'resource',
    ok: 200,
    prepare: async () => {
      const session = await buildSession(world, { cases: ['P6F'] });
      return { path: `/api/cases/${session.cases[0]?.id}/present`, body: {}, judge: caseJudge(true) };
    },
  },
  // Issue 12: the locality file ('minutes.read') and how long minutes are kept ('retention.manage').
  ...(['/api/minutes', '/api/minutes/search?q=transitions'] as const).map(
    (path): RouteRow => ({
      method: 'GET',
      route: path.split('?')[0] as string,
      action: 'minutes.read',
      kind: 'create',
      ok: 200,
      prepare: async () => ({ path, judge: { kind: 'list' } }),
    }),
  ),
  ...(['', '/docx', '/pdf'] as const).map(
    (suffix): RouteRow => ({
      method: 'GET',
      route: `/api/minutes/:id${suffix}`,
      action: 'minutes.read',
      kind: 'resource',
      ok: 200,
      prepare: async () => ({ path: `/api/minutes/${await minutesHere()}${suffix}`, judge: minutesJudge() }),
    }),
  ),
  ...(['GET', 'PUT'] as const).map(
    (method): RouteRow => ({
      method,
      route: '/api/retention',
      action: 'retention.manage',
      kind: 'create',
      ok: 200,
      prepare: async () => ({
        path: '/api/retention',
        body: method === 'PUT' ? { years: 7 } : undefined,
        judge: { kind: 'list' },
      }),
    }),
  ),
  // Issue 12: the strategy bank (filtered to the reader's reach), and Ideas from the bank for whoever runs the session.
  {
    method: 'GET',
    route: '/api/bank',
    action: 'bank.read',
    kind: 'create',
    ok: 200,
    prepare: async () => ({ path: '/api/bank?q=timetable&area=cognition-and-learning', judge: { kind: 'list' } }),
  },
  {
    method: 'GET',
    route: '/api/sessions/:id/bank-ideas',
    action: 'session.run',
    kind: 'resource',
    ok: 200,
    prepare: async () => {
      const session = await buildSession(world, { cases: ['B2M'] });
      return { path: `/api/sessions/${session.id}/bank-ideas`, judge: sessionJudge() };
    },
  },
];

/** The rules the expectations come from: the domain's, or (to show the matrix would notice) a wrong variant. */
interface Rules {
  allowed: typeof allowed;
  allowedOnCase: typeof allowedOnCase;
  reachesAnything: typeof reachesAnything;
}
const DOMAIN_RULES: Rules = { allowed, allowedOnCase, reachesAnything };

function decide(rules: Rules, actor: AccessActor, action: Action, judge: Judge): { may: boolean; sees: boolean } {
  if (judge.kind === 'case')
    return {
      may: rules.allowedOnCase(actor, action, judge.target),
      sees: rules.allowedOnCase(actor, 'case.read', judge.target),
    };
  if (judge.kind === 'session')
    return {
      may: rules.allowed(actor, action, judge.target),
      sees: rules.allowed(actor, 'session.read', judge.target),
    };
  if (judge.kind === 'minutes') {
    const reads = rules.allowed(actor, action, judge.target);
    return { may: reads, sees: reads };
  }
  if (judge.kind === 'directory')
    return {
      may: rules.allowed(actor, action, judge.target),
      sees: rules.allowed(actor, 'directory.read', judge.target),
    };
  if (judge.kind === 'list') return { may: rules.reachesAnything(actor, action), sees: true };
  return { may: rules.allowed(actor, action, judge.target), sees: true };
}

/** The status the domain table says a role gets from a route. */
function expectedStatus(row: RouteRow, role: Role, judge: Judge | undefined, rules = DOMAIN_RULES): number {
  if (row.action === 'public') return row.ok;
  const actor = actors[role];
  if (!actor) return 401;
  if (row.action === 'signedIn') return row.ok;
  if (!judge) throw new Error(`${row.route} has no target`);
  if (row.kind === 'create' && !rules.reachesAnything(actor, row.action)) return 403;
  const { may, sees } = decide(rules, actor, row.action, judge);
  return !sees ? 404 : may ? row.ok : 403;
}

/** Every observation, kept so the last test can show the matrix would catch a wrong table. */
const observed: { row: RouteRow; role: Role; judge: Judge | undefined; status: number }[] = [];

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server.url);
  browsers = roleBrowsers(world);
  actors = roleActors(world);
});
afterAll(async () => {
  await server.close();
});

describe('the HTTP access matrix (derived from ACCESS)', () => {
  it('knows each account where it belongs, as /api/auth/me says', async () => {
    for (const role of ROLES) {
      const actor = actors[role];
      if (!actor) continue;
      const me = (await browsers[role].get('/api/auth/me')).json.user;
      expect({
        role: me.role,
        localityIds: me.localityIds,
        schoolId: me.schoolId,
        schoolLocalityId: me.schoolLocalityId,
      }).toEqual(actor);
    }
  });

  it.each(ROUTES.map((row) => [`${row.method} ${row.route}`, row] as const))('%s', async (_name, row) => {
    for (const role of ROLES) {
      const prepared = await row.prepare(role);
      // A copy of the role's browser, so an answer that sets a cookie (accepting an invitation) changes no role;
      // sign-out goes without the cookie, or it would end the role's session for the rest of the matrix.
      const browser = new Browser(server.url);
      if (row.route !== '/api/auth/sign-out') browser.cookie = browsers[role].cookie;
      const result = await browser.request(row.method, prepared.path, prepared.body);
      observed.push({ row, role, judge: prepared.judge, status: result.status });
      expect(result.status, `${role} → ${row.method} ${prepared.path}: ${JSON.stringify(result.json)}`).toBe(
        expectedStatus(row, role, prepared.judge),
      );
    }
  });

  it('lists to each role exactly what the table lets it read', async () => {
    const lists: [string, string, (actor: AccessActor, item: any) => boolean][] = [
      ['/api/sessions', 'sessions', (a, item) => allowed(a, 'session.read', { localityId: item.localityId })],
      [
        '/api/cases',
        'cases',
        (a, item) =>
          allowedOnCase(a, 'case.read', {
            schoolId: item.schoolId,
            localityId: item.localityId,
            submitted: item.submittedSessionId !== null,
          }),
      ],
      [
        '/api/localities',
        'localities',
        (a, item) => allowed(a, 'locality.manage') || allowed(a, 'session.read', { localityId: item.id }),
      ],
      [
        '/api/schools',
        'schools',
        (a, item) =>
          allowed(a, 'school.manage') || allowed(a, 'case.read', { schoolId: item.id, localityId: item.localityId }),
      ],
      [
        '/api/directory',
        'entries',
        (a, item) =>
          item.localityId === null
            ? reachesAnything(a, 'directory.read')
            : allowed(a, 'directory.read', { localityId: item.localityId }),
      ],
    ];
    for (const [path, key, readable] of lists) {
      // Each role's whole list (every page); everything is what any role sees (the admin keeps no list of cases).
      const seenBy = new Map<Role, { id: string }[]>();
      for (const role of ROLES) {
        if (!actors[role]) continue;
        const seen = await listAll(browsers[role], path, key);
        // A refused list is the matrix's business (the admin has no 'case.list'); here, what is shown.
        if (seen) seenBy.set(role, seen);
      }
      const everything = [...new Map([...seenBy.values()].flat().map((item) => [item.id, item])).values()];
      expect(everything.length).toBeGreaterThan(0);
      for (const [role, seen] of seenBy) {
        const actor = actors[role] as AccessActor;
        const expected = everything
          .filter((item) => readable(actor, item))
          .map((item) => item.id)
          .sort();
        expect(seen.map((item) => item.id).sort(), `${role} ${path}`).toEqual(expected);
      }
    }
  });

  it('would fail if a route forgot its check: a wrong table disagrees with what the server did', () => {
    // ACCESS is frozen, so the wrong table is a variant of the rules: a SENCO editing their locality's agendas
    // (judged as their 'session.read', whose scope is 'ownSchoolLocality').
    const wrong = (action: Action, actor: AccessActor): Action =>
      actor.role === 'senco' && action === 'agenda.edit' ? 'session.read' : action;
    const wrongRules: Rules = {
      allowed: (actor, action, target) => allowed(actor, wrong(action, actor), target),
      allowedOnCase: (actor, action, target) => allowedOnCase(actor, wrong(action, actor), target),
      reachesAnything: (actor, action) => reachesAnything(actor, wrong(action, actor)),
    };
    const mismatches = observed.filter(
      ({ row, role, judge, status }) => expectedStatus(row, role, judge, wrongRules) !== status,
    );
    expect(mismatches.length).toBeGreaterThan(0);
    expect(observed.every(({ row, role, judge, status }) => expectedStatus(row, role, judge) === status)).toBe(true);
  });
});
