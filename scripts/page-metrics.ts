/**
 * Page weight and first render of the chat page, measured in headless Debian Chromium
 * against the real service on loopback: bytes of HTML + JS + CSS (+ icons) as transferred
 * (uncompressed: the Node server does not compress), and first-contentful-paint, median of 5
 * cold loads (a fresh browser context each, so nothing is cached). A report, not a test.
 *
 *   npx tsx scripts/page-metrics.ts
 */
import pino from "pino";
import { chromium } from "playwright-core";
import { startServer } from "../src/node/server";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../tests/browser/server";

const RUNS = 5;

const server = await startServer({ port: 0, host: "127.0.0.1", indexDir: "index", logger: pino({ level: "silent" }) });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
try {
  const paints: number[] = [];
  let bytes: Record<string, number> = {};
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const sizes: Record<string, number> = {};
    page.on("response", async (response) => {
      const type = response.request().resourceType();
      if (!["document", "script", "stylesheet", "image", "other"].includes(type)) return;
      if (new URL(response.url()).pathname.startsWith("/api") || response.url().endsWith("/health")) return;
      const body = await response.body().catch(() => Buffer.alloc(0));
      sizes[type] = (sizes[type] ?? 0) + body.length;
    });
    await page.goto(`${server.url}/`, { waitUntil: "load" });
    const fcp = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const entry = performance.getEntriesByName("first-contentful-paint")[0];
          if (entry) return resolve(entry.startTime);
          new PerformanceObserver((list) => resolve(list.getEntries()[0]!.startTime)).observe({ type: "paint", buffered: true });
        }),
    );
    paints.push(fcp);
    bytes = sizes;
    await context.close();
  }
  paints.sort((a, b) => a - b);
  const total = Object.values(bytes).reduce((a, b) => a + b, 0);
  const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  console.log(`page weight: ${kib(total)} (${Object.entries(bytes).map(([t, n]) => `${t} ${kib(n)}`).join(", ")})`);
  console.log(`first-contentful-paint: median ${paints[Math.floor(RUNS / 2)]!.toFixed(0)} ms (runs: ${paints.map((p) => p.toFixed(0)).join(", ")} ms)`);
} finally {
  await browser.close();
  await server.close();
}
