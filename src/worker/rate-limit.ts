import type { MiddlewareHandler } from "hono";
import { errorResponse } from "../http/errors";
import type { RateLimitBinding } from "./env";

/**
 * API rate limiting with the platform's rate-limiting binding (limits and period
 * live in wrangler.toml [[ratelimits]]), keyed by client IP. Only /api/* counts:
 * health checks and static pages stay free.
 */
export function rateLimitMiddleware(limiter: RateLimitBinding): MiddlewareHandler {
  return async function rateLimit(c, next) {
    if (!c.req.path.startsWith("/api/")) return next();
    const key = c.req.header("CF-Connecting-IP") ?? "unknown";
    const { success } = await limiter.limit({ key });
    if (!success) return errorResponse(c, "rate-limited", "too many requests; try again in a minute", { "Retry-After": "60" });
    return next();
  };
}
