/** The little of a socket.io socket the quota needs to tell whether it still holds a place. */
export interface QuotaSocket {
  readonly connected: boolean;
  readonly conn: { readonly readyState: string };
}

/**
 * How many meeting sockets each person holds. A place is taken at the handshake, before socket.io has finished
 * connecting, so a burst of handshakes on one token cannot all slip in; a socket that never completes (its
 * client went first) gives its place back by itself, and a connected one gives it back when it disconnects.
 */
export class SocketQuota<S extends QuotaSocket> {
  private readonly held = new Map<string, Set<S>>();

  /** Takes a place for a socket, or answers false when the person already holds `limit`. */
  take(personId: string, socket: S, limit: number): boolean {
    const sockets = this.held.get(personId) ?? new Set<S>();
    for (const other of sockets) if (!other.connected && other.conn.readyState !== 'open') sockets.delete(other);
    if (sockets.size >= limit) return false;
    sockets.add(socket);
    this.held.set(personId, sockets);
    return true;
  }

  release(personId: string, socket: S): void {
    const sockets = this.held.get(personId);
    if (!sockets) return;
    sockets.delete(socket);
    if (sockets.size === 0) this.held.delete(personId);
  }

  /** The sockets a person holds now. */
  socketsOf(personId: string): S[] {
    return [...(this.held.get(personId) ?? [])];
  }
}
