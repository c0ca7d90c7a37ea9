import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** The error catalogue: every code the API can answer with, and its status. */
export const ERROR_STATUS = {
  "invalid-request": 400,
  "invalid-json": 400,
  "unknown-document": 404,
  "unknown-unit": 404,
  "not-found": 404,
  "method-not-allowed": 405,
  "payload-too-large": 413,
  "unsupported-media-type": 415,
  "rate-limited": 429,
  unauthorized: 401,
  forbidden: 403,
  "not-ready": 503,
  "reload-failed": 409,
  timeout: 503,
  internal: 500,
  // Feedback (src/http/feedback-routes.ts).
  "unknown-ask": 404,
  "already-rated": 409,
  "feedback-unavailable": 503,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** An error that knows its API code; thrown anywhere, rendered once in app.onError. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function errorResponse(c: Context, code: ErrorCode, message: string, headers: Record<string, string> = {}) {
  return c.json({ error: { code, message } }, ERROR_STATUS[code], headers);
}

/** Maps anything thrown to a JSON error; never leaks a stack trace or a file path. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof HTTPException) {
    switch (error.status) {
      case 400:
        return new ApiError("invalid-json", "request body is not valid JSON");
      case 413:
        return new ApiError("payload-too-large", "request body is larger than 16 KB");
      case 415:
        return new ApiError("unsupported-media-type", "send the request body as application/json");
      case 401:
        return new ApiError("unauthorized", error.message || "authentication required");
      case 503:
        return new ApiError("timeout", "the request took too long; please retry");
      default:
        return new ApiError(error.status >= 500 ? "internal" : "invalid-request", error.status >= 500 ? "internal error" : error.message);
    }
  }
  return new ApiError("internal", "internal error");
}
