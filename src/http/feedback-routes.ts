/**
 * Feedback and the maintainer's view:
 *   POST /api/feedback           👍 / 👎 (with a reason) for one askId, once per client
 *   GET  /admin                  the maintainer's page (a shell; its data needs the admin token)
 *   GET  /admin/api/report       refused and thumbs-down questions by topic, documents asked about, refusals per day
 *   GET  /admin/api/export       any of those views as CSV
 * and `recordAsk`, which gives each /api/ask response its askId and queues its log row.
 * Everything written goes through redact() first.
 */
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { Engine } from "../engine/engine";
import { redact } from "../feedback/redact";
import { CSV_VIEWS, groupProblems, viewCsv, type CsvView, type GapReport } from "../feedback/report";
import { FeedbackService, type FeedbackHealth } from "../feedback/service";
import { MAX_COMMENT_CHARS, RATING_REASONS, RATINGS, type AskRecord } from "../feedback/store";
import { adminPage } from "./admin-page";
import { ApiError } from "./errors";
import { requireAdmin } from "./middleware/admin-reload";
import type { ClientKey } from "./middleware/rate-limit";
import { withoutPaths } from "./middleware/redact-paths";
import { ERROR_RESPONSE_DOCS, errorResponseDoc, type AskRequest, type AskResponse } from "./schemas";

export interface FeedbackOptions {
  service: FeedbackService;
  /** Enables /admin and /admin/api/* (Bearer); without it they do not exist. */
  adminToken?: string;
  /** Who is asking (the rate limiter's key); hashed before it is stored. */
  clientKey?: ClientKey;
}

export const MAX_REPORT_DAYS = 366;
/** Problem asks read for one report; the newest are kept. */
const REPORT_ASK_LIMIT = 2_000;
const REPORT_DOCUMENT_LIMIT = 20;

export const FeedbackRequestSchema = z
  .strictObject(
    {
      askId: z.string({ error: "askId must be a string" }).min(1, "askId must not be empty").max(64, "askId must be at most 64 characters"),
      rating: z.enum(RATINGS, { error: 'rating must be "up" or "down"' }),
      reason: z.enum(RATING_REASONS, { error: `reason must be one of ${RATING_REASONS.join(", ")}` }).optional(),
      comment: z
        .string({ error: "comment must be a string" })
        .max(MAX_COMMENT_CHARS, `comment must be at most ${MAX_COMMENT_CHARS} characters`)
        .optional(),
    },
    { error: (issue) => (issue.code === "unrecognized_keys" ? `unknown field(s): ${issue.keys.join(", ")}` : undefined) },
  )
  .refine((body) => body.rating === "down" || body.reason === undefined, { message: "reason is only for a thumbs-down (rating \"down\")", path: ["reason"] })
  .openapi("FeedbackRequest");

const FeedbackResponseSchema = z.object({ stored: z.literal(true), askId: z.string() }).openapi("FeedbackResponse");

const feedbackRoute = createRoute({
  method: "post",
  path: "/api/feedback",
  summary: "Rate one answer (👍 / 👎 with a reason); once per answer and client",
  request: { body: { required: true, content: { "application/json": { schema: FeedbackRequestSchema } } } },
  responses: {
    201: { description: "Stored", content: { "application/json": { schema: FeedbackResponseSchema } } },
    400: ERROR_RESPONSE_DOCS[400],
    404: errorResponseDoc("Unknown askId"),
    409: errorResponseDoc("This client already rated this answer"),
    503: errorResponseDoc("Feedback storage is off or failing"),
  },
});

/** The feedback side of one app: ask logging, the rating route, the admin routes and the /health line. */
export interface FeedbackRoutes {
  /** Adds askId to an /api/ask response and queues its log row; never throws, never waits on the database. */
  recordAsk(c: Context, request: AskRequest, response: AskResponse, startedMs: number): Promise<AskResponse & { askId: string }>;
  health(): Promise<FeedbackHealth>;
}

export function registerFeedbackRoutes(app: OpenAPIHono, engine: () => Engine | null, options: Partial<FeedbackOptions>): FeedbackRoutes {
  const service = options.service ?? new FeedbackService(null, {}, "feedback is not configured for this runtime");
  const clientOf = clientHasher(options.clientKey);

  app.openapi(feedbackRoute, async (c) => {
    const body = c.req.valid("json");
    if (!service.enabled) throw new ApiError("feedback-unavailable", `feedback is off: ${service.snapshot().reason}`);
    const outcome = await service.rate({
      askId: body.askId,
      client: await clientOf(c),
      rating: body.rating,
      reason: body.reason ?? null,
      comment: body.comment?.trim() ? redact(body.comment.trim()) : null,
      at: Date.now(),
    });
    switch (outcome) {
      case "stored":
        return c.json({ stored: true as const, askId: body.askId }, 201);
      case "unknown-ask":
        throw new ApiError("unknown-ask", `no answer with askId ${JSON.stringify(body.askId)} (it may be older than the retention period)`);
      case "already-rated":
        throw new ApiError("already-rated", `this answer (askId ${JSON.stringify(body.askId)}) was already rated from this client`);
      case "unavailable":
        throw new ApiError("feedback-unavailable", "feedback storage is failing right now; the rating was not stored, please retry later");
    }
  });

  if (options.adminToken) registerAdmin(app, engine, service, options.adminToken);

  return {
    async recordAsk(c, request, response, startedMs) {
      const askId = crypto.randomUUID();
      if (service.enabled) {
        try {
          service.logAsk(askRecord(askId, request, response, startedMs, await clientOf(c)));
        } catch {
          // The log is best-effort; the answer is what matters.
        }
      }
      return { ...response, askId };
    },
    async health() {
      const health = await service.health();
      return { ...health, reason: health.reason === null ? null : withoutPaths(health.reason) };
    },
  };
}

function askRecord(askId: string, request: AskRequest, response: AskResponse, startedMs: number, client: string): AskRecord {
  // intent and reason come from the answer layer when it reports them (read defensively: older responses lack them).
  const extra = response as AskResponse & { intent?: unknown; reason?: unknown };
  return {
    askId,
    at: Date.now(),
    question: redact(request.question),
    intent: labelOf(extra.intent),
    answered: response.answered,
    reason: response.answered ? null : (labelOf(extra.reason) ?? "refused"),
    citations: citedDocuments(response),
    latencyMs: Math.round((performance.now() - startedMs) * 100) / 100,
    client,
  };
}

/** One entry per document, in rank order, with its best passage's score (citations are per passage). */
function citedDocuments(response: AskResponse): AskRecord["citations"] {
  const best = new Map<string, number>();
  for (const c of response.citations) if (!best.has(c.docId) || best.get(c.docId)! < c.score) best.set(c.docId, c.score);
  return [...best].map(([docId, score]) => ({ docId, score }));
}

/** A string as is; an analysed object by its kind/name/type; anything else as null. */
function labelOf(value: unknown): string | null {
  if (typeof value === "string") return value.slice(0, 60);
  if (value && typeof value === "object") {
    for (const key of ["kind", "name", "type", "intent"]) {
      const field = (value as Record<string, unknown>)[key];
      if (typeof field === "string") return field.slice(0, 60);
    }
  }
  return null;
}

/** The client key, hashed (SHA-256, truncated): enough to tell clients apart, not to recover an address. */
function clientHasher(clientKey: ClientKey | undefined): (c: Context) => Promise<string> {
  const cache = new Map<string, string>();
  return async (c) => {
    const key = clientKey?.(c) ?? "unknown";
    let hash = cache.get(key);
    if (!hash) {
      const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`policy-qa-client\u0000${key}`));
      hash = [...new Uint8Array(digest).slice(0, 12)].map((b) => b.toString(16).padStart(2, "0")).join("");
      if (cache.size > 10_000) cache.clear();
      cache.set(key, hash);
    }
    return hash;
  };
}

// ---------------------------------------------------------------- admin

const ReportQuerySchema = z.object({
  days: z.coerce
    .number({ error: "days must be a number" })
    .int("days must be a whole number")
    .min(1, "days must be at least 1")
    .max(MAX_REPORT_DAYS, `days must be at most ${MAX_REPORT_DAYS}`)
    .default(30),
});

const ExportQuerySchema = ReportQuerySchema.extend({
  view: z.enum(CSV_VIEWS as [CsvView, ...CsvView[]], { error: `view must be one of ${CSV_VIEWS.join(", ")}` }),
});

function registerAdmin(app: OpenAPIHono, engine: () => Engine | null, service: FeedbackService, token: string): void {
  const title = (docId: string) => engine()?.documentById.get(docId)?.title ?? docId;

  app.get("/admin", (c) => c.html(adminPage()));
  app.use("/admin/api/*", requireAdmin(token));

  const build = async (days: number) => {
    const store = service.reader();
    if (!store) throw new ApiError("feedback-unavailable", `feedback is off: ${service.snapshot().reason}`);
    const since = Date.now() - days * 86_400_000;
    try {
      const asks = await store.problemAsks(since, REPORT_ASK_LIMIT);
      const report: GapReport = {
        since,
        groups: groupProblems(asks),
        documents: await store.documentAsks(since, REPORT_DOCUMENT_LIMIT),
        daily: await store.dailyRefusals(since),
      };
      return { asks, report };
    } catch (error) {
      throw new ApiError("feedback-unavailable", `cannot read the feedback database: ${withoutPaths(error instanceof Error ? error.message : String(error))}`);
    }
  };

  app.get("/admin/api/report", async (c) => {
    const query = parse(ReportQuerySchema, c.req.query());
    const { report } = await build(query.days);
    return c.json({
      days: query.days,
      ...report,
      groups: report.groups.map((g) => ({ ...g, documents: g.documents.map((d) => ({ ...d, title: title(d.docId) })) })),
      documents: report.documents.map((d) => ({ ...d, title: title(d.docId) })),
      health: service.snapshot(),
    });
  });

  app.get("/admin/api/export", async (c) => {
    const query = parse(ExportQuerySchema, c.req.query());
    const { asks, report } = await build(query.days);
    return c.body(viewCsv(query.view, report, asks, title), 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="policy-qa-${query.view}-${query.days}d.csv"`,
      "Cache-Control": "no-store",
    });
  });
}

function parse<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ApiError("invalid-request", result.error.issues.map((i) => i.message).join("; "));
}

