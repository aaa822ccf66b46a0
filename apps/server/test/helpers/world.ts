import {
  type CaseType,
  type CaseView,
  CHILD_REFERENCE,
  type LocalityView,
  type Preparation,
  type SchoolView,
  type SessionView,
} from '@consultboard/domain';
import { Browser, setUpAdmin } from './http.js';

export const PASSWORD = 'a long enough passphrase';

/** An invitation as the admin sees it, with the token from its link. */
export async function invite(
  admin: Browser,
  body:
    | { role: 'ep'; name: string; email: string; localityIds: string[] }
    | {
        role: 'senco';
        name: string;
        email: string;
        schoolId: string;
      },
) {
  const result = await admin.post('/api/people/invite', body);
  if (result.status !== 201) throw new Error(`invite failed: ${JSON.stringify(result.json)}`);
  const inviteUrl = result.json.inviteUrl as string;
  return { ...result.json, token: inviteUrl.slice(inviteUrl.lastIndexOf('/') + 1) };
}

/** Accepts an invitation on a fresh browser, which is then signed in as the person. */
export async function accept(baseUrl: string, token: string, password = PASSWORD): Promise<Browser> {
  const browser = new Browser(baseUrl);
  const result = await browser.post(`/api/invitations/${token}/accept`, { password });
  if (result.status !== 200) throw new Error(`accept failed: ${JSON.stringify(result.json)}`);
  browser.user = result.json.user;
  return browser;
}

/** A locality with one school, its EP and its SENCO, each signed in on their own browser. */
export interface Area {
  locality: LocalityView;
  school: SchoolView;
  ep: Browser;
  senco: Browser;
}

/** An admin and two areas (north and south) that must never see into each other. */
export interface World {
  baseUrl: string;
  admin: Browser;
  north: Area;
  south: Area;
}

let worlds = 0;

/** Builds an area: locality, school, EP and SENCO, invited by the admin and signed in. */
export async function buildArea(
  baseUrl: string,
  admin: Browser,
  names: { locality: string; school: string; ep: string; senco: string },
): Promise<Area> {
  const locality = await admin.post('/api/localities', { name: names.locality });
  if (locality.status !== 201) throw new Error(`locality failed: ${JSON.stringify(locality.json)}`);
  const localityId = locality.json.locality.id as string;
  const school = await admin.post('/api/schools', { name: names.school, localityId });
  if (school.status !== 201) throw new Error(`school failed: ${JSON.stringify(school.json)}`);
  const email = (name: string) => `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}@eps.example`;
  const ep = await invite(admin, { role: 'ep', name: names.ep, email: email(names.ep), localityIds: [localityId] });
  const senco = await invite(admin, {
    role: 'senco',
    name: names.senco,
    email: email(names.senco),
    schoolId: school.json.school.id,
  });
  return {
    locality: locality.json.locality,
    school: school.json.school,
    ep: await accept(baseUrl, ep.token),
    senco: await accept(baseUrl, senco.token),
  };
}

/**
 * An admin (set up on first run, or the one given), two localities with a school each, an EP per locality and
 * a SENCO per school, all signed in. Names carry a number when a server holds several worlds.
 */
export async function buildWorld(baseUrl: string, overrides: { admin?: Browser } = {}): Promise<World> {
  worlds += 1;
  const tag = overrides.admin ? ` ${worlds}` : '';
  const admin = overrides.admin ?? (await setUpAdmin(baseUrl));
  const north = await buildArea(baseUrl, admin, {
    locality: `North East locality${tag}`,
    school: `Northfield Primary${tag}`,
    ep: `EP North${tag}`,
    senco: `SENCO North${tag}`,
  });
  const south = await buildArea(baseUrl, admin, {
    locality: `South West locality${tag}`,
    school: `Southfield Primary${tag}`,
    ep: `EP South${tag}`,
    senco: `SENCO South${tag}`,
  });
  return { baseUrl, admin, north, south };
}

/** A preparation form filled in with plain, anonymous text. */
export function buildPreparation(overrides: Partial<Preparation> = {}): Preparation {
  return {
    currentSituation: 'Finds transitions between lessons hard.',
    triedSoFar: 'Visual timetable; a calm corner.',
    desiredSituation: 'Moves between lessons calmly.',
    aim: 'Ideas for unstructured times.',
    areasOfNeed: ['social-emotional-and-mental-health'],
    ...overrides,
  };
}

/** A case of the SENCO's school: consent recorded for a child unless told not to, and submitted if asked. */
export async function buildCase(
  senco: Browser,
  overrides: {
    reference?: string;
    type?: CaseType;
    consent?: boolean;
    preparation?: Partial<Preparation>;
    submitTo?: string;
  } = {},
): Promise<CaseView> {
  const reference = overrides.reference ?? 'J5M';
  const type = overrides.type ?? (CHILD_REFERENCE.test(reference.toUpperCase()) ? 'child' : 'group');
  const created = await senco.post('/api/cases', { type, reference });
  if (created.status !== 201) throw new Error(`case failed: ${JSON.stringify(created.json)}`);
  let view = created.json.case as CaseView;
  const step = async (result: { status: number; json: any }) => {
    if (result.status !== 200) throw new Error(`case step failed: ${JSON.stringify(result.json)}`);
    view = result.json.case;
  };
  if (type === 'child' && overrides.consent !== false)
    await step(await senco.put(`/api/cases/${view.id}/consent`, { given: true, date: '2026-01-05' }));
  await step(await senco.put(`/api/cases/${view.id}/preparation`, buildPreparation(overrides.preparation)));
  if (overrides.submitTo)
    await step(await senco.post(`/api/cases/${view.id}/submit`, { sessionId: overrides.submitTo }));
  return view;
}

/**
 * A session in an area's locality, scheduled by its EP; the SENCO brings each case (consent recorded, preparation
 * written, submitted), the EP puts them on the agenda in order, and starts it unless told otherwise.
 */
export async function buildSession(
  world: World,
  overrides: { area?: 'north' | 'south'; date?: string; cases?: string[]; start?: boolean } = {},
): Promise<SessionView> {
  const area = world[overrides.area ?? 'north'];
  const created = await area.ep.post('/api/sessions', {
    localityId: area.locality.id,
    date: overrides.date ?? '2026-11-23',
  });
  if (created.status !== 201) throw new Error(`session failed: ${JSON.stringify(created.json)}`);
  const id = created.json.session.id as string;
  const caseIds: string[] = [];
  for (const reference of overrides.cases ?? ['J5M', 'Year 3 transition'])
    caseIds.push((await buildCase(area.senco, { reference, submitTo: id })).id);
  const agenda = await area.ep.put(`/api/sessions/${id}/agenda`, { caseIds });
  if (agenda.status !== 200) throw new Error(`agenda failed: ${JSON.stringify(agenda.json)}`);
  if (overrides.start === false) return agenda.json.session;
  const started = await area.ep.post(`/api/sessions/${id}/start`);
  if (started.status !== 200) throw new Error(`start failed: ${JSON.stringify(started.json)}`);
  return started.json.session;
}
