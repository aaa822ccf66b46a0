import { allowed, allowedOnCase } from '@consultboard/domain';
import { describe, expect, it } from 'vitest';
import { actorOf, caseTargetOf, sessionTargetOf } from './access';

const user = { id: 'u1', name: 'SENCO A', email: 'senco.a@school.example' };
const found = { schoolId: 'S1', localityId: 'L1', submittedSessionId: null };

describe('actorOf: the web asks the same ACCESS table as the server', () => {
  it('places a SENCO in their school from /api/auth/me, and only there', () => {
    const senco = actorOf({ ...user, role: 'senco', localityIds: [], schoolId: 'S1', schoolLocalityId: 'L1' });
    expect(allowedOnCase(senco, 'plan.updateOutsideMeeting', caseTargetOf(found))).toBe(true);
    expect(allowedOnCase(senco, 'case.update', caseTargetOf({ ...found, schoolId: 'S2' }))).toBe(false);
    expect(allowed(senco, 'session.run', sessionTargetOf({ localityId: 'L1' }))).toBe(false);
  });

  it('lets an EP run their localities, read submitted cases and never edit a plan outside the meeting', () => {
    const ep = actorOf({ ...user, role: 'ep', localityIds: ['L1'], schoolId: null, schoolLocalityId: null });
    expect(allowed(ep, 'session.run', sessionTargetOf({ localityId: 'L1' }))).toBe(true);
    expect(allowed(ep, 'session.run', sessionTargetOf({ localityId: null }))).toBe(false);
    const submitted = caseTargetOf({ ...found, submittedSessionId: 'X' });
    expect(allowedOnCase(ep, 'plan.export', submitted)).toBe(true);
    expect(allowedOnCase(ep, 'plan.updateOutsideMeeting', submitted)).toBe(false);
    expect(allowedOnCase(ep, 'case.read', caseTargetOf(found))).toBe(false);
  });

  it('treats an account whose answer leaves out where it belongs as belonging nowhere', () => {
    const bare = actorOf({ ...user, role: 'senco' });
    expect(allowedOnCase(bare, 'case.read', caseTargetOf(found))).toBe(false);
  });
});
