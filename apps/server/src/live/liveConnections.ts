import { logger } from '../logger.js';

/**
 * Ends an account's live connections at once (on deactivation), or a phone's (the EP removed it): the meeting
 * gateway and the notes endpoint each register how to find and close those sockets.
 */
export class LiveConnections {
  private readonly enders: ((userId: string) => void)[] = [];
  private readonly participantEnders: ((participantId: string) => void)[] = [];

  /** Registers how one gateway closes an account's connections. */
  onEndUser(ender: (userId: string) => void): void {
    this.enders.push(ender);
  }

  /** Registers how one gateway closes a phone's connections (its participant token). */
  onEndParticipant(ender: (participantId: string) => void): void {
    this.participantEnders.push(ender);
  }

  /** Closes every live connection opened with a phone's token (the EP removed them from the meeting). */
  endParticipant(participantId: string): void {
    for (const ender of this.participantEnders) {
      try {
        ender(participantId);
      } catch (error) {
        logger.error({ err: error, participantId }, 'could not close the connections of a participant');
      }
    }
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
