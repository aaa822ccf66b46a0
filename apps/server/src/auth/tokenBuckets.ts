/**
 * A token bucket per key: up to `burst` at once, refilled at `perMinute`. Used for successful joins, where a whole
 * room arriving together must pass while hundreds in a burst must not; the wait it reports is the time to one token.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly refillPerMs: number;

  constructor(
    private readonly burst: number,
    perMinute: number,
    private readonly maxKeys = 10_000,
  ) {
    this.refillPerMs = perMinute / 60_000;
  }

  /** How long (ms) until the key may take one; 0 when it may now. */
  waitMs(key: string, now = Date.now()): number {
    const tokens = this.tokens(key, now);
    return tokens >= 1 ? 0 : Math.ceil((1 - tokens) / this.refillPerMs);
  }

  /** Takes one (call waitMs first: this never refuses). */
  take(key: string, now = Date.now()): void {
    const tokens = this.tokens(key, now);
    if (!this.buckets.has(key)) this.makeRoom(now);
    this.buckets.set(key, { tokens: tokens - 1, at: now });
  }

  private tokens(key: string, now: number): number {
    const bucket = this.buckets.get(key);
    if (!bucket) return this.burst;
    return Math.min(this.burst, bucket.tokens + (now - bucket.at) * this.refillPerMs);
  }

  private makeRoom(now: number): void {
    if (this.buckets.size < this.maxKeys) return;
    // A full bucket is the same as none.
    for (const [key] of this.buckets) if (this.tokens(key, now) >= this.burst) this.buckets.delete(key);
    while (this.buckets.size >= this.maxKeys) {
      const oldest = this.buckets.keys().next().value;
      if (oldest === undefined) break;
      this.buckets.delete(oldest);
    }
  }
}
