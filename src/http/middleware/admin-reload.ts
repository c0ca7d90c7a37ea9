import type { OpenAPIHono } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { errorResponse } from "../errors";
import { withoutPaths } from "./redact-paths";

export type ReloadResult = { ok: true; buildId: string; previousBuildId: string | null } | { ok: false; error: string };

export interface AdminReloadOptions {
  /** The bearer token that authorises admin calls; without one the endpoint does not exist. */
  token: string | undefined;
  /** Loads and verifies the current index build and swaps it in only if it passes. */
  reload: () => Promise<ReloadResult>;
}

/**
 * POST /admin/reload: swaps in the index build named by index/CURRENT after it passes
 * verification. 401 without (or with a malformed) bearer token, 403 with a wrong one;
 * 404 when no ADMIN_TOKEN is configured, so an unconfigured server exposes nothing.
 */
export function registerAdminReload(app: OpenAPIHono, options: AdminReloadOptions): void {
  const { token, reload } = options;
  if (!token) return;
  app.post("/admin/reload", requireAdmin(token), async (c) => {
    const result = await reload();
    if (result.ok) return c.json({ reloaded: true, buildId: result.buildId, previousBuildId: result.previousBuildId }, 200);
    // Still serving the previous build, so this is a conflict, not an outage. The
    // message names what failed but not where on disk (the log has the full text).
    return errorResponse(c, "reload-failed", withoutPaths(result.error));
  });
}

/** The admin check, shared by every admin route: 401 without (or with a malformed) bearer token, 403 with a wrong one. */
export function requireAdmin(token: string): MiddlewareHandler {
  return async function adminOnly(c, next) {
    const match = /^Bearer ([\x21-\x7e]+)$/.exec(c.req.header("Authorization") ?? "");
    if (!match) {
      return errorResponse(c, "unauthorized", "send Authorization: Bearer <ADMIN_TOKEN>", {
        "WWW-Authenticate": 'Bearer realm="admin"',
      });
    }
    if (!(await sameSecret(match[1]!, token))) return errorResponse(c, "forbidden", "that token does not grant admin access");
    await next();
  };
}

/** Compares digests in constant time, so response timing does not reveal how much of a guess was right. */
async function sameSecret(given: string, expected: string): Promise<boolean> {
  const encoder = new TextEncoder();
  const [a, b] = await Promise.all([
    crypto.subtle.digest("SHA-256", encoder.encode(given)),
    crypto.subtle.digest("SHA-256", encoder.encode(expected)),
  ]);
  const x = new Uint8Array(a);
  const y = new Uint8Array(b);
  let difference = 0;
  for (let i = 0; i < x.length; i++) difference |= x[i]! ^ y[i]!;
  return difference === 0;
}
