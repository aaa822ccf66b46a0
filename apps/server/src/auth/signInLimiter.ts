/** How failed sign-ins slow guessing down. */
export interface SignInLimits {
  /** Failures of one account from one address before each further try must wait. */
  freeFailures: number;
  /** The first wait; each further failure doubles it, up to maxWaitMs. */
  firstWaitMs: number;
  maxWaitMs: number;
  /** Failures from one address, across every account, within windowMs: the ceiling against spraying many accounts. */
  failuresPerAddress: number;
  windowMs: number;
  /** Entries kept at most, so a flood of made-up e-mails cannot grow memory without bound. */
  maxKeys: number;
}

export const SIGN_IN_LIMITS: SignInLimits = {
  freeFailures: 5,
  firstWaitMs: 1000,
  maxWaitMs: 15 * 60_000,
  failuresPerAddress: 300,
  windowMs: 15 * 60_000,
  maxKeys: 10_000,
};

interface Backoff {
  failures: number;
  blockedUntil: number;
  forgetAt: number;
}

interface Window {
  count: number;
  resetAt: number;
}

/** An attempt that may go ahead: say how it went, so a success is not counted against anyone. */
export interface SignInAttempt {
  succeeded(): void;
}

/**
 * Failed sign-ins are limited per account and address with exponential backoff, so guessing one password is slow
 * while colleagues behind the same school address still sign in; a much higher ceiling of failures per address
 * stops one address trying a few passwords on every account. Successes never count.
 *
 * An attempt is counted as a failure before the password is checked and taken back if it was right: checking is
 * asynchronous, and counting afterwards would let a burst of parallel guesses all pass the check at once.
 */
export class SignInLimiter {
  private readonly backoff = new Map<string, Backoff>();
  private readonly perAddress = new Map<string, Window>();

  constructor(private readonly limits: SignInLimits = SIGN_IN_LIMITS) {}

  /** Starts an attempt, or says how long to wait (in ms) before the next one. */
  begin(address: string, email: string, now = Date.now()): SignInAttempt | { retryAfterMs: number } {
    const key = `${address}|${email}`;
    const wait = Math.max(this.accountWait(key, now), this.addressWait(address, now));
    if (wait > 0) return { retryAfterMs: wait };
    this.countFailure(key, address, now);
    return {
      succeeded: () => {
        this.backoff.delete(key);
        const window = this.perAddress.get(address);
        if (window && window.count > 0) window.count -= 1;
      },
    };
  }

  private accountWait(key: string, now: number): number {
    const entry = this.backoff.get(key);
    if (!entry) return 0;
    if (entry.forgetAt <= now) {
      this.backoff.delete(key);
      return 0;
    }
    return Math.max(0, entry.blockedUntil - now);
  }

  private addressWait(address: string, now: number): number {
    const window = this.perAddress.get(address);
    if (!window || window.resetAt <= now || window.count < this.limits.failuresPerAddress) return 0;
    return window.resetAt - now;
  }

  private countFailure(key: string, address: string, now: number): void {
    const { freeFailures, firstWaitMs, maxWaitMs, windowMs } = this.limits;
    let entry = this.backoff.get(key);
    if (!entry) {
      this.makeRoom(this.backoff, now, (item) => item.forgetAt);
      entry = { failures: 0, blockedUntil: 0, forgetAt: 0 };
      this.backoff.set(key, entry);
    }
    entry.failures += 1;
    const over = entry.failures - freeFailures;
    if (over >= 0) entry.blockedUntil = now + Math.min(maxWaitMs, firstWaitMs * 2 ** Math.min(over, 30));
    // Forgotten only after a quiet spell as long as the longest wait, so waiting out one block does not reset it.
    entry.forgetAt = Math.max(entry.blockedUntil, now) + maxWaitMs;

    let window = this.perAddress.get(address);
    if (!window || window.resetAt <= now) {
      this.makeRoom(this.perAddress, now, (item) => item.resetAt);
      window = { count: 0, resetAt: now + windowMs };
      this.perAddress.set(address, window);
    }
    window.count += 1;
  }

  private makeRoom<T>(map: Map<string, T>, now: number, expiresAt: (item: T) => number): void {
    if (map.size < this.limits.maxKeys) return;
    for (const [key, item] of map) if (expiresAt(item) <= now) map.delete(key);
    // Still full of live entries: forget the oldest rather than grow without bound.
    while (map.size >= this.limits.maxKeys) {
      const oldest = map.keys().next().value;
      if (oldest === undefined) break;
      map.delete(oldest);
    }
  }
}
