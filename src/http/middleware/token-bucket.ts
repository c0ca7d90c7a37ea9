/**
 * Per-key token buckets: pure logic over an injected clock, so the Node server and
 * the Worker share it and tests run on a fake clock.
 *
 * Each key holds up to `capacity` tokens and regains `capacity` tokens per
 * `refillMs`. Memory stays bounded: a bucket left alone for `refillMs` is full
 * again, which is exactly what an absent bucket means, so it is dropped; and
 * when more than `maxKeys` clients are active at once, the least recently seen
 * is dropped first (it then starts again with a full bucket: under a flood of
 * addresses we prefer bounded memory over remembering every stranger).
 */
export interface TokenBucketOptions {
  /** Tokens a bucket holds when full: the burst a client may send at once. */
  capacity: number;
  /** Time in which an empty bucket fills up again (a minute for "per minute" budgets). */
  refillMs: number;
  /** Most buckets kept at once. */
  maxKeys?: number;
  /** Milliseconds since any fixed origin; `Date.now` in production. */
  now?: () => number;
}

export type TakeResult =
  | { allowed: true; remaining: number }
  | { allowed: false; remaining: 0; retryAfterMs: number };

export interface TokenBuckets {
  /** Takes one token for `key` if it has one. */
  take(key: string): TakeResult;
  /** How many buckets are held (for tests and metrics). */
  size(): number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export const DEFAULT_MAX_KEYS = 10_000;

export function createTokenBuckets(options: TokenBucketOptions): TokenBuckets {
  const { capacity, refillMs, maxKeys = DEFAULT_MAX_KEYS, now = Date.now } = options;
  if (!(capacity >= 1) || !Number.isFinite(capacity)) throw new RangeError(`token bucket: capacity must be ≥ 1, got ${capacity}`);
  if (!(refillMs > 0) || !Number.isFinite(refillMs)) throw new RangeError(`token bucket: refillMs must be > 0, got ${refillMs}`);
  if (!(maxKeys >= 1)) throw new RangeError(`token bucket: maxKeys must be ≥ 1, got ${maxKeys}`);
  const perMs = capacity / refillMs;
  // A Map iterates in insertion order; re-inserting on every use keeps it ordered
  // by last use, so idle buckets are always at the front.
  const buckets = new Map<string, Bucket>();

  function evict(time: number): void {
    for (const [key, bucket] of buckets) {
      if (time - bucket.updatedAt < refillMs && buckets.size <= maxKeys) break;
      buckets.delete(key);
    }
  }

  return {
    take(key) {
      const time = now();
      const previous = buckets.get(key);
      let tokens = capacity;
      if (previous) {
        // A clock that goes backwards must not mint tokens nor lock a client out.
        const elapsed = Math.max(0, time - previous.updatedAt);
        tokens = Math.min(capacity, previous.tokens + elapsed * perMs);
        buckets.delete(key);
      }
      const allowed = tokens >= 1;
      if (allowed) tokens -= 1;
      buckets.set(key, { tokens, updatedAt: time });
      evict(time);
      if (allowed) return { allowed: true, remaining: Math.floor(tokens) };
      return { allowed: false, remaining: 0, retryAfterMs: Math.ceil((1 - tokens) / perMs) };
    },
    size: () => buckets.size,
  };
}
