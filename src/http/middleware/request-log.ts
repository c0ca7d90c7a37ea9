import type { Context, MiddlewareHandler } from "hono";
import { redact } from "../../feedback/redact";

/**
 * One structured record per request. The query string and the body are left out
 * on purpose: citizens' questions (in /api/ask bodies and /api/search?q=) may hold
 * personal data, so they are logged only when an operator opts in.
 */
export interface RequestLogRecord {
  requestId: string | undefined;
  method: string;
  path: string;
  status: number;
  durationMs: number;
  /** The question or search text; present only with `logQuestions`. */
  question?: string;
  /** Why a request failed on the server side (5xx only); never sent to the client. */
  err?: string;
}

export type RequestLogSink = (record: RequestLogRecord) => void;

export interface RequestLogOptions {
  sink: RequestLogSink;
  logQuestions?: boolean;
  now?: () => number;
}

/** Paths are cut so a junk URL cannot flood the log. */
const MAX_LOGGED_PATH = 200;

export function requestLog(options: RequestLogOptions): MiddlewareHandler {
  const { sink, logQuestions = false, now = () => performance.now() } = options;
  return async function requestLogger(c, next) {
    const started = now();
    try {
      await next();
    } finally {
      const record: RequestLogRecord = {
        requestId: c.get("requestId" as never) as string | undefined,
        method: c.req.method,
        path: c.req.path.slice(0, MAX_LOGGED_PATH),
        status: c.res.status,
        durationMs: Math.round((now() - started) * 100) / 100,
      };
      if (logQuestions) {
        const question = questionOf(c);
        // Even when an operator opts in, phone numbers, ID numbers and names never reach the log.
        if (question !== undefined) record.question = redact(question);
      }
      if (c.res.status >= 500 && c.error) record.err = c.error.message;
      try {
        sink(record);
      } catch {
        // A broken log destination must not turn answered requests into 500s.
      }
    }
  };
}

function questionOf(c: Context): string | undefined {
  const json = c.req.valid("json" as never) as { question?: unknown } | undefined;
  if (typeof json?.question === "string") return json.question;
  const q = c.req.query("q");
  return q ?? undefined;
}
