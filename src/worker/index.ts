/**
 * The Cloudflare Worker: the same Hono app as the Node service (src/http/app.ts),
 * over an index bundled into the script, jieba-wasm for query segmentation, and
 * Workers AI + Vectorize for dense retrieval when bound. Nothing here touches
 * fs or native modules. Static files (chat page, Swagger UI) are served by
 * wrangler's [assets] before the Worker runs.
 */
import bundle from "@policy-qa/worker-index";
import type { Engine } from "../engine/engine";
import { createApp } from "../http/app";
import { workerDense } from "./dense-setup";
import type { WorkerEnv } from "./env";
import { loadBundledEngine } from "./index-bundle";
import { createJiebaWasmSegmenter } from "./jieba-wasm-segmenter";
import { workerJieba } from "./jieba-wasm-runtime";
import { rateLimitMiddleware } from "./rate-limit";
import { FeedbackService } from "../feedback/service";
import { openD1Store } from "./d1-store";
import type { MiddlewareHandler } from "hono";

type App = ReturnType<typeof createApp>;

/** One app and one engine per isolate, built on the first request (bindings arrive with requests). */
let running: Promise<App> | null = null;

async function start(env: WorkerEnv): Promise<App> {
  let engine: Engine | null = null;
  try {
    engine = await loadBundledEngine(bundle, {
      segmenter: (userWords) => createJiebaWasmSegmenter(workerJieba(), userWords),
      dense: (data) => workerDense(env, data),
    });
  } catch (error) {
    // Served anyway: /ready and the API then answer 503 not-ready, as the Node service does without an index.
    console.error(`index bundle refused: ${error instanceof Error ? error.message : String(error)}`);
  }
  const feedback = await workerFeedback(env);
  return createApp({
    engine: () => engine,
    middleware: [...(env.RATE_LIMITER ? [rateLimitMiddleware(env.RATE_LIMITER)] : []), flushAfterResponse(feedback)],
    feedback: { service: feedback, adminToken: env.ADMIN_TOKEN, clientKey: (c) => c.req.header("CF-Connecting-IP") },
  });
}

/** D1 when bound; otherwise feedback is off and /health says why. Retention runs once per isolate (90 days). */
async function workerFeedback(env: WorkerEnv): Promise<FeedbackService> {
  if (!env.DB) return new FeedbackService(null, {}, "no D1 binding named DB is configured (see wrangler.toml)");
  const service = new FeedbackService(openD1Store(env.DB));
  await service.start();
  void service.prune(90);
  return service;
}

/** The question-log write runs after the response; waitUntil keeps the isolate alive for it. */
function flushAfterResponse(feedback: FeedbackService): MiddlewareHandler {
  return async function flushFeedback(c, next) {
    await next();
    try {
      c.executionCtx.waitUntil(feedback.flush());
    } catch {
      // no execution context (tests calling app.fetch directly)
    }
  };
}

export default {
  async fetch(request: Request, env: WorkerEnv, ctx: unknown): Promise<Response> {
    running ??= start(env);
    const app = await running;
    return app.fetch(request, env, ctx as never);
  },
};
