import { type Cluster, singleNode } from '../cluster/cluster.js';
import { logger } from '../logger.js';

/**
 * Ends an account's live connections at once (on deactivation), or a phone's (the EP removed it): the meeting
 * gateway and the notes endpoint each register how to find and close those sockets.
 */
export class LiveConnections {
  private readonly enders: ((userId: string) => void)[] = [];
  private readonly participantEnders: ((participantId: string) => void)[] = [];
  /** The other nodes of a cluster, told of every end so their connections go too (a node alone tells no one). */
  private others: Pick<Cluster, 'endUser' | 'endParticipant'> = singleNode;

  /** From now on, every end is told to the other nodes as well. */
  tellOthers(cluster: Pick<Cluster, 'endUser' | 'endParticipant'>): void {
    this.others = cluster;
  }

  private readonly listers: (() => Iterable<string>)[] = [];

  /** Registers how one gateway lists the accounts it holds connections of (for `sweepUsers`). */
  onListUsers(lister: () => Iterable<string>): void {
    this.listers.push(lister);
  }

  /**
   * Closes this node's connections of every account that may no longer be here: after an outage of the cluster's
   * Redis, another node's "deactivated" may have been missed.
   */
  sweepUsers(isActive: (userId: string) => boolean): number {
    const userIds = new Set<string>();
    for (const lister of this.listers) for (const userId of lister()) userIds.add(userId);
    let ended = 0;
    for (const userId of userIds) {
      if (isActive(userId)) continue;
      this.endUserHere(userId);
      ended += 1;
    }
    return ended;
  }

  /** Registers how one gateway closes an account's connections. */
  onEndUser(ender: (userId: string) => void): void {
    this.enders.push(ender);
  }

  /** Registers how one gateway closes a phone's connections (its participant token). */
  onEndParticipant(ender: (participantId: string) => void): void {
    this.participantEnders.push(ender);
  }

  /** Closes every live connection opened with a phone's token (the EP removed them from the meeting), on every node. */
  endParticipant(participantId: string): void {
    this.endParticipantHere(participantId);
    this.others.endParticipant(participantId);
  }

  /** Closes the connections a phone's token opened on this node (another node asked, or this one). */
  endParticipantHere(participantId: string): void {
    for (const ender of this.participantEnders) {
      try {
        ender(participantId);
      } catch (error) {
        logger.error({ err: error, participantId }, 'could not close the connections of a participant');
      }
    }
  }

  /** Closes every live connection opened by the account, on every node. */
  endUser(userId: string): void {
    this.endUserHere(userId);
    this.others.endUser(userId);
  }

  /** Closes the connections the account opened on this node (another node asked, or this one). */
  endUserHere(userId: string): void {
    for (const ender of this.enders) {
      try {
        ender(userId);
      } catch (error) {
        logger.error({ err: error, userId }, 'could not close the connections of an account');
      }
    }
  }
}
