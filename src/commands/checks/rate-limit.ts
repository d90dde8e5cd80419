/**
 * Per-user sliding-window rate limit: the global check the pipeline runs before any command.
 * A sliding window (not fixed buckets) so a burst at a minute boundary cannot double the limit.
 */
import { msg } from '../../messages/index.js';

export type RateCheck = { ok: true } | { ok: false; retryAfterSeconds: number; message: string };

export interface RateLimiter {
  /** Records the attempt when allowed; rejected attempts do not extend the wait. */
  check(userId: string): RateCheck;
  /** Forget everything (tests, config reload). */
  reset(): void;
}

export interface RateLimitOptions {
  /** Commands allowed per user per window. */
  limit: number;
  windowMs?: number;
  now?: () => number;
}

export function createRateLimiter(opts: RateLimitOptions): RateLimiter {
  const windowMs = opts.windowMs ?? 60_000;
  const now = opts.now ?? Date.now;
  const hits = new Map<string, number[]>();
  let checks = 0;

  const prune = (t: number) => {
    for (const [user, times] of hits) {
      if (!times.length || times[times.length - 1]! <= t - windowMs) hits.delete(user);
    }
  };

  return {
    check(userId) {
      const t = now();
      // Occasionally drop idle users so the map does not grow with every user ever seen.
      if (++checks % 1000 === 0) prune(t);
      const times = (hits.get(userId) ?? []).filter((x) => x > t - windowMs);
      if (times.length >= opts.limit) {
        hits.set(userId, times);
        const retryAfterSeconds = Math.max(1, Math.ceil((times[0]! + windowMs - t) / 1000));
        return { ok: false, retryAfterSeconds, message: msg.core.rateLimited(retryAfterSeconds) };
      }
      times.push(t);
      hits.set(userId, times);
      return { ok: true };
    },
    reset() {
      hits.clear();
    },
  };
}
