import { createHmac, randomBytes } from 'node:crypto';
import type { Participant } from '@consultboard/domain';

/** Who is connected to each session right now: ephemeral, never stored. */
export class Presence {
  private readonly rooms = new Map<string, Map<string, Participant>>();
  /** Keys the opaque ids the room is shown; new each start, as presence itself is. */
  private readonly secret = randomBytes(32);

  add(sessionId: string, socketId: string, person: Participant): void {
    let room = this.rooms.get(sessionId);
    if (!room) {
      room = new Map();
      this.rooms.set(sessionId, room);
    }
    room.set(socketId, person);
  }

  /** Removes a socket; returns how many sockets the session still has. */
  remove(sessionId: string, socketId: string): number {
    const room = this.rooms.get(sessionId);
    if (!room) return 0;
    room.delete(socketId);
    if (room.size === 0) this.rooms.delete(sessionId);
    return room.size;
  }

  /** The people in a session, once each however many tabs they have open, as the EP's console sees them. */
  people(sessionId: string): Participant[] {
    const unique = new Map<string, Participant>();
    for (const person of this.rooms.get(sessionId)?.values() ?? []) unique.set(person.id, person);
    return [...unique.values()];
  }

  /**
   * The same people as phones and the projector see them: names and roles, each with an opaque id (stable for
   * the session while the server runs) in place of a participant or account id.
   */
  roomPeople(sessionId: string): Participant[] {
    return this.people(sessionId).map((person) => ({ ...person, id: this.opaqueId(sessionId, person.id) }));
  }

  socketsOf(sessionId: string, role: Participant['role']): string[] {
    return [...(this.rooms.get(sessionId)?.entries() ?? [])].filter(([, p]) => p.role === role).map(([id]) => id);
  }

  private opaqueId(sessionId: string, personId: string): string {
    return createHmac('sha256', this.secret).update(`${sessionId}\u0000${personId}`).digest('base64url').slice(0, 16);
  }
}
