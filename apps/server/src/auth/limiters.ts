import { RateLimiter } from './rateLimiter.js';
import { SIGN_IN_LIMITS, SignInLimiter } from './signInLimiter.js';
import { TokenBuckets } from './tokenBuckets.js';

/** The limits on signing in and joining, in one place. */
export const JOIN_LIMITS = {
  /** Wrong join codes from one address: guessing a code stays slow. */
  failuresPerAddress: { limit: 10, windowMs: 5 * 60_000 },
  /** Successful joins of one session: a room of 15 and its reconnects pass, a flood of made-up phones does not. */
  perCode: { burst: 60, perMinute: 60 },
  /** Successful joins from one address, across sessions. */
  perAddress: { burst: 30, perMinute: 30 },
} as const;

export interface Limiters {
  signIn: SignInLimiter;
  joinFailures: RateLimiter;
  joinsPerCode: TokenBuckets;
  joinsPerAddress: TokenBuckets;
}

/** Fresh limiters for one server (they live in memory: a restart forgets them). */
export function createLimiters(): Limiters {
  const { failuresPerAddress, perCode, perAddress } = JOIN_LIMITS;
  return {
    signIn: new SignInLimiter(SIGN_IN_LIMITS),
    joinFailures: new RateLimiter(failuresPerAddress.limit, failuresPerAddress.windowMs),
    joinsPerCode: new TokenBuckets(perCode.burst, perCode.perMinute),
    joinsPerAddress: new TokenBuckets(perAddress.burst, perAddress.perMinute),
  };
}
