/**
 * Starts the real service (src/node/server.ts, the committed index under index/)
 * on a free port for the browser tests, quietly. BROWSER_TEST_URL points the
 * tests at a server that is already running instead (e.g. `npm start`).
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import pino from "pino";
import { CURRENT_FILE } from "../../src/node/index-store";
import { startServer } from "../../src/node/server";

export interface TestServer {
  url: string;
  close: () => Promise<void>;
}

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Launch flags that keep headless Chromium quiet, offline and working as root in a container. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const INDEX_DIR = resolve("index");

/** Why the browser tests cannot run here, or null when they can. */
export function browserTestBlocker(): string | null {
  if (!existsSync(CHROMIUM_PATH)) return `no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH)`;
  if (!process.env.BROWSER_TEST_URL && !existsSync(resolve(INDEX_DIR, CURRENT_FILE)))
    return `no index at ${INDEX_DIR} (run \`npm run corpus && npm run index\`)`;
  return null;
}

export async function startTestServer(): Promise<TestServer> {
  const external = process.env.BROWSER_TEST_URL;
  if (external) return { url: external.replace(/\/$/, ""), close: async () => {} };
  const running = await startServer({ port: 0, host: "127.0.0.1", indexDir: INDEX_DIR, logger: pino({ level: "silent" }) });
  return { url: running.url, close: running.close };
}
