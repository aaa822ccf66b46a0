/** Counts attempts per key in a fixed window: enough to slow guessing, and bounded in memory. */
export class RateLimiter {
  private readonly hits = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly maxKeys = 10_000,
  ) {}

  /** Whether the key has attempts left now (does not count one). */
  allowed(key: string, now = Date.now()): boolean {
    const entry = this.hits.get(key);
    return !entry || entry.resetAt <= now || entry.count < this.limit;
  }

  /** Counts one attempt; returns false once the key is over its limit. */
  hit(key: string, now = Date.now()): boolean {
    let entry = this.hits.get(key);
    if (!entry || entry.resetAt <= now) {
      if (this.hits.size >= this.maxKeys) this.sweep(now);
      entry = { count: 0, resetAt: now + this.windowMs };
      this.hits.set(key, entry);
    }
    entry.count += 1;
    return entry.count <= this.limit;
  }

  /** Forgets a key (a closed socket's own budget). */
  reset(key: string): void {
    this.hits.delete(key);
  }

  /** How long (ms) until the key has attempts again; 0 when it has some now. */
  retryAfterMs(key: string, now = Date.now()): number {
    const entry = this.hits.get(key);
    return this.allowed(key, now) || !entry ? 0 : entry.resetAt - now;
  }

  private sweep(now: number): void {
    for (const [key, entry] of this.hits) if (entry.resetAt <= now) this.hits.delete(key);
    // Still full of live keys: forget the oldest rather than grow without bound.
    while (this.hits.size >= this.maxKeys) {
      const oldest = this.hits.keys().next().value;
      if (oldest === undefined) break;
      this.hits.delete(oldest);
    }
  }
}
