/**
 * A budget that refills at a steady rate up to a burst: `take()` spends one if there is one. Shared between
 * throttles when one budget covers several connections (all of one token's).
 */
export class TokenBucket {
  private tokens: number;
  private refilledAt: number;

  constructor(
    readonly burst: number,
    /** How long one token takes to come back. */
    readonly refillMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = burst;
    this.refilledAt = now();
  }

  /** Whether a token is there to take. */
  get available(): boolean {
    this.refill();
    return this.tokens >= 1;
  }

  /** Spends a token if there is one. */
  take(): boolean {
    if (!this.available) return false;
    this.tokens -= 1;
    return true;
  }

  /** How long until a token is there (0 when one is). */
  waitMs(): number {
    this.refill();
    return this.tokens >= 1 ? 0 : Math.ceil((1 - this.tokens) * this.refillMs);
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + (now - this.refilledAt) / this.refillMs);
    this.refilledAt = now;
  }
}
