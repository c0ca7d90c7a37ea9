/**
 * `npm start`: the Node service. Loads and verifies the committed index, serves
 * the API and the chat page, swaps in a new index without downtime (SIGHUP or
 * POST /admin/reload) only after it passes verification, and shuts down
 * gracefully on SIGTERM: stop accepting, finish in-flight requests, exit 0.
 */
import { serve, type ServerType } from "@hono/node-server";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import type { Logger } from "pino";
import { DEFAULT_ANSWER_SETTINGS, type AnswerSettings } from "../answer/compose";
import type { Engine } from "../engine/engine";
import type { FeedbackService } from "../feedback/service";
import { createApp } from "../http/app";
import { registerAdminReload, type ReloadResult } from "../http/middleware/admin-reload";
import type { ClientKey } from "../http/middleware/rate-limit";
import { withoutPaths } from "../http/middleware/redact-paths";
import { ConfigSchema, loadConfig } from "./config";
import { denseFrom } from "./dense";
import { startNodeFeedback, type NodeFeedbackOptions } from "./feedback";
import { loadEngine } from "./load-engine";
import { createLogger, requestLogSink } from "./logging";
import { nodeStaticAssets } from "./static-assets";

export interface ServerOptions {
  port?: number;
  host?: string;
  indexDir?: string;
  corpusPath?: string;
  modelsDir?: string;
  answerSettings?: AnswerSettings;
  logger?: Logger;
  /** Requests per client per minute; default 120, 0 = off. */
  rateLimitPerMinute?: number;
  /** Take the client address from X-Forwarded-For (only behind a proxy that sets it). */
  trustProxy?: boolean;
  /** Overrides how a client is identified (tests). */
  clientKey?: ClientKey;
  corsOrigins?: readonly string[];
  requestTimeoutMs?: number;
  logQuestions?: boolean;
  /** Enables POST /admin/reload with this bearer token. */
  adminToken?: string;
  /** How long close() waits for in-flight requests before cutting connections. */
  shutdownGraceMs?: number;
  /** More routes (added after the admin route). */
  extend?: (app: OpenAPIHono) => void;
  /** Question log and feedback storage; absent = off (tests), `npm start` always passes DB_PATH or DATABASE_URL. */
  feedback?: NodeFeedbackOptions;
}

export interface RunningServer {
  url: string;
  /** The feedback service when feedback is on (tests flush it and read its health). */
  feedback: FeedbackService | null;
  engine: () => Engine | null;
  /** Loads the current index build; keeps serving the old one if the new one fails verification. */
  reload: () => Promise<ReloadResult>;
  /** Graceful: stops accepting, lets in-flight requests finish (up to the grace period), then resolves. */
  close: () => Promise<void>;
}

const defaults = ConfigSchema.parse({});

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? createLogger(defaults.LOG_LEVEL);
  const indexDir = resolve(options.indexDir ?? defaults.INDEX_DIR);
  const corpusPath = resolve(options.corpusPath ?? defaults.CORPUS_PATH);
  const modelsDir = resolve(options.modelsDir ?? process.env.MODELS_DIR ?? defaults.MODELS_DIR);
  // Logs the full dense status (with paths, for the operator), serves a copy without them.
  const load = async () => {
    const loaded = await loadEngine({
      indexDir,
      corpusPath,
      loadDense: denseFrom(modelsDir),
    });
    logDense(logger, loaded);
    return forClients(loaded);
  };

  let engine: Engine = await load();
  let draining = false;

  // Reloads run one after another: a SIGHUP arriving mid-reload must read CURRENT
  // again afterwards, not be folded into a load that may have read the older build.
  let reloads: Promise<unknown> = Promise.resolve();
  const reloadNow = async (): Promise<ReloadResult> => {
    const previousBuildId = engine.data.manifest.buildId;
    try {
      const next = await load();
      engine = next;
      logger.info({ buildId: next.data.manifest.buildId, previousBuildId }, "index reloaded");
      return { ok: true, buildId: next.data.manifest.buildId, previousBuildId };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      logger.error({ err: message, buildId: previousBuildId }, "index reload failed; still serving the previous index");
      return { ok: false, error: message };
    }
  };
  const reload = (): Promise<ReloadResult> => {
    const result = reloads.then(reloadNow);
    reloads = result;
    return result;
  };

  const feedback =
    options.feedback && (options.feedback.dbPath || options.feedback.databaseUrl)
      ? await startNodeFeedback(options.feedback, (reason) =>
          reason === null ? logger.info("feedback storage recovered") : logger.warn({ reason }, "feedback storage degraded; answering continues"),
        )
      : null;

  const app = createApp({
    engine: () => engine,
    answerSettings: options.answerSettings ?? DEFAULT_ANSWER_SETTINGS,
    staticAssets: nodeStaticAssets(),
    requestLog: { sink: requestLogSink(logger), logQuestions: options.logQuestions ?? defaults.LOG_QUESTIONS },
    rateLimit: {
      perMinute: options.rateLimitPerMinute ?? defaults.RATE_LIMIT_PER_MINUTE,
      clientKey: options.clientKey ?? nodeClientKey(options.trustProxy ?? defaults.TRUST_PROXY),
    },
    corsOrigins: options.corsOrigins ?? defaults.CORS_ORIGINS,
    requestTimeoutMs: options.requestTimeoutMs ?? defaults.REQUEST_TIMEOUT_MS,
    draining: () => draining,
    feedback: feedback ? { service: feedback.service, adminToken: options.adminToken } : undefined,
    middleware: [
      // While draining, ask keep-alive clients to go away after this response, so
      // close() is not held open by idle sockets of polite clients.
      async function closeWhileDraining(c, next) {
        await next();
        if (draining) c.header("Connection", "close");
      },
    ],
    extend: (routes) => {
      registerAdminReload(routes, { token: options.adminToken, reload });
      options.extend?.(routes);
    },
  });

  const server: ServerType = await new Promise((ready) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? defaults.PORT, hostname: options.host ?? "127.0.0.1" }, () =>
      ready(s),
    );
  });
  const http = server as HttpServer;
  // Slow-loris guard: a client must send its headers within 10 s and its whole request within 30 s.
  http.headersTimeout = 10_000;
  http.requestTimeout = 30_000;
  const address = server.address() as AddressInfo;
  const url = `http://${address.address.includes(":") ? `[${address.address}]` : address.address}:${address.port}`;
  logger.info({ url, documents: engine.data.documents.length, chunks: engine.data.chunks.length }, "policy Q&A listening");
  logger.flush(); // operators and supervisors wait for this line

  const graceMs = options.shutdownGraceMs ?? defaults.SHUTDOWN_GRACE_MS;
  let closing: Promise<void> | null = null;
  const close = (): Promise<void> =>
    (closing ??= new Promise<void>((done) => {
      draining = true;
      const force = setTimeout(() => {
        logger.warn({ graceMs }, "grace period over: closing remaining connections");
        http.closeAllConnections();
      }, graceMs);
      force.unref();
      http.close(() => {
        clearTimeout(force);
        // After the last request: its ask row is still in the queue until here.
        void (feedback?.stop() ?? Promise.resolve()).catch(() => {}).then(done);
      });
      http.closeIdleConnections();
    }));

  return { url, feedback: feedback?.service ?? null, engine: () => engine, reload, close };
}

/** The socket's peer address; with trustProxy, the address our proxy appended to X-Forwarded-For. */
export function nodeClientKey(trustProxy: boolean): ClientKey {
  return (c: Context) => {
    if (trustProxy) {
      // The last entry is the one our own proxy added; earlier ones are whatever the client claimed.
      const forwarded = c.req.header("X-Forwarded-For")?.split(",").map((s) => s.trim()).filter(Boolean);
      if (forwarded?.length) return forwarded[forwarded.length - 1];
    }
    try {
      return getConnInfo(c).remote.address;
    } catch {
      return undefined; // not running under @hono/node-server (app.request in tests)
    }
  };
}

/** /health shows why dense retrieval is off; the reason may name a models folder, which clients need not see. */
function forClients(engine: Engine): Engine {
  const reason = engine.dense.reason === null ? null : withoutPaths(engine.dense.reason);
  return { ...engine, dense: { ...engine.dense, reason } };
}

function logDense(logger: Logger, engine: Engine): void {
  if (engine.dense.enabled) logger.info({ model: engine.dense.model }, "dense retrieval enabled (hybrid mode)");
  else logger.warn({ reason: engine.dense.reason }, "dense retrieval disabled: answering with lexical retrieval (BM25) only");
}

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    createLogger("info").fatal({ err: error instanceof Error ? error.message : String(error) }, "cannot start");
    process.exit(1);
  }
  const logger = createLogger(config.LOG_LEVEL);
  let running: RunningServer;
  try {
    running = await startServer({
      port: config.PORT,
      host: config.HOST,
      indexDir: config.INDEX_DIR,
      corpusPath: config.CORPUS_PATH,
      modelsDir: config.MODELS_DIR,
      logger,
      rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
      trustProxy: config.TRUST_PROXY,
      corsOrigins: config.CORS_ORIGINS,
      requestTimeoutMs: config.REQUEST_TIMEOUT_MS,
      logQuestions: config.LOG_QUESTIONS,
      adminToken: config.ADMIN_TOKEN,
      shutdownGraceMs: config.SHUTDOWN_GRACE_MS,
      feedback: {
        dbPath: config.DB_PATH,
        databaseUrl: config.DATABASE_URL,
        questionLog: config.QUESTION_LOG,
        retentionDays: config.RETENTION_DAYS,
      },
    });
  } catch (error) {
    logger.fatal({ err: error instanceof Error ? error.message : String(error) }, "cannot start");
    process.exit(1);
  }
  process.on("SIGHUP", () => {
    bestEffort(() => logger.info("SIGHUP: reloading the index"));
    void running.reload();
  });
  const stop = (signal: string) => {
    // Close first: a logger that throws (its pipe gone) must not keep the server up.
    const closed = running.close();
    bestEffort(() => logger.info({ signal }, "stopping: no new connections, finishing in-flight requests"));
    void closed.then(() => {
      bestEffort(() => logger.info("stopped"));
      process.exit(0);
    });
  };
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
}

function bestEffort(log: () => void): void {
  try {
    log();
  } catch {
    // nowhere left to report it
  }
}

if (import.meta.url === `file://${process.argv[1]}`) void main();
