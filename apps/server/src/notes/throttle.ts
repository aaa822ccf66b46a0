import type { TokenBucket } from './tokenBucket.js';

/**
 * Lets messages through while every one of its budgets has a token (a connection's own and its token's,
 * shared by all that token's connections), spending one of each. Extras are coalesced: only the latest
 * waits, and it goes out when the budgets refill, so a caret that moves 60 times a second still lands where
 * it stopped, and a client that asks to sync 200 times gets a few answers, the last one current.
 */
export class Throttle<T> {
  private pending: T | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** How many messages were replaced by a later one before they went out. */
  coalesced = 0;

  constructor(
    private readonly budgets: readonly TokenBucket[],
    private readonly deliver: (message: T) => void,
  ) {}

  /** Delivers the message now if the budgets allow, or keeps it (replacing any older one) for later. */
  offer(message: T): void {
    if (this.pending === null && this.spend()) {
      this.deliver(message);
      return;
    }
    if (this.pending !== null) this.coalesced += 1;
    this.pending = message;
    this.schedule();
  }

  /** Drops anything waiting; nothing is delivered afterwards. */
  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending = null;
  }

  private spend(): boolean {
    if (!this.budgets.every((budget) => budget.available)) return false;
    for (const budget of this.budgets) budget.take();
    return true;
  }

  private schedule(): void {
    if (this.timer) return;
    const waitMs = Math.max(1, ...this.budgets.map((budget) => budget.waitMs()));
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.pending === null) return;
      // Another connection of the same token may have spent the shared token first: wait again.
      if (!this.spend()) return this.schedule();
      const message = this.pending;
      this.pending = null;
      this.deliver(message);
    }, waitMs);
    this.timer.unref?.();
  }
}
