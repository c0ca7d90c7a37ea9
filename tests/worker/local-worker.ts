/**
 * Starts the Worker under workerd (wrangler's unstable_startWorker, local mode,
 * offline) with the real wrangler.toml, but over an index bundle built by the
 * test from the current corpus, so the Worker and the Node test engine serve the
 * same index build.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { unstable_startWorker } from "wrangler";
import { buildWorkerIndex } from "../../scripts/build-worker-index";
import { testIndexDir } from "../helpers/engine";

export interface LocalWorker {
  /** Sends a request to the Worker; `path` is absolute ("/api/ask"). */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  url: string;
  startupMs: number;
  /** Time from process start of workerd to the first answered request (includes index load). */
  firstRequestMs: number;
  dispose(): Promise<void>;
}

export interface LocalWorkerOptions {
  /** Per-IP API request limit of the RATE_LIMITER binding during the test. */
  rateLimit: number;
}

export async function startLocalWorker(options: LocalWorkerOptions): Promise<LocalWorker> {
  // No Cloudflare account here: don't try to fetch the Request.cf placeholder from the network.
  process.env.CLOUDFLARE_CF_FETCH_ENABLED = "false";
  process.env.WRANGLER_SEND_METRICS = "false";
  const dir = mkdtempSync(join(tmpdir(), "policy-qa-worker-"));
  const outDir = join(dir, "dist");
  await buildWorkerIndex({ indexDir: await testIndexDir(), outDir, log: () => {} });

  const started = performance.now();
  const worker = await unstable_startWorker({
    config: resolve("wrangler.toml"),
    build: {
      alias: { "@policy-qa/worker-index": join(outDir, "index/bundle.js") },
      // The bundle above replaces wrangler.toml's [build] command (which bundles index/CURRENT).
      custom: { command: "node -e 0" },
    },
    assets: join(outDir, "assets"),
    bindings: {
      RATE_LIMITER: { type: "ratelimit", name: "RATE_LIMITER", namespace_id: "1001", simple: { limit: options.rateLimit, period: 60 } },
    },
    dev: { server: { hostname: "127.0.0.1", port: 0 }, inspector: false, logLevel: "error", persist: false, watch: false },
  });
  await worker.ready;
  const url = String(await worker.url).replace(/\/$/, "");
  const startupMs = performance.now() - started;
  const fetchPath = (path: string, init?: RequestInit) => fetch(url + path, init);
  await fetchPath("/ready");
  const firstRequestMs = performance.now() - started;
  return {
    fetch: fetchPath,
    url,
    startupMs,
    firstRequestMs,
    async dispose() {
      await worker.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
