/**
 * `npm run bench:load`: sustained load against the real server on loopback.
 *
 *   npx tsx bench/load.ts [--duration 20] [--connections 50] [--log-level info] [--only search|ask|reload] [--cpu-prof <dir>]
 *
 * Builds a lexical index into a temporary folder, starts `src/node/server.ts` as its
 * own process (RATE_LIMIT_PER_MINUTE=0, request logs at info written to a file, as
 * in production), and drives it with autocannon: /api/search, then /api/ask, each
 * for `duration` seconds with `connections` connections and a rotating set of
 * realistic questions (eval/questions.jsonl); then /api/ask again while
 * POST /admin/reload swaps the index mid-run. Prints a Markdown table.
 * Targets (2 cores, lexical): ≥ 1,500 req/s search, ≥ 800 req/s ask, p99 ≤ 50 ms,
 * zero errors and zero non-2xx, also across the reload.
 *
 * --feedback: the server also writes the question log to a SQLite file (DB_PATH in
 * the temporary folder), and one more run asks and then rates each answer
 * (POST /api/ask, then POST /api/feedback with its askId). After SIGTERM the
 * database must hold exactly one row per 200 from /api/ask and one rating per 201.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { buildIndex } from "../src/cli/build-index";
import { parseQuestions } from "../eval/load-questions";

interface Histogram {
  average: number;
  max: number;
  p50: number;
  p99: number;
}
interface AutocannonResult {
  requests: Histogram & { total: number };
  latency: Histogram;
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
  statusCodeStats: Record<string, { count: number }>;
}
interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (request: AutocannonRequest, context: Record<string, unknown>) => AutocannonRequest;
  onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  requests: AutocannonRequest[];
}) => Promise<AutocannonResult>;

const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

function argument(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

const DURATION_S = Number(argument("duration", "20"));
const CONNECTIONS = Number(argument("connections", "50"));
const LOG_LEVEL = argument("log-level", "info");
const ONLY = argument("only", "");
const FEEDBACK = process.argv.includes("--feedback");
/** --cpu-prof <dir>: write a V8 CPU profile of the server to <dir> (open it in Chrome DevTools). */
const PROFILE = [...(process.argv.includes("--cpu-prof") ? ["--cpu-prof", "--cpu-prof-dir", argument("cpu-prof", "bench/profiles")] : []), ...(process.env.BENCH_NODE_FLAGS?.split(" ").filter(Boolean) ?? [])];
const ADMIN_TOKEN = "bench-admin-token-0123456789";
const TARGETS = { search: 1_500, ask: 800, p99Ms: 50 };

const questions = parseQuestions(readFileSync("eval/questions.jsonl", "utf8")).map((q) => q.question);

/** One request template whose path or body moves to the next question each time, across all connections. */
function rotating(make: (question: string) => AutocannonRequest): AutocannonRequest[] {
  let next = 0;
  return [{ setupRequest: (request) => ({ ...request, ...make(questions[next++ % questions.length]!) }) }];
}

const searchRequests = () =>
  rotating((q) => ({ method: "GET", path: `/api/search?q=${encodeURIComponent(q)}&k=10` }));
const askRequests = () =>
  rotating((q) => ({
    method: "POST",
    path: "/api/ask",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ question: q }),
  }));

/** Ask, then rate that answer: the per-connection context carries the askId from one request to the next. */
const askAndRateRequests = (): AutocannonRequest[] => {
  const [ask] = askRequests();
  return [
    { ...ask, onResponse: (_status, body, context) => void (context.askId = (JSON.parse(body) as { askId?: string }).askId) },
    {
      method: "POST",
      path: "/api/feedback",
      headers: { "Content-Type": "application/json" },
      setupRequest: (request, context) => ({ ...request, body: JSON.stringify({ askId: context.askId, rating: "down", reason: "other" }) }),
    },
  ];
};

interface Row {
  run: string;
  result: AutocannonResult;
  target: number | null;
  note?: string;
}

/** A port the kernel just handed out, so the server can be told where to listen whatever its log level. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, "127.0.0.1", done));
  const { port } = probe.address() as { port: number };
  await new Promise((done) => probe.close(done));
  return port;
}

async function startServer(indexDir: string, logPath: string, dbPath: string | null): Promise<{ url: string; stop: () => Promise<number | null> }> {
  const log = openSync(logPath, "w");
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // node --import tsx: one process, so SIGTERM reaches the server itself.
  const child = spawn(process.execPath, [...PROFILE, "--import", "tsx", "src/node/server.ts"], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      INDEX_DIR: indexDir,
      RATE_LIMIT_PER_MINUTE: "0",
      LOG_LEVEL,
      ADMIN_TOKEN,
      ...(dbPath ? { DB_PATH: dbPath } : {}),
    },
    stdio: ["ignore", log, log],
  });
  const exited = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if ((await fetch(`${url}/ready`).then((r) => r.status, () => 0)) === 200) {
      return {
        url,
        stop: () => {
          child.kill("SIGTERM");
          return exited;
        },
      };
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`server did not start:\n${readFileSync(logPath, "utf8")}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function run(url: string, name: string, requests: AutocannonRequest[]): Promise<AutocannonResult> {
  process.stderr.write(`${name}: ${CONNECTIONS} connections for ${DURATION_S} s …\n`);
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, requests });
  process.stderr.write(
    `  ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ` +
      `errors ${result.errors}, non-2xx ${result.non2xx}\n`,
  );
  return result;
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), "policy-qa-load-"));
  const indexDir = join(work, "index");
  const logPath = join(work, "server.log");
  await buildIndex({
    corpusPath: resolve("corpus/corpus.json"),
    indexDir,
    modelsDir: join(work, "no-models"),
    modelId: null,
    log: () => {},
  });
  const dbPath = FEEDBACK ? join(work, "feedback.db") : null;
  const server = await startServer(indexDir, logPath, dbPath);
  // Warm up (JIT, jieba dictionary pages) so the first run is not penalised.
  await autocannon({ url: server.url, connections: 10, duration: 2, requests: searchRequests() });
  await autocannon({ url: server.url, connections: 10, duration: 2, requests: askRequests() });

  const rows: Row[] = [];
  try {
    if (!ONLY || ONLY === "search") rows.push({ run: "GET /api/search", result: await run(server.url, "search", searchRequests()), target: TARGETS.search });
    if (!ONLY || ONLY === "ask") rows.push({ run: "POST /api/ask", result: await run(server.url, "ask", askRequests()), target: TARGETS.ask });
    if (!ONLY || ONLY === "reload") {
      const reloads: string[] = [];
      const pending: Promise<void>[] = [];
      const reloadAt = (seconds: number) =>
        setTimeout(() => {
          const started = performance.now();
          pending.push(
            fetch(`${server.url}/admin/reload`, { method: "POST", headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } }).then(
              (res) => void reloads.push(`${res.status} in ${Math.round(performance.now() - started)} ms`),
              (error: unknown) => void reloads.push(`failed: ${String(error)}`),
            ),
          );
        }, seconds * 1000);
      const timers = [reloadAt(DURATION_S / 4), reloadAt(DURATION_S / 2)];
      const result = await run(server.url, "ask with two reloads", askRequests());
      timers.forEach(clearTimeout);
      await Promise.all(pending);
      rows.push({ run: "POST /api/ask, 2 × POST /admin/reload mid-run", result, target: null, note: `reloads: ${reloads.join(", ") || "none"}` });
    }
    if (FEEDBACK) rows.push({ run: "POST /api/ask + POST /api/feedback (each answer rated)", result: await run(server.url, "ask and rate", askAndRateRequests()), target: null });
  } finally {
    const code = await server.stop();
    process.stderr.write(`server stopped with exit code ${code}; log: ${logPath}\n`);
  }

  console.log(table(rows));
  const failures = rows.flatMap((row) => check(row));
  if (dbPath) {
    if (LOG_LEVEL !== "info") failures.push("--feedback counts answers in the server's request log: run it with --log-level info");
    else failures.push(...checkRows(dbPath, logPath));
  }
  console.log(failures.length ? `\nMissed: ${failures.join("; ")}` : "\nAll targets met.");
  rmSync(indexDir, { recursive: true, force: true });
  process.exitCode = failures.length ? 1 : 0;
}

/**
 * Every 200 from /api/ask is one row in asks, every 201 from /api/feedback one row in ratings. The server's own
 * request log is the count to match: autocannon stops counting at the deadline while requests are still in flight.
 */
function checkRows(dbPath: string, logPath: string): string[] {
  let answers = 0;
  let stored = 0;
  for (const line of readFileSync(logPath, "utf8").split("\n")) {
    if (!line.includes('"msg":"request"')) continue;
    const record = JSON.parse(line) as { path?: string; status?: number };
    if (record.path === "/api/ask" && record.status === 200) answers++;
    if (record.path === "/api/feedback" && record.status === 201) stored++;
  }
  const db = new Database(dbPath, { readonly: true });
  const n = (sql: string) => Number((db.prepare(sql).get() as { n: number }).n);
  const asks = n("SELECT COUNT(*) AS n FROM asks");
  const ratings = n("SELECT COUNT(*) AS n FROM ratings");
  db.close();
  console.log(`\nFeedback database: ${asks.toLocaleString("en")} asks for ${answers.toLocaleString("en")} answers (server log), ${ratings.toLocaleString("en")} ratings for ${stored.toLocaleString("en")} 201s.`);
  const missed: string[] = [];
  if (asks !== answers) missed.push(`question log: ${asks} rows for ${answers} answers`);
  if (ratings !== stored) missed.push(`ratings: ${ratings} rows for ${stored} stored ratings`);
  return missed;
}

function table(rows: Row[]): string {
  const lines = [
    `Load, loopback, lexical mode, ${CONNECTIONS} connections × ${DURATION_S} s, node ${process.version}, request logs at ${LOG_LEVEL}${FEEDBACK ? ", question log on (SQLite)" : ""} (\`npm run bench:load${FEEDBACK ? " -- --feedback" : ""}\`):`,
    "",
    "| Run | Requests | Req/s (target) | p50 ms | p99 ms | max ms | Errors | Non-2xx |",
    "|---|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const { run, result, target, note } of rows) {
    const total = Object.values(result.statusCodeStats).reduce((sum, s) => sum + Number(s.count), 0);
    lines.push(
      `| ${run}${note ? ` (${note})` : ""} | ${total.toLocaleString("en")} | ${Math.round(result.requests.average).toLocaleString("en")}` +
        `${target ? ` (≥ ${target.toLocaleString("en")})` : ""} | ${result.latency.p50} | ${result.latency.p99} | ${result.latency.max} | ` +
        `${result.errors} | ${result.non2xx} |`,
    );
  }
  return lines.join("\n");
}

function check({ run, result, target }: Row): string[] {
  const missed: string[] = [];
  if (target && result.requests.average < target) missed.push(`${run}: ${Math.round(result.requests.average)} req/s < ${target}`);
  if (result.latency.p99 > TARGETS.p99Ms) missed.push(`${run}: p99 ${result.latency.p99} ms > ${TARGETS.p99Ms}`);
  if (result.errors || result.timeouts || result.non2xx) missed.push(`${run}: ${result.errors} errors, ${result.non2xx} non-2xx`);
  return missed;
}

await main();
