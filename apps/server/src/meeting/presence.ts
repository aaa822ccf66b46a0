import type { Participant } from '@consultboard/domain';

/** Who is connected to each session right now: ephemeral, never stored. */
export class Presence {
  private readonly rooms = new Map<string, Map<string, Participant>>();

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

  /** The people in a session, once each however many tabs they have open. */
  people(sessionId: string): Participant[] {
    const unique = new Map<string, Participant>();
    for (const person of this.rooms.get(sessionId)?.values() ?? []) unique.set(person.id, person);
    return [...unique.values()];
  }

  socketsOf(sessionId: string, role: Participant['role']): string[] {
    return [...(this.rooms.get(sessionId)?.entries() ?? [])].filter(([, p]) => p.role === role).map(([id]) => id);
  }
}
