import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";

/**
 * Hono's bodyLimit, made cheap for the common case. Reading `c.req.raw.body`
 * makes @hono/node-server build a full Request and stream for every request,
 * GETs included; a bodiless method or a declared Content-Length is settled from
 * the headers alone, and only a chunked body goes through the streaming check.
 */
export function bodySizeLimit(maxSize: number, onError: (c: Context) => Response | Promise<Response>): MiddlewareHandler {
  const streaming = bodyLimit({ maxSize, onError });
  return async function bodySize(c, next) {
    if (c.req.method === "GET" || c.req.method === "HEAD" || c.req.method === "OPTIONS") return next();
    const length = c.req.header("content-length");
    if (length !== undefined && !c.req.header("transfer-encoding")) {
      return Number(length) > maxSize ? onError(c) : next();
    }
    return streaming(c, next);
  };
}
