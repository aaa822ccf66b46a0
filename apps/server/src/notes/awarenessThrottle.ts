/**
 * Lets at most `perSecond` awareness updates a second through from one connection (a token bucket).
 * Extras are coalesced: only the latest waits, and it goes out when the bucket refills, so a caret
 * that moves 60 times a second still lands where it stopped, without flooding a room of 30.
 */
export class AwarenessThrottle<T> {
  private tokens: number;
  private refilledAt: number;
  private pending: T | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** How many updates were replaced by a later one before they went out. */
  coalesced = 0;

  constructor(
    private readonly perSecond: number,
    private readonly deliver: (update: T) => void,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = perSecond;
    this.refilledAt = now();
  }

  /** Delivers the update now if the budget allows, or keeps it (replacing any older one) for later. */
  offer(update: T): void {
    this.refill();
    if (this.pending === null && this.tokens >= 1) {
      this.tokens -= 1;
      this.deliver(update);
      return;
    }
    if (this.pending !== null) this.coalesced += 1;
    this.pending = update;
    this.schedule();
  }

  /** Drops anything waiting; nothing is delivered afterwards. */
  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending = null;
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(this.perSecond, this.tokens + ((now - this.refilledAt) / 1000) * this.perSecond);
    this.refilledAt = now;
  }

  private schedule(): void {
    if (this.timer) return;
    const waitMs = Math.max(1, Math.ceil(((1 - this.tokens) * 1000) / this.perSecond));
    this.timer = setTimeout(() => {
      this.timer = null;
      this.refill();
      if (this.pending === null) return;
      if (this.tokens < 1) return this.schedule();
      this.tokens -= 1;
      const update = this.pending;
      this.pending = null;
      this.deliver(update);
    }, waitMs);
    this.timer.unref?.();
  }
}
