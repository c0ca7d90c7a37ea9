/**
 * `npm start`: the Node service. Loads and verifies the committed index, serves
 * the API and the chat page, reloads the index on SIGHUP without downtime, and
 * shuts down gracefully on SIGTERM.
 */
import { serve, type ServerType } from "@hono/node-server";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import pino, { type Logger } from "pino";
import { DEFAULT_ANSWER_SETTINGS, type AnswerSettings } from "../answer/compose";
import type { Engine } from "../engine/engine";
import { createApp } from "../http/app";
import { loadEngine } from "./load-engine";
import { nodeStaticAssets } from "./static-assets";
import { loadDenseSearch } from "./dense";

export interface ServerOptions {
  port?: number;
  host?: string;
  indexDir?: string;
  corpusPath?: string;
  modelsDir?: string;
  answerSettings?: AnswerSettings;
  logger?: Logger;
}

export interface RunningServer {
  url: string;
  engine: () => Engine | null;
  /** Loads the current index build; keeps serving the old one if the new one fails verification. */
  reload: () => Promise<{ ok: true; buildId: string } | { ok: false; error: string }>;
  close: () => Promise<void>;
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? pino({ level: process.env.LOG_LEVEL ?? "info" });
  const indexDir = resolve(options.indexDir ?? "index");
  const corpusPath = resolve(options.corpusPath ?? "corpus/corpus.json");
  const modelsDir = resolve(options.modelsDir ?? process.env.MODELS_DIR ?? "models");
  const load = () =>
    loadEngine({ indexDir, corpusPath, modelsDir, loadDense: (manifest, buildDir) => loadDenseSearch(manifest, buildDir, modelsDir) });

  let engine: Engine = await load();
  logDense(logger, engine);

  const reload: RunningServer["reload"] = async () => {
    try {
      const next = await load();
      engine = next;
      logger.info({ buildId: next.data.manifest.buildId }, "index reloaded");
      logDense(logger, next);
      return { ok: true, buildId: next.data.manifest.buildId };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      logger.error({ err: message }, "index reload failed; still serving the previous index");
      return { ok: false, error: message };
    }
  };

  const app = createApp({
    engine: () => engine,
    answerSettings: options.answerSettings ?? DEFAULT_ANSWER_SETTINGS,
    staticAssets: nodeStaticAssets(),
  });

  const server: ServerType = await new Promise((ready) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? 8787, hostname: options.host ?? "127.0.0.1" }, () =>
      ready(s),
    );
  });
  const address = server.address() as AddressInfo;
  const url = `http://${address.address.includes(":") ? `[${address.address}]` : address.address}:${address.port}`;
  logger.info({ url, documents: engine.data.documents.length, chunks: engine.data.chunks.length }, "policy Q&A listening");

  return {
    url,
    engine: () => engine,
    reload,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

function logDense(logger: Logger, engine: Engine): void {
  if (engine.dense.enabled) logger.info({ model: engine.dense.model }, "dense retrieval enabled (hybrid mode)");
  else logger.warn({ reason: engine.dense.reason }, "dense retrieval disabled: answering with lexical retrieval (BM25) only");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const logger = pino({ level: process.env.LOG_LEVEL ?? "info" });
  startServer({ port: Number(process.env.PORT ?? 8787), host: process.env.HOST ?? "0.0.0.0", logger })
    .then((running) => {
      process.on("SIGHUP", () => void running.reload());
      process.on("SIGTERM", () => {
        logger.info("SIGTERM: finishing in-flight requests");
        void running.close().then(() => process.exit(0));
      });
    })
    .catch((error: unknown) => {
      logger.fatal({ err: error instanceof Error ? error.message : String(error) }, "cannot start");
      process.exit(1);
    });
}
