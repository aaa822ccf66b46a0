import type { CommandType } from '@consultboard/domain';
import { RateLimiter } from '../auth/rateLimiter.js';
import { personIn, type SocketIdentity } from './handshake.js';
import type { Budget, MeetingSettings } from './meetingSettings.js';

const limiter = (budget: Budget) => new RateLimiter(budget.limit, budget.windowMs);

/** The gateway's rate limits, per person in a meeting and per meeting (see MeetingSettings): false means refuse. */
export class MeetingLimiters {
  private readonly connects: RateLimiter;
  private readonly commands: RateLimiter;
  private readonly cards: RateLimiter;
  private readonly roomCommands: RateLimiter;
  private readonly catchUpsPerSocket: RateLimiter;
  private readonly catchUps: RateLimiter;
  private readonly suggestions: RateLimiter;

  constructor(settings: MeetingSettings) {
    this.connects = limiter(settings.connects);
    this.commands = limiter(settings.commands);
    this.cards = limiter(settings.cards);
    this.roomCommands = limiter(settings.roomCommands);
    this.catchUpsPerSocket = limiter(settings.catchUpsPerSocket);
    this.catchUps = limiter(settings.catchUps);
    this.suggestions = limiter(settings.suggestions);
  }

  connect(who: SocketIdentity): boolean {
    return this.connects.hit(personIn(who));
  }

  /**
   * One command from a person. The EP's console is held only to its own budget, so a flood from the phones
   * can never stop the EP from hiding a card or removing someone.
   */
  command(who: SocketIdentity, type: unknown): boolean {
    if (!this.commands.hit(personIn(who))) return false;
    if (who.role !== 'participant') return true;
    if (!this.roomCommands.hit(who.sessionId)) return false;
    return type !== ('card.add' satisfies CommandType) || this.cards.hit(personIn(who));
  }

  catchUp(who: SocketIdentity, socketId: string): boolean {
    return this.catchUpsPerSocket.hit(socketId) && this.catchUps.hit(personIn(who));
  }

  /** Forgets a closed socket's own budget. */
  /** Issue 13: one directory look-up of the Resource box, per person. */
  suggest(who: SocketIdentity): boolean {
    return this.suggestions.hit(personIn(who));
  }

  socketClosed(socketId: string): void {
    this.catchUpsPerSocket.reset(socketId);
  }
}
