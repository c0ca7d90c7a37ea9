import { OpenAPIHono, createRoute, type z } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { cors } from "hono/cors";
import { methodNotAllowed } from "hono/method-not-allowed";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import { AnswerError, answerQuestion, DEFAULT_ANSWER_SETTINGS, toCitation, type AnswerSettings } from "../answer/compose";
import { toUnitRoles } from "../corpus/units/roles";
import type { DocumentLink, PolicyDocument } from "../corpus/types";
import type { Engine } from "../engine/engine";
import { ApiError, errorResponse, toApiError } from "./errors";
import { bodySizeLimit } from "./middleware/body-size";
import {
  AskRequestSchema,
  AskResponseSchema,
  DocumentDetailSchema,
  DocumentListQuerySchema,
  DocumentListSchema,
  DocumentParamSchema,
  ERROR_RESPONSE_DOCS,
  errorResponseDoc,
  HealthSchema,
  SearchQuerySchema,
  SearchResponseSchema,
  UnitNamesSchema,
  UnitPassagesSchema,
  UnitsQuerySchema,
} from "./schemas";
import { registerBenefitRoutes } from "./benefit-routes";
import { registerFeedbackRoutes, type FeedbackOptions } from "./feedback-routes";
import { REFERENCE_INIT_SCRIPT, referencePage } from "./reference-page";
import { rateLimit, type RateLimitOptions } from "./middleware/rate-limit";
import { requestLog, type RequestLogOptions } from "./middleware/request-log";
import { DEFAULT_REQUEST_TIMEOUT_MS, requestTimeout } from "./middleware/timeout";

export const MAX_BODY_BYTES = 16 * 1024;

export interface AppOptions {
  /** The engine in service; null until an index is loaded (then /ready says 503). */
  engine: () => Engine | null;
  answerSettings?: AnswerSettings;
  /** Runtime-specific middleware placed before the routes (rate limiting, logging). */
  middleware?: MiddlewareHandler[];
  /** Serves the chat page and its assets (Node: files; Worker: the assets binding). */
  staticAssets?: MiddlewareHandler;
  /** Extra routes a runtime adds (e.g. the admin reload endpoint). */
  extend?: (app: OpenAPIHono) => void;
  /** Per-client token-bucket limit on /api/* and /admin/*; absent or perMinute 0 = off. */
  rateLimit?: RateLimitOptions;
  /** One structured record per request (no question text unless opted in). */
  requestLog?: RequestLogOptions;
  /** /api/* requests running longer answer 503 "timeout"; default 10 s. */
  requestTimeoutMs?: number;
  /** Origins allowed to call the API from a browser; empty or absent = no CORS headers (same-origin only). */
  corsOrigins?: readonly string[];
  /** True while shutting down: /ready answers 503 so a load balancer stops sending traffic. */
  draining?: () => boolean;
  /** Question log, POST /api/feedback and /admin (src/http/feedback-routes.ts); absent = feedback off. */
  feedback?: FeedbackOptions;
}

const errorResponses = { 400: ERROR_RESPONSE_DOCS[400], 404: ERROR_RESPONSE_DOCS[404] } as const;

/** What /health and every API route say while no index is loaded. */
const INDEX_NOT_LOADED = "the index is not loaded yet";

const askRoute = createRoute({
  method: "post",
  path: "/api/ask",
  summary: "Answer a question with quoted, cited policy text and the responsible units",
  request: { body: { required: true, content: { "application/json": { schema: AskRequestSchema } } } },
  responses: {
    200: { description: "An extractive answer", content: { "application/json": { schema: AskResponseSchema } } },
    ...errorResponses,
    413: errorResponseDoc("Body over 16 KB"),
    415: errorResponseDoc("Body is not JSON"),
  },
});

const searchRoute = createRoute({
  method: "get",
  path: "/api/search",
  summary: "Ranked passages for a keyword query (hotline operators)",
  request: { query: SearchQuerySchema },
  responses: {
    200: { description: "Ranked passages", content: { "application/json": { schema: SearchResponseSchema } } },
    ...errorResponses,
  },
});

const documentsRoute = createRoute({
  method: "get",
  path: "/api/documents",
  summary: "All documents in the collection (filter by gazette issue and source format)",
  request: { query: DocumentListQuerySchema },
  responses: { 200: { description: "Documents", content: { "application/json": { schema: DocumentListSchema } } }, ...errorResponses },
});

const documentRoute = createRoute({
  method: "get",
  path: "/api/documents/{id}",
  summary: "One document by id or (URL-encoded) document number, with its outline and passages",
  request: { params: DocumentParamSchema },
  responses: {
    200: { description: "The document", content: { "application/json": { schema: DocumentDetailSchema } } },
    ...errorResponses,
  },
});

const unitsRoute = createRoute({
  method: "get",
  path: "/api/units",
  summary: "Every passage where a unit (name or alias) has a role, grouped by document",
  request: { query: UnitsQuerySchema },
  responses: {
    200: { description: "Passages by document", content: { "application/json": { schema: UnitPassagesSchema } } },
    ...errorResponses,
  },
});

const unitNamesRoute = createRoute({
  method: "get",
  path: "/api/units/names",
  summary: "Every unit's canonical name and the aliases the corpus uses for it (for suggestions)",
  responses: { 200: { description: "Unit names", content: { "application/json": { schema: UnitNamesSchema } } } },
});

const healthRoute = createRoute({
  method: "get",
  path: "/health",
  summary: "Liveness, index and dense-retrieval status",
  responses: {
    200: { description: "Status", content: { "application/json": { schema: HealthSchema } } },
    503: ERROR_RESPONSE_DOCS[503],
  },
});

export function createApp(options: AppOptions): OpenAPIHono {
  const settings = options.answerSettings ?? DEFAULT_ANSWER_SETTINGS;
  const app = new OpenAPIHono({
    // zod failures become the API's own 400 shape, naming the bad field.
    defaultHook: (result, c) => {
      if (!result.success) return errorResponse(c, "invalid-request", describeZodError(result.error));
    },
  });

  app.onError((error, c) => {
    const apiError = toApiError(error);
    return errorResponse(c, apiError.code, apiError.message, apiError.headers);
  });
  app.notFound((c) => errorResponse(c, "not-found", `no route ${c.req.method} ${new URL(c.req.url).pathname}`));

  app.use("*", requestId({ headerName: "X-Request-Id" }));
  // Logged outermost (after the id exists) so 405s, 429s, timeouts and preflights are logged too.
  if (options.requestLog) app.use("*", requestLog(options.requestLog));
  // Before methodNotAllowed, which would otherwise answer a preflight OPTIONS with 405.
  if (options.corsOrigins?.length)
    app.use(
      "*",
      cors({
        origin: options.corsOrigins.includes("*") ? "*" : [...options.corsOrigins],
        allowMethods: ["GET", "POST", "OPTIONS"],
        allowHeaders: ["Content-Type"],
        exposeHeaders: ["X-Request-Id", "Retry-After"],
        maxAge: 600,
      }),
    );
  app.use("*", secureHeaders({ contentSecurityPolicy: { defaultSrc: ["'self'"], imgSrc: ["'self'", "data:"] } }));
  app.use("*", methodNotAllowed({
    app,
    onMethodNotAllowed: (c, methods) =>
      errorResponse(c, "method-not-allowed", `${c.req.method} is not allowed here; use ${methods.join(", ")}`, {
        Allow: methods.join(", "),
      }),
  }));
  if (options.rateLimit?.perMinute) app.use("*", rateLimit(options.rateLimit));
  for (const middleware of options.middleware ?? []) app.use("*", middleware);
  app.use(
    "/api/*",
    bodySizeLimit(MAX_BODY_BYTES, (c) =>
      errorResponse(c, "payload-too-large", `request body is larger than ${MAX_BODY_BYTES / 1024} KB`),
    ),
  );
  app.use("/api/*", requestTimeout(options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS));

  const engineOrFail = (): Engine => {
    const engine = options.engine();
    if (!engine) throw new ApiError("not-ready", INDEX_NOT_LOADED);
    return engine;
  };

  const feedback = registerFeedbackRoutes(app, options.engine, {
    clientKey: options.rateLimit?.clientKey,
    ...options.feedback,
  });

  app.openapi(askRoute, async (c) => {
    const request = c.req.valid("json");
    const started = performance.now();
    try {
      const response = await answerQuestion(engineOrFail(), request, settings);
      return c.json(await feedback.recordAsk(c, request, response, started), 200);
    } catch (error) {
      if (error instanceof AnswerError) throw new ApiError("invalid-request", error.message);
      throw error;
    }
  });

  app.openapi(searchRoute, async (c) => {
    const { q, k } = c.req.valid("query");
    const engine = engineOrFail();
    const started = performance.now();
    const result = await engine.retriever.search(q, { k });
    const hits = result.hits.map((hit, i) => {
      const { n: _n, ...rest } = toCitation(engine, hit, i + 1);
      return rest;
    });
    const tookMs = Math.round((performance.now() - started) * 100) / 100;
    return c.json({ hits, retrieval: { mode: result.mode, model: engine.retriever.denseModel, tookMs } }, 200);
  });

  app.openapi(documentsRoute, (c) => {
    const { issue, format } = c.req.valid("query");
    const documents = engineOrFail()
      .data.documents.filter((d) => documentMatches(d, issue, format))
      .map(({ id, docNumber, title, issuer, date, type, sources, replacedBy }) => ({
        id,
        docNumber,
        title,
        issuer,
        date,
        type,
        sources: (sources ?? []).map(({ file, format: f, issueId, page }) => ({ file, format: f, issueId, page })),
        replacedBy: (replacedBy ?? []).map(toLinkView),
      }));
    return c.json({ documents }, 200);
  });

  app.openapi(documentRoute, (c) => {
    const { id } = c.req.valid("param");
    const engine = engineOrFail();
    const doc = engine.findDocument(decodeParam(id));
    if (!doc) throw new ApiError("unknown-document", `no document ${JSON.stringify(id)}; see GET /api/documents`);
    const body: z.infer<typeof DocumentDetailSchema> = {
      id: doc.id,
      docNumber: doc.docNumber,
      title: doc.title,
      issuer: doc.issuer,
      date: doc.date,
      type: doc.type,
      attachedTitle: doc.attachedTitle,
      addressees: doc.addressees,
      disclosure: doc.disclosure,
      form: doc.form,
      gazette: doc.gazette,
      period: doc.period,
      outline: doc.outline.map(({ title, level, path }) => ({ title, level, path })),
      chunks: engine.data.chunks
        .filter((ch) => ch.docId === doc.id)
        .map((ch) => ({
          chunkId: ch.id,
          sectionPath: ch.sectionPath,
          text: ch.text,
          units: toUnitRoles(ch.units),
          page: ch.page ?? null,
        })),
      sources: (doc.sources ?? []).map(({ file, format, issueId, page }) => ({ file, format, issueId, page })),
      replacedBy: (doc.replacedBy ?? []).map(toLinkView),
      replaces: (doc.replaces ?? []).map(toLinkView),
    };
    return c.json(body, 200);
  });

  app.openapi(unitNamesRoute, (c) => c.json({ units: unitNames(engineOrFail()) }, 200));

  app.openapi(unitsRoute, (c) => {
    const { name } = c.req.valid("query");
    const engine = engineOrFail();
    const mention = engine.units.find(name)[0];
    if (!mention) throw new ApiError("unknown-unit", `no unit named ${JSON.stringify(name)} in the collection`);
    const byDoc = new Map<string, z.infer<typeof UnitPassagesSchema>["documents"][number]>();
    for (const chunk of engine.data.chunks) {
      const roles = [...new Set(chunk.units.filter((u) => u.canonical === mention.canonical).map((u) => u.role))];
      if (!roles.length) continue;
      let entry = byDoc.get(chunk.docId);
      if (!entry) {
        entry = { docId: chunk.docId, docNumber: chunk.docNumber, docTitle: chunk.docTitle, passages: [] };
        byDoc.set(chunk.docId, entry);
      }
      entry.passages.push({ chunkId: chunk.id, sectionPath: chunk.sectionPath, text: chunk.text, roles });
    }
    return c.json({ query: name, canonical: mention.canonical, documents: [...byDoc.values()] }, 200);
  });

  app.openapi(healthRoute, async (c) => {
    const engine = options.engine();
    if (!engine) return c.json({ error: { code: "not-ready", message: INDEX_NOT_LOADED } }, 503);
    const { manifest } = engine.data;
    const feedbackHealth = await feedback.health();
    return c.json(
      {
        status: feedbackHealth.status === "degraded" ? ("degraded" as const) : ("ok" as const),
        documents: manifest.counts.documents,
        chunks: manifest.counts.chunks,
        corpusHash: manifest.corpusHash,
        indexBuildId: manifest.buildId,
        indexBuiltAt: manifest.builtAt,
        dense: engine.dense,
        feedback: feedbackHealth,
      },
      200,
    );
  });

  app.get("/ready", (c) => {
    if (options.draining?.()) return errorResponse(c, "not-ready", "shutting down");
    const engine = options.engine();
    // An engine exists only once its index passed manifest and checksum verification.
    return engine
      ? c.json({ ready: true, indexBuildId: engine.data.manifest.buildId }, 200)
      : errorResponse(c, "not-ready", "the index is not loaded or failed verification");
  });

  app.doc("/openapi.json", {
    openapi: "3.0.0",
    info: {
      title: "政策问答 API",
      version: "1.0.0",
      description: "Extractive, cited answers over city government gazettes. Every policy sentence is corpus text.",
    },
  });
  app.get("/docs", (c) => c.html(referencePage("/openapi.json")));
  app.get("/docs/assets/init.js", (c) => c.body(REFERENCE_INIT_SCRIPT, 200, { "Content-Type": "text/javascript; charset=utf-8" }));

  registerBenefitRoutes(app, engineOrFail);
  options.extend?.(app);
  if (options.staticAssets) app.use("*", options.staticAssets);
  return app;
}

/** Hono has already decoded the parameter; a second pass must not turn a stray "%" into a 500. */
function decodeParam(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function describeZodError(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length ? `${issue.path.map(String).join(".")}: ${issue.message}` : issue.message))
    .join("; ");
}

/** /api/documents?issue=&format=: a document matches when one of its sources is in that issue / that format. */
function documentMatches(doc: PolicyDocument, issue: string | undefined, format: string | undefined): boolean {
  const sources = doc.sources ?? [];
  if (issue !== undefined && !(sources.some((s) => s.issueId === issue) || doc.gazette.issueId === issue)) return false;
  if (format !== undefined && !sources.some((s) => s.format === format)) return false;
  return true;
}

function toLinkView({ docId, docNumber, title, relation }: DocumentLink) {
  return { docId, docNumber, title, relation };
}

/**
 * Canonical unit names with their aliases: the alias table, then every named (non-generic)
 * unit of a passage, so each name the unit filter accepts is offered once, sorted by canonical.
 */
function unitNames(engine: Engine): { canonical: string; aliases: string[] }[] {
  const byCanonical = new Map<string, Set<string>>();
  const add = (canonical: string, name: string) => {
    let names = byCanonical.get(canonical);
    if (!names) byCanonical.set(canonical, (names = new Set()));
    if (name !== canonical) names.add(name);
  };
  for (const alias of engine.data.unitAliases) for (const name of [alias.canonical, ...alias.aliases]) add(alias.canonical, name);
  for (const chunk of engine.data.chunks) for (const unit of chunk.units) if (!unit.generic) add(unit.canonical, unit.name);
  return [...byCanonical]
    .map(([canonical, aliases]) => ({ canonical, aliases: [...aliases].sort() }))
    .sort((a, b) => (a.canonical < b.canonical ? -1 : a.canonical > b.canonical ? 1 : 0));
}
