import type { Context, MiddlewareHandler } from "hono";
import { errorResponse } from "../errors";
import { createTokenBuckets, type TokenBuckets } from "./token-bucket";

/** Names the client a request comes from; undefined when the runtime cannot tell. */
export type ClientKey = (c: Context) => string | undefined;

export interface RateLimitOptions {
  /** Requests a client may make per minute (also its burst). 0 switches limiting off. */
  perMinute: number;
  clientKey: ClientKey;
  now?: () => number;
}

const MINUTE_MS = 60_000;
/** Requests from an unknown address share one bucket rather than escaping the limit. */
const UNKNOWN_CLIENT = "unknown";

/** Only the API and admin routes count against the budget, not probes or static files. */
const limitsApiAndAdmin = (path: string): boolean => path.startsWith("/api/") || path.startsWith("/admin/");

/** Token-bucket rate limiting per client: 429 JSON with Retry-After once a client's budget is spent. */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  const { perMinute, clientKey } = options;
  if (perMinute === 0) return async function rateLimitOff(_c, next) { await next(); };
  const buckets: TokenBuckets = createTokenBuckets({
    capacity: perMinute,
    refillMs: MINUTE_MS,
    now: options.now,
  });
  return async function rateLimited(c, next) {
    if (!limitsApiAndAdmin(c.req.path)) return next();
    const result = buckets.take(clientKey(c) ?? UNKNOWN_CLIENT);
    if (!result.allowed) {
      const seconds = Math.max(1, Math.ceil(result.retryAfterMs / 1000));
      return errorResponse(c, "rate-limited", `too many requests; retry in ${seconds} s`, {
        "Retry-After": String(seconds),
        "RateLimit-Limit": String(perMinute),
        "RateLimit-Remaining": "0",
      });
    }
    c.header("RateLimit-Limit", String(perMinute));
    c.header("RateLimit-Remaining", String(result.remaining));
    await next();
  };
}
