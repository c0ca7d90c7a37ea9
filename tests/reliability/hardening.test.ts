import { Writable } from "node:stream";
import { redact } from "../../src/feedback/redact";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp, type AppOptions } from "../../src/http/app";
import { registerAdminReload, type ReloadResult } from "../../src/http/middleware/admin-reload";
import { withoutPaths } from "../../src/http/middleware/redact-paths";
import { AskResponseSchema, ErrorSchema } from "../../src/http/schemas";
import type { Engine } from "../../src/engine/engine";
import { ConfigError, loadConfig } from "../../src/node/config";
import { createLogger, requestLogSink } from "../../src/node/logging";
import { testEngine } from "../helpers/engine";

let engine: Engine;
beforeAll(async () => {
  engine = await testEngine();
});

const QUESTION = "我叫张三，身份证号140602199001011234，残疾人就业有什么补贴？";
const json = { "Content-Type": "application/json" };

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/application\/json/);
  const body = ErrorSchema.parse(await res.json());
  expect(body.error.code).toBe(code);
  return body;
}

/** The app with pino writing JSON lines into an array, as the server wires it. */
function loggedApp(logQuestions: boolean, extra: Partial<AppOptions> = {}) {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  const logger = createLogger("info", destination);
  const app = createApp({ engine: () => engine, requestLog: { sink: requestLogSink(logger), logQuestions }, ...extra });
  return { app, records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>), lines };
}

describe("structured request logs", () => {
  it("write one JSON line per request with request id, method, path, status and duration", async () => {
    const { app, records } = loggedApp(false);
    const res = await app.request("/api/ask", { method: "POST", headers: json, body: JSON.stringify({ question: QUESTION }) });
    expect(res.status).toBe(200);
    await app.request("/nope");
    const [ask, missing] = records();
    expect(records()).toHaveLength(2);
    expect(ask).toMatchObject({ method: "POST", path: "/api/ask", status: 200, requestId: res.headers.get("X-Request-Id") });
    expect(typeof ask!.durationMs).toBe("number");
    expect(ask!.time).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(missing).toMatchObject({ method: "GET", path: "/nope", status: 404 });
  });

  it("never contain the question text or the search query unless LOG_QUESTIONS is on", async () => {
    const { app, lines } = loggedApp(false);
    await app.request("/api/ask", { method: "POST", headers: json, body: JSON.stringify({ question: QUESTION }) });
    await app.request("/api/search?q=" + encodeURIComponent(QUESTION));
    await app.request("/api/ask", { method: "POST", headers: json, body: JSON.stringify({ question: QUESTION, topK: 99 }) });
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(line).not.toContain("140602199001011234");
      expect(line).not.toContain("张三");
      expect(line).not.toContain(encodeURIComponent("张三"));
    }
  });

  it("contain the question, with personal data redacted, when an operator opts in with LOG_QUESTIONS=true", async () => {
    const { app, records } = loggedApp(true);
    await app.request("/api/ask", { method: "POST", headers: json, body: JSON.stringify({ question: QUESTION }) });
    await app.request("/api/search?q=" + encodeURIComponent("链长制"));
    expect(records().map((r) => r.question)).toEqual([redact(QUESTION), "链长制"]);
    expect(redact(QUESTION)).not.toBe(QUESTION);
  });

  it("log refused and timed-out requests too, with their status", async () => {
    const { app, records } = loggedApp(false, {
      rateLimit: { perMinute: 2, clientKey: () => "x" },
      requestTimeoutMs: 50,
      extend: (routes) => routes.get("/api/slow", async (c) => new Promise<Response>((done) => setTimeout(() => done(c.json({})), 500))),
    });
    await app.request("/api/search?q=x");
    await app.request("/api/slow");
    await app.request("/api/search?q=x");
    expect(records().map((r) => r.status)).toEqual([200, 503, 429]);
    expect(records()[1]!.level).toBe(40); // warn
  });
});

describe("request limits", () => {
  const app = () => createApp({ engine: () => engine });

  it("refuses a body over 16 KB before parsing it, even without a Content-Length", async () => {
    await expectError(
      await app().request("/api/ask", { method: "POST", headers: json, body: JSON.stringify({ question: "补贴", pad: "x".repeat(16 * 1024) }) }),
      413,
      "payload-too-large",
    );
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(new TextEncoder().encode(" ".repeat(1024)));
        controller.close();
      },
    });
    await expectError(
      await app().request("/api/ask", { method: "POST", headers: json, body: stream, duplex: "half" } as RequestInit),
      413,
      "payload-too-large",
    );
  });

  it("accepts a 500-character question and refuses 501", async () => {
    const ok = await app().request("/api/ask", { method: "POST", headers: json, body: JSON.stringify({ question: "补".repeat(500) }) });
    expect(ok.status).toBe(200);
    AskResponseSchema.parse(await ok.json());
    await expectError(
      await app().request("/api/ask", { method: "POST", headers: json, body: JSON.stringify({ question: "补".repeat(501) }) }),
      400,
      "invalid-request",
    );
  });

  it("answers a request that runs too long with 503 timeout JSON", async () => {
    const slow = createApp({
      engine: () => engine,
      requestTimeoutMs: 100,
      extend: (routes) => routes.get("/api/slow", async (c) => new Promise<Response>((done) => setTimeout(() => done(c.json({})), 2_000))),
    });
    const started = Date.now();
    const body = await expectError(await slow.request("/api/slow"), 503, "timeout");
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(body.error.message).toMatch(/took too long/);
  });

  it("sends secure headers on every response", async () => {
    for (const path of ["/health", "/api/search?q=x", "/nope"]) {
      const res = await app().request(path);
      expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
      expect(res.headers.get("X-Frame-Options")).toBe("SAMEORIGIN");
      expect(res.headers.get("Content-Security-Policy")).toContain("default-src 'self'");
      expect(res.headers.get("Referrer-Policy")).toBe("no-referrer");
    }
  });

  it("turns an unexpected failure into a 500 JSON error without a stack trace or a file path", async () => {
    const broken = createApp({
      engine: () => engine,
      extend: (routes) =>
        routes.get("/api/broken", () => {
          throw new Error(`ENOENT: no such file, open '${process.cwd()}/index/CURRENT'`);
        }),
    });
    const res = await broken.request("/api/broken");
    const text = await res.text();
    expect(res.status).toBe(500);
    expect(JSON.parse(text)).toEqual({ error: { code: "internal", message: "internal error" } });
    expect(text).not.toMatch(/ENOENT|\/work\/|\bat \w/);
  });
});

describe("CORS", () => {
  const preflight = (app: ReturnType<typeof createApp>, origin: string) =>
    app.request("/api/ask", {
      method: "OPTIONS",
      headers: { Origin: origin, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type" },
    });

  it("is off by default: no Access-Control-Allow-Origin for any origin", async () => {
    const app = createApp({ engine: () => engine });
    const res = await app.request("/api/search?q=x", { headers: { Origin: "https://evil.example" } });
    expect(res.headers.get("Access-Control-Allow-Origin")).toBeNull();
    expect((await preflight(app, "https://evil.example")).headers.get("Access-Control-Allow-Origin")).toBeNull();
  });

  it("allows exactly the configured origins, preflight included", async () => {
    const app = createApp({ engine: () => engine, corsOrigins: ["https://www.shuozhou.gov.cn"] });
    const ok = await preflight(app, "https://www.shuozhou.gov.cn");
    expect(ok.status).toBe(204);
    expect(ok.headers.get("Access-Control-Allow-Origin")).toBe("https://www.shuozhou.gov.cn");
    expect(ok.headers.get("Access-Control-Allow-Methods")).toContain("POST");
    const other = await app.request("/api/search?q=x", { headers: { Origin: "https://evil.example" } });
    expect(other.headers.get("Access-Control-Allow-Origin")).toBeNull();
  });
});

describe("readiness", () => {
  it("is ready with the verified build id, and not ready while draining or without an index", async () => {
    let draining = false;
    const app = createApp({ engine: () => engine, draining: () => draining });
    expect(await (await app.request("/ready")).json()).toEqual({ ready: true, indexBuildId: engine.data.manifest.buildId });
    draining = true;
    expect((await expectError(await app.request("/ready"), 503, "not-ready")).error.message).toMatch(/shutting down/);
    expect((await app.request("/health")).status).toBe(200); // still alive while finishing requests
    await expectError(await createApp({ engine: () => null }).request("/ready"), 503, "not-ready");
  });
});

describe("POST /admin/reload", () => {
  const TOKEN = "s3cret-token-0123456789";
  function adminApp(token: string | undefined, result: ReloadResult = { ok: true, buildId: "b2", previousBuildId: "b1" }) {
    let calls = 0;
    const app = createApp({
      engine: () => engine,
      extend: (routes) => registerAdminReload(routes, { token, reload: async () => (calls++, result) }),
    });
    const post = (authorization?: string) =>
      app.request("/admin/reload", { method: "POST", headers: authorization ? { Authorization: authorization } : {} });
    return { post, calls: () => calls };
  }

  it("does not exist when no ADMIN_TOKEN is configured", async () => {
    const { post, calls } = adminApp(undefined);
    await expectError(await post(`Bearer ${TOKEN}`), 404, "not-found");
    expect(calls()).toBe(0);
  });

  it("answers 401 without a token or with a malformed Authorization header", async () => {
    const { post, calls } = adminApp(TOKEN);
    for (const header of [undefined, TOKEN, `Basic ${TOKEN}`, "Bearer ", `Bearer ${TOKEN} extra`]) {
      const res = await post(header);
      await expectError(res, 401, "unauthorized");
      expect(res.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);
    }
    expect(calls()).toBe(0);
  });

  it("answers 403 for a wrong token, including a prefix of the right one", async () => {
    const { post, calls } = adminApp(TOKEN);
    for (const guess of ["wrong-token", TOKEN.slice(0, -1), TOKEN + "x"]) await expectError(await post(`Bearer ${guess}`), 403, "forbidden");
    expect(calls()).toBe(0);
  });

  it("reloads with the right token and names the new build", async () => {
    const { post, calls } = adminApp(TOKEN);
    const res = await post(`Bearer ${TOKEN}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ reloaded: true, buildId: "b2", previousBuildId: "b1" });
    expect(calls()).toBe(1);
  });

  it("reports a failed reload as 409 without revealing paths on disk", async () => {
    const { post } = adminApp(TOKEN, { ok: false, error: "index file /srv/policy-qa/index/ab12/chunks.json fails its checksum; run `npm run index`" });
    const body = await expectError(await post(`Bearer ${TOKEN}`), 409, "reload-failed");
    expect(body.error.message).toBe("index file chunks.json fails its checksum; run `npm run index`");
  });
});

describe("redacting paths from client-facing messages", () => {
  it.each([
    ["no index at /srv/app/index (CURRENT is missing)", "no index at index (CURRENT is missing)"],
    ["model not found in /work/main/models/Xenova/bge (missing config.json)", "model not found in bge (missing config.json)"],
    ["C:\\srv\\index\\manifest.json is not valid JSON", "manifest.json is not valid JSON"],
    ["朔政办发〔2023〕16号 and 1/2 stay", "朔政办发〔2023〕16号 and 1/2 stay"],
  ])("%s", (input, expected) => {
    expect(withoutPaths(input)).toBe(expected);
  });
});

describe("configuration from the environment", () => {
  it("has safe defaults: rate limit 120/min, CORS off, questions not logged, no admin endpoint", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 8787,
      RATE_LIMIT_PER_MINUTE: 120,
      CORS_ORIGINS: [],
      LOG_QUESTIONS: false,
      TRUST_PROXY: false,
      REQUEST_TIMEOUT_MS: 10_000,
      LOG_LEVEL: "info",
    });
    expect(config.ADMIN_TOKEN).toBeUndefined();
  });

  it("parses every setting", () => {
    const config = loadConfig({
      PORT: "0",
      RATE_LIMIT_PER_MINUTE: "0",
      CORS_ORIGINS: "https://a.gov.cn, http://localhost:5173",
      LOG_QUESTIONS: "true",
      TRUST_PROXY: "1",
      ADMIN_TOKEN: "0123456789abcdef",
      REQUEST_TIMEOUT_MS: "2500",
      LOG_LEVEL: "warn",
      HOME: "/root",
    });
    expect(config).toMatchObject({
      PORT: 0,
      RATE_LIMIT_PER_MINUTE: 0,
      CORS_ORIGINS: ["https://a.gov.cn", "http://localhost:5173"],
      LOG_QUESTIONS: true,
      TRUST_PROXY: true,
      ADMIN_TOKEN: "0123456789abcdef",
      REQUEST_TIMEOUT_MS: 2500,
      LOG_LEVEL: "warn",
    });
  });

  it("refuses bad values with a message naming each variable, and never echoes the admin token", () => {
    const error = (() => {
      try {
        loadConfig({ RATE_LIMIT_PER_MINUTE: "12o", CORS_ORIGINS: "https://a.gov.cn/path", LOG_QUESTIONS: "maybe", ADMIN_TOKEN: "short-secret" });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/RATE_LIMIT_PER_MINUTE \(got "12o"\): must be a whole number/);
    expect(message).toMatch(/CORS_ORIGINS.*origin/);
    expect(message).toMatch(/LOG_QUESTIONS.*true or false/);
    expect(message).toMatch(/ADMIN_TOKEN: must be at least 16 characters/);
    expect(message).not.toContain("short-secret");
  });
});
