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
  return createApp({
    engine: () => engine,
    middleware: env.RATE_LIMITER ? [rateLimitMiddleware(env.RATE_LIMITER)] : [],
  });
}

export default {
  async fetch(request: Request, env: WorkerEnv, ctx: unknown): Promise<Response> {
    running ??= start(env);
    const app = await running;
    return app.fetch(request, env, ctx as never);
  },
};
