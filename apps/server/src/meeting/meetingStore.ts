import {
  applyEvent,
  currentCase,
  eventsFor,
  foldEvents,
  initialMeetingState,
  type MeetingEvent,
  type MeetingEventBody,
  type MeetingState,
  REPLAY_PAGE,
} from '@consultboard/domain';
import { type SessionOwnership, soleOwner } from '../cluster/ownership.js';
import type { Repos } from '../db/repos.js';
import { logger } from '../logger.js';

/** How often a node asks the node running a session to hand it over, while clients of the session come here. */
const HAND_OVER_ASK_MS = 2_000;

/** Another node runs this live session: this one neither writes to it nor relays it. */
export class SessionElsewhere extends Error {
  constructor(readonly sessionId: string) {
    super('another node runs this session');
    this.name = 'SessionElsewhere';
  }
}

/**
 * The server's view of each live meeting: the event log in the store is the truth, and the folded
 * state is a cache rebuilt from it on first use (so a restarted server picks up where it was).
 * On several nodes (issue 14), only the node that runs a session (`SessionOwnership`) keeps that cache and appends
 * to the log; any other node reads the log afresh each time it is asked, so it never answers from a stale copy.
 */
export class MeetingStore {
  private readonly states = new Map<string, MeetingState>();
  /** The room's view (what a phone folds from the start), kept until the next event. */
  private readonly roomViews = new Map<string, { state: MeetingState; bytes: number }>();
  private readonly listeners: ((sessionId: string, event: MeetingEvent) => void)[] = [];
  private readonly caseLeftWriters: ((left: CaseLeft) => void)[] = [];
  private readonly inUseListers: (() => Iterable<string>)[] = [];
  private readonly idleSince = new Set<string>();

  constructor(
    private readonly repos: Repos,
    private readonly ownership: SessionOwnership = soleOwner,
  ) {
    ownership.onLost((sessionIds) => {
      for (const sessionId of sessionIds) this.forget(sessionId);
      this.tellLost(sessionIds);
    });
  }

  private readonly lostListeners: ((sessionIds: string[]) => void)[] = [];
  private readonly elsewhereListeners: ((sessionId: string) => void)[] = [];
  /** When this node last asked for each session run elsewhere (asked at most once per HAND_OVER_ASK_MS). */
  private readonly asked = new Map<string, number>();

  private tellLost(sessionIds: string[]): void {
    for (const listener of this.lostListeners) {
      try {
        listener(sessionIds);
      } catch (error) {
        logger.error({ err: error }, 'could not close the connections of sessions run elsewhere now');
      }
    }
  }

  /**
   * Another node asked for a session this one runs (the balancer sends its clients there now: this node came back
   * after a failure, or the balancer's nodes changed). Its connections here close (they come back there), its
   * notes rooms go unwritten, and the session is released for that node.
   */
  handOver(sessionId: string): boolean {
    // (A node alone runs every session and lists none: it has nothing to hand over.)
    if (!this.ownership.holds(sessionId) || this.ownership.held().length === 0) return false;
    this.tellLost([sessionId]);
    this.release(sessionId);
    logger.info({ sessionId }, 'handed the session over to another node');
    return true;
  }

  /** Told when a client of a session run by another node came here (so that node may be asked to hand it over). */
  onElsewhere(listener: (sessionId: string) => void): void {
    this.elsewhereListeners.push(listener);
  }

  /**
   * Runs the session on this node from now on, if no other node does (a socket of the session arrives, or an event
   * must be appended); whether this node runs it. `askIfElsewhere`: a client of the session came here, so the node
   * running it is asked to hand it over (see `onElsewhere`). Taken afresh, the meeting is read from the log, never from a copy
   * made while another node ran it.
   */
  claim(sessionId: string, askIfElsewhere = false): boolean {
    if (this.ownership.holds(sessionId)) return true;
    if (!this.ownership.claim(sessionId)) {
      // Only a session's own clients (its sockets and notes, which the balancer routes by session) ask for it: a
      // request that merely landed here (a plan saved from a case page) must not move a meeting.
      if (!askIfElsewhere) return false;
      const now = Date.now();
      if ((this.asked.get(sessionId) ?? 0) + HAND_OVER_ASK_MS <= now) {
        this.asked.set(sessionId, now);
        for (const listener of this.elsewhereListeners) listener(sessionId);
      }
      return false;
    }
    this.asked.delete(sessionId);
    this.forget(sessionId);
    return true;
  }

  /** Stops running a session nobody here uses (another node may take it), and frees its copy. */
  release(sessionId: string): void {
    this.ownership.release(sessionId);
    this.forget(sessionId);
  }

  /**
   * Told of sessions this node stopped running without a client leaving (its database connection went, or another
   * node asked for them): their connections here must close, and come back to whichever node runs them.
   */
  onLost(listener: (sessionIds: string[]) => void): void {
    this.lostListeners.push(listener);
  }

  /** Registers how a gateway lists the sessions it has connections of (they are in use, and stay run here). */
  onListInUse(lister: () => Iterable<string>): void {
    this.inUseListers.push(lister);
  }

  /**
   * Releases the sessions this node runs that nobody here has used since the last sweep, so another node may run
   * them (the balancer brings a session's clients back to its node once that node is up again). Returns them.
   */
  releaseIdle(): string[] {
    const inUse = new Set<string>();
    for (const lister of this.inUseListers) for (const sessionId of lister()) inUse.add(sessionId);
    const released: string[] = [];
    for (const sessionId of this.ownership.held()) {
      if (inUse.has(sessionId)) {
        this.idleSince.delete(sessionId);
        continue;
      }
      // Idle for a whole sweep first: a phone between two sockets is not gone.
      if (!this.idleSince.has(sessionId)) {
        this.idleSince.add(sessionId);
        continue;
      }
      this.idleSince.delete(sessionId);
      this.release(sessionId);
      released.push(sessionId);
    }
    return released;
  }

  /** Whether this node runs the session. */
  runs(sessionId: string): boolean {
    return this.ownership.holds(sessionId);
  }

  /** The sessions this node runs (none listed on one node alone, which runs every session). */
  running(): string[] {
    return this.ownership.held();
  }

  state(sessionId: string): MeetingState {
    // Not run here: the log as it is now, kept nowhere.
    if (!this.ownership.holds(sessionId))
      return foldEvents(initialMeetingState, this.repos.meetingEvents.after(sessionId, 0));
    let state = this.states.get(sessionId);
    if (!state) {
      state = foldEvents(initialMeetingState, this.repos.meetingEvents.after(sessionId, 0));
      this.states.set(sessionId, state);
    }
    return state;
  }

  /**
   * The meeting as a phone folds it from the first event (every event redacted against the meeting as it stands
   * now, exactly as a welcome and catch-up send them), with its size as JSON. Built from the log once per event at
   * most, and only when someone asks (a phone joining), so a room arriving at once costs one fold.
   */
  roomView(sessionId: string): { state: MeetingState; bytes: number } {
    const now = this.state(sessionId);
    const cached = this.roomViews.get(sessionId);
    if (cached && cached.state.seq === now.seq) return cached;
    const state = foldEvents(
      initialMeetingState,
      eventsFor('participant', this.repos.meetingEvents.after(sessionId, 0), now),
    );
    const view = { state, bytes: Buffer.byteLength(JSON.stringify(state)) };
    if (this.ownership.holds(sessionId)) this.roomViews.set(sessionId, view);
    return view;
  }

  /** One page of the events after `seq` (REPLAY_PAGE unless told), and whether more follow. */
  page(sessionId: string, seq: number, size: { events: number; bytes: number } = REPLAY_PAGE) {
    return this.repos.meetingEvents.page(sessionId, seq, size.events, size.bytes);
  }

  seqOfCommand(sessionId: string, commandId: string): number | undefined {
    return this.repos.meetingEvents.seqOfCommand(sessionId, commandId);
  }

  /**
   * Appends an event with the next sequence number, together with any other writes it implies, in one
   * transaction; the cached state moves on only once the transaction has committed.
   */
  append(
    sessionId: string,
    body: MeetingEventBody,
    meta: { commandId: string | null; actor: string; now: number },
    alongside?: () => void,
  ): MeetingEvent {
    // Only the node that runs the session writes to it (PostgreSQL's lock says which); any other refuses.
    if (!this.claim(sessionId)) throw new SessionElsewhere(sessionId);
    const state = this.state(sessionId);
    const event = { ...body, seq: state.seq + 1, at: meta.now } as MeetingEvent;
    const after = applyEvent(state, event);
    const left = caseLeft(state, after);
    this.repos.transaction(() => {
      this.repos.meetingEvents.append(sessionId, event, meta.commandId, meta.actor);
      alongside?.();
      if (left) this.writeCaseLeft({ sessionId, caseId: left, state: after, event, now: meta.now });
    });
    this.states.set(sessionId, after);
    for (const listener of this.listeners) listener(sessionId, event);
    return event;
  }

  /** Calls a listener after each event is committed (the gateway broadcasts from here). */
  onEvent(listener: (sessionId: string, event: MeetingEvent) => void): void {
    this.listeners.push(listener);
  }

  /**
   * Registers a write that goes with a case being left (Next case, Previous case, End session): the minutes and the
   * strategy bank (issue 12). It runs inside the event's transaction, each writer in a savepoint of its own: what it
   * writes is committed with the event or not at all, and a writer that fails is logged and rolled back alone, never
   * holding the meeting up.
   */
  onCaseLeft(writer: (left: CaseLeft) => void): void {
    this.caseLeftWriters.push(writer);
  }

  private writeCaseLeft(left: CaseLeft): void {
    for (const writer of this.caseLeftWriters) {
      try {
        this.repos.transaction(() => writer(left));
      } catch (error) {
        logger.error(
          { err: error, sessionId: left.sessionId, caseId: left.caseId },
          'a write on leaving a case failed',
        );
      }
    }
  }

  /** Frees a meeting's cached state (it is rebuilt from the log if needed again). */
  forget(sessionId: string): void {
    this.states.delete(sessionId);
    this.roomViews.delete(sessionId);
  }
}

/** A case the meeting has just left, and the meeting as it stands after the event that left it. */
export interface CaseLeft {
  sessionId: string;
  caseId: string;
  state: MeetingState;
  event: MeetingEvent;
  now: number;
}

/** The case a live meeting was on and has left (another case now, or the session ended), if any. */
export function caseLeft(before: MeetingState, after: MeetingState): string | undefined {
  if (before.status !== 'live') return undefined;
  const was = currentCase(before)?.id;
  if (!was) return undefined;
  return after.status === 'ended' || currentCase(after)?.id !== was ? was : undefined;
}
