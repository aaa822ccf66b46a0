import {
  type AccessActor,
  allowed,
  COMMAND_TYPES,
  type CommandType,
  type MeetingRole,
  mayCommand,
  mayCommandAs,
  notesDocName,
} from '@consultboard/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from './helpers/http.js';
import { joinAsPhone } from './helpers/http.js';
import { upgradeStatus } from './helpers/notes.js';
import { ROLES, type Role, roleActors, roleBrowsers } from './helpers/roles.js';
import { connect } from './helpers/sockets.js';
import { startTestServer } from './helpers/testServer.js';
import { buildSession, buildWorld, type World } from './helpers/world.js';

/**
 * The authorisation matrix of the live sockets: the meeting handshake as facilitator and projector, each command
 * type, and the notes upgrade, as every role; expectations from `allowed()` and MEETING_PERMISSIONS.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
let world: World;
let browsers: Record<Role, Browser>;
let actors: Record<Role, AccessActor | null>;
const here = () => world.north;

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server.url);
  browsers = roleBrowsers(world);
  actors = roleActors(world);
});
afterAll(async () => {
  await server.close();
});

/** A payload for each command, valid in shape so that only authorisation can refuse it. */
function commandOf(type: CommandType, caseId: string) {
  switch (type) {
    case 'card.add':
      return { type, caseId, stageId: 'clarifying-questions', kind: 'question' as const, text: 'What helps?' };
    case 'card.hide':
      return { type, cardId: 'no-such-card', hidden: true };
    case 'card.spotlight':
      return { type, cardId: null };
    case 'card.helpful':
      return { type, cardId: 'no-such-card', helpful: true };
    case 'participant.remove':
      return { type, participantId: 'no-such-participant' };
    case 'room.lock':
      return { type, locked: false };
    // Item 2 of issue 9
    case 'card.edit':
      return { type, cardId: 'no-such-card', text: 'What helps?' };
    case 'card.withdraw':
      return { type, cardId: 'no-such-card' };
    // Issue 9, item 4 and "Show join code".
    case 'case.goTo':
      return { type, caseId };
    case 'card.merge':
      return { type, cardId: 'no-such-card', intoCardId: 'no-such-card-either' };
    case 'card.unmerge':
      return { type, cardId: 'no-such-card' };
    case 'join.show':
      return { type, shown: true };
    // Issue 10: held cards (Show, Edit and show, Remove).
    case 'card.release':
      return { type, cardId: 'no-such-card', text: 'What helps?' };
    case 'card.remove':
      return { type, cardId: 'no-such-card' };
    default:
      return { type };
  }
}

describe('the socket access matrix (derived from ACCESS and MEETING_PERMISSIONS)', () => {
  const ordered = [...COMMAND_TYPES.filter((type) => type !== 'session.end'), 'session.end'] as CommandType[];

  it.each(['facilitator', 'projector'] as const)(
    'handshakes as %s and sends each command, as every role',
    async (meetingRole) => {
      for (const role of ROLES) {
        const session = await buildSession(world, { cases: ['S2F'] });
        const caseId = session.cases[0]?.id as string;
        const auth =
          role === 'phone'
            ? { token: await joinAsPhone(server.url, session.joinCode as string, 'SENCO B') }
            : { sessionId: session.id, role: meetingRole };
        const actor = actors[role];
        const account = role !== 'phone';
        const mayConnect =
          !account || (actor !== null && allowed(actor, 'session.run', { localityId: here().locality.id }));
        const connecting = connect(server.url, auth, { cookie: browsers[role].cookie });
        if (!mayConnect) {
          await expect(connecting, role).rejects.toMatchObject({
            data: { code: actor ? 'forbidden' : 'unauthenticated' },
          });
          continue;
        }
        const client = await connecting;
        const asRole: MeetingRole = account ? meetingRole : 'participant';
        // Issue 13: the Resource box's directory suggestions, for the phones and the console (not the projector).
        const suggested = await (client.socket.timeout(5000) as any).emitWithAck('suggest', { q: 'outreach' });
        expect(suggested.ok, `${role} as ${asRole} asking for suggestions: ${JSON.stringify(suggested)}`).toBe(
          asRole !== 'projector',
        );
        for (const type of ordered) {
          const ack = await client.send(commandOf(type, caseId) as never);
          const refused = !ack.ok && ack.code === 'forbidden';
          expect(refused, `${role} as ${asRole} sending ${type}: ${JSON.stringify(ack)}`).toBe(
            !mayCommand(asRole, type),
          );
        }
        client.close();
      }
    },
  );

  // Issue 9 item 3: the presenting SENCO's phone is a participant bound to their account ('meeting.present').
  it('lets only the case’s own SENCO present it, and then send each command as MEETING_PERMISSIONS and the presenter’s', async () => {
    const session = await buildSession(world, { cases: ['R4F'] });
    const caseId = session.cases[0]?.id as string;
    const presented: Role[] = [];
    for (const role of ROLES) {
      const answer = await browsers[role].post(`/api/cases/${caseId}/present`);
      const actor = actors[role];
      const may =
        actor !== null &&
        allowed(actor, 'meeting.present', { schoolId: here().school.id, localityId: here().locality.id });
      expect(answer.status === 200, `${role}: ${answer.status}`).toBe(may);
      if (!may) continue;
      presented.push(role);
      const client = await connect(server.url, { token: answer.json.token }, { cookie: browsers[role].cookie });
      for (const type of ordered.filter((one) => one !== 'session.end')) {
        const ack = await client.send(commandOf(type, caseId) as never);
        const refused = !ack.ok && ack.code === 'forbidden';
        expect(refused, `presenting ${role} sending ${type}: ${JSON.stringify(ack)}`).toBe(
          !mayCommandAs('participant', type, [caseId]),
        );
      }
      client.close();
    }
    // The case's own SENCO, and nobody else.
    expect(presented).toEqual(['sencoHere']);
  });

  it('opens the notes only to the room and to those who may run the session', async () => {
    const session = await buildSession(world, { cases: ['T3M'] });
    const docName = notesDocName(session.cases[0]?.id as string);
    for (const role of ROLES) {
      let token: string | null = null;
      if (role === 'phone') token = await joinAsPhone(server.url, session.joinCode as string, 'SENCO C');
      else if (actors[role]) {
        const issued = await browsers[role].post(`/api/sessions/${session.id}/notes-token`, { role: 'facilitator' });
        token = issued.status === 200 ? issued.json.token : null;
      }
      const actor = actors[role];
      const may =
        role === 'phone' || (actor !== null && allowed(actor, 'session.run', { localityId: here().locality.id }));
      const status = await upgradeStatus(server.url, `/yjs/${docName}${token ? `?token=${token}` : ''}`);
      expect(status, role).toBe(may ? 101 : 401);
    }
  });
});
