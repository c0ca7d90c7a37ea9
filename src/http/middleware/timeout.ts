import type { MiddlewareHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { timeout } from "hono/timeout";

export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

/**
 * Answers 503 "timeout" (JSON, via app.onError) when a request takes longer than
 * `ms`, so a stuck embedding call or a slow client body cannot hold a connection
 * for ever. (CPU-bound work cannot be interrupted; it only stops being waited for.)
 */
export function requestTimeout(ms: number = DEFAULT_REQUEST_TIMEOUT_MS): MiddlewareHandler {
  return timeout(ms, () => new HTTPException(503, { message: "the request took too long; please retry" }));
}
