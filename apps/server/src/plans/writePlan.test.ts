import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type ActionRow, DEFAULT_STAGES, sessionStartedEvent } from '@consultboard/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.js';
import { createRepos, type Repos } from '../db/repos.js';
import { MeetingStore } from '../meeting/meetingStore.js';
import { writePlan } from './writePlan.js';

const row = (action: string): ActionRow => ({
  id: `row-${action.length}`,
  action,
  who: 'Class teacher',
  byWhen: '',
  successLooksLike: '',
  reviewDate: '',
  areaOfNeed: null,
  fromCardId: null,
});

let dataDir: string;
let repos: Repos;
let meetings: MeetingStore;
const NOW = 1_767_225_600_000;

/** A real database holding one school's case, on the agenda of a live session. */
beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'consultboard-plan-'));
  repos = createRepos(openDatabase(dataDir));
  meetings = new MeetingStore(repos);
  repos.users.insert({
    id: 'u-ep',
    name: 'EP North',
    email: 'ep@eps.example',
    password_hash: 'x',
    role: 'ep',
    created_at: NOW,
  });
  repos.localities.insertLocality('l1', 'North East locality', NOW);
  repos.localities.insertSchool('s1', 'Northfield Primary', 'l1', NOW);
  repos.cases.insert({
    id: 'c1',
    school_id: 's1',
    type: 'child',
    reference: 'J5M',
    preparation: { currentSituation: '', triedSoFar: '', desiredSituation: '', aim: '', areasOfNeed: [] },
    created_by: 'u-ep',
    created_at: NOW,
  });
  repos.consultSessions.insert({
    id: 'm1',
    locality_id: 'l1',
    date: '2026-01-01',
    facilitator_id: 'u-ep',
    created_at: NOW,
  });
  repos.consultSessions.setAgenda('m1', [{ id: 'c1', reference: 'J5M', kind: 'child' }]);
  meetings.append('m1', sessionStartedEvent([{ id: 'c1', reference: 'J5M', kind: 'child' }], DEFAULT_STAGES), {
    commandId: null,
    actor: 'u-ep',
    now: NOW,
  });
});
afterEach(() => {
  repos.db.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

let commands = 0;
const change = (fromVersion: number, rows: ActionRow[], live: boolean) => ({
  caseId: 'c1',
  fromVersion,
  rows,
  liveSessionId: live ? 'm1' : null,
  sessionId: 'm1',
  userId: 'u-ep',
  actor: 'facilitator:u-ep',
  commandId: live ? `command-${++commands}` : null,
  now: NOW,
});
const auditOfCase = () =>
  repos.audit
    .page({ limit: 50, after: null })
    .items.filter((entry) => entry.entityId === 'c1')
    .map((entry) => entry.action);

describe('writePlan, the one plan write', () => {
  it('creates version 1 and changes it after, audited as created then changed, outside a meeting', () => {
    expect(writePlan({ repos, meetings }, change(0, [row('Meet at the gate')], false))).toMatchObject({
      ok: true,
      version: 1,
      event: null,
    });
    expect(writePlan({ repos, meetings }, change(1, [row('Meet at the door')], false))).toMatchObject({ version: 2 });
    expect(repos.actionPlans.byCase('c1')).toMatchObject({ version: 2, session_id: 'm1' });
    expect(auditOfCase()).toEqual(['changed', 'created']);
    expect(meetings.state('m1').plans.c1).toBeUndefined();
  });

  it('publishes plan.changed with the command id in the same transaction while the session is live', () => {
    const written = writePlan({ repos, meetings }, change(0, [row('Visual timetable')], true));
    expect(written).toMatchObject({ ok: true, version: 1, event: { type: 'plan.changed', caseId: 'c1', version: 1 } });
    expect(meetings.state('m1').plans.c1).toEqual({ version: 1, rows: [row('Visual timetable')] });
    expect(meetings.seqOfCommand('m1', `command-${commands}`)).toBe(meetings.state('m1').seq);
  });

  it('refuses a stale version as plan_changed and writes nothing: no plan, no audit, no event', () => {
    writePlan({ repos, meetings }, change(0, [row('First')], true));
    const seq = meetings.state('m1').seq;
    const audited = auditOfCase();
    for (const fromVersion of [0, 2, 7]) {
      const stale = writePlan({ repos, meetings }, change(fromVersion, [row('Overwrites')], true));
      expect(stale).toEqual({ ok: false, code: 'plan_changed', message: expect.any(String) });
      const quiet = writePlan({ repos, meetings }, change(fromVersion, [row('Overwrites')], false));
      expect(quiet).toMatchObject({ ok: false, code: 'plan_changed' });
    }
    expect(repos.actionPlans.byCase('c1')).toMatchObject({ version: 1, rows: [row('First')] });
    expect(auditOfCase()).toEqual(audited);
    expect(meetings.state('m1').seq).toBe(seq);
    expect(repos.meetingEvents.after('m1', 0)).toHaveLength(seq);
  });
});
