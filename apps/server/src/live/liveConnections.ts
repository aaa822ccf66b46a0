import { logger } from '../logger.js';

/**
 * Ends an account's live connections at once (on deactivation): the meeting gateway and the notes endpoint
 * each register how to find and close that account's sockets.
 */
export class LiveConnections {
  private readonly enders: ((userId: string) => void)[] = [];

  /** Registers how one gateway closes an account's connections. */
  onEndUser(ender: (userId: string) => void): void {
    this.enders.push(ender);
  }

  /** Closes every live connection opened by the account. */
  endUser(userId: string): void {
    for (const ender of this.enders) {
      try {
        ender(userId);
      } catch (error) {
        logger.error({ err: error, userId }, 'could not close the connections of an account');
      }
    }
  }
}
