/**
 * The feedback flow end to end through the HTTP API of the real Node service on a
 * real SQLite file: askId on every answer, ratings and their errors, the admin
 * report and CSV, retention, and a database from the previous schema version.
 */
import Database from "better-sqlite3";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSqliteStore } from "../../src/node/sqlite-store";
import type { RunningServer } from "../../src/node/server";
import { admin, askJson, health, rate, startFeedbackServer, tempDir } from "./helpers";

describe("feedback through the HTTP API (SQLite file)", () => {
  let server: RunningServer;
  let dbPath: string;

  beforeAll(async () => {
    dbPath = join(tempDir("feedback-api"), "nested", "feedback.db");
    server = await startFeedbackServer({ dbPath });
  });
  afterAll(async () => server?.close());

  it("gives every answer a distinct askId and logs it with the redacted question and cited documents", async () => {
    const a = await askJson(server.url, "残疾人就业有什么补贴？");
    const b = await askJson(server.url, "我叫王小明，手机13912345678，医保报销比例是多少");
    expect(a.status).toBe(200);
    expect(a.body.askId).toMatch(/^[0-9a-f-]{36}$/);
    expect(b.body.askId).not.toBe(a.body.askId);
    await server.feedback!.flush();
    const db = new Database(dbPath, { readonly: true });
    const row = db.prepare("SELECT * FROM asks WHERE ask_id = ?").get(b.body.askId) as Record<string, unknown>;
    const docs = db.prepare("SELECT doc_id FROM ask_documents WHERE ask_id = ? ORDER BY rank").all(b.body.askId) as { doc_id: string }[];
    db.close();
    expect(row.question).toBe("我叫[姓名]，手机[手机号]，医保报销比例是多少");
    expect(row.answered).toBe(b.body.answered ? 1 : 0);
    expect(Number(row.latency_ms)).toBeGreaterThan(0);
    expect(docs.map((d) => d.doc_id)).toEqual([...new Set(b.body.citations.map((c) => c.docId))]);
  });

  it("stores a rating once per client and answers unknown, repeated and malformed ratings with clear 4xx", async () => {
    const { body } = await askJson(server.url, "失业金怎么领取");
    expect(await rate(server.url, { askId: body.askId, rating: "down", reason: "not-found", comment: "找不到" })).toEqual({
      status: 201,
      body: { stored: true, askId: body.askId },
    });
    const again = await rate(server.url, { askId: body.askId, rating: "up" });
    expect([again.status, again.body.error?.code]).toEqual([409, "already-rated"]);
    const other = await rate(server.url, { askId: body.askId, rating: "up" }, { "X-Forwarded-For": "10.9.9.9" });
    expect(other.status).toBe(409); // TRUST_PROXY is off: a forged header does not make a new client
    const unknown = await rate(server.url, { askId: "00000000-0000-0000-0000-000000000000", rating: "up" });
    expect([unknown.status, unknown.body.error?.code]).toEqual([404, "unknown-ask"]);
    for (const [bad, field] of [
      [{ askId: body.askId, rating: "meh" }, "rating"],
      [{ askId: body.askId, rating: "down", reason: "boring" }, "reason"],
      [{ askId: body.askId, rating: "up", reason: "wrong" }, "reason is only for a thumbs-down"],
      [{ askId: body.askId, rating: "down", comment: "长".repeat(301) }, "at most 300"],
      [{ askId: body.askId, rating: "down", extra: 1 }, "unknown field(s): extra"],
      [{ rating: "down" }, "askId"],
    ] as const) {
      const res = await rate(server.url, bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.error?.code).toBe("invalid-request");
      expect(res.body.error?.message).toContain(field);
    }
  });

  it("shows refused and thumbs-down questions grouped by topic to the admin, and exports each view as CSV", async () => {
    const questions = ["公积金贷款额度是多少", "公积金贷款怎么申请", "公积金贷款利率"];
    for (const q of questions) {
      const { body } = await askJson(server.url, q);
      await rate(server.url, { askId: body.askId, rating: "down", reason: "wrong" });
    }
    expect((await admin(server.url, "/admin/api/report", "wrong-token-0123456789")).status).toBe(403);
    expect((await fetch(`${server.url}/admin/api/report`)).status).toBe(401);
    const res = await admin(server.url, "/admin/api/report?days=7");
    expect(res.status).toBe(200);
    const report = (await res.json()) as { groups: { topic: string; count: number; examples: string[]; reasons: { reason: string }[] }[]; daily: { refused: number; down: number }[] };
    const group = report.groups.find((g) => g.topic.includes("公积金贷款"));
    expect(group, JSON.stringify(report.groups.map((g) => g.topic))).toBeDefined();
    expect(group!.count).toBe(3);
    expect([...group!.examples].sort()).toEqual([...questions].sort());
    expect(group!.reasons.map((r) => r.reason)).toContain("wrong");
    expect(report.daily.at(-1)!.down).toBeGreaterThanOrEqual(4);

    const csv = await admin(server.url, "/admin/api/export?view=groups&days=7");
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(await csv.text()).toContain(group!.topic);
    const bad = await admin(server.url, "/admin/api/export?view=everything");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain("view must be one of");
  });

  it("serves the admin page and uPlot locally under the default CSP", async () => {
    const page = await fetch(`${server.url}/admin`);
    expect(page.headers.get("content-security-policy")).toContain("default-src 'self'");
    const html = await page.text();
    expect(html).not.toMatch(/<script>(?!<)/);
    expect((await fetch(`${server.url}/admin/assets/uPlot.iife.min.js`)).status).toBe(200);
    expect((await fetch(`${server.url}/assets/admin.js`)).status).toBe(200);
  });

  it("reports feedback health", async () => {
    const h = await health(server.url);
    expect(h.status).toBe("ok");
    expect(h.feedback).toMatchObject({ status: "ok", reason: null, dropped: 0, failedWrites: 0 });
    expect(h.feedback.written).toBeGreaterThanOrEqual(5);
  });
});

describe("retention and schema versions on a SQLite file", () => {
  it("deletes rows older than RETENTION_DAYS at start and keeps newer ones", async () => {
    const dbPath = join(tempDir("feedback-retention"), "feedback.db");
    const store = openSqliteStore(dbPath);
    await store.migrate();
    const day = 86_400_000;
    const base = { question: "q", intent: null, answered: false, reason: null, citations: [], latencyMs: 1, client: "c" };
    await store.logAsks([
      { ...base, askId: "old", at: Date.now() - 31 * day },
      { ...base, askId: "new", at: Date.now() - 29 * day },
    ]);
    await store.close();
    const server = await startFeedbackServer({ dbPath, retentionDays: 30 });
    try {
      await new Promise((r) => setTimeout(r, 200)); // the first prune runs at start, without blocking it
      const db = new Database(dbPath, { readonly: true });
      expect((db.prepare("SELECT ask_id FROM asks").all() as { ask_id: string }[]).map((r) => r.ask_id)).toEqual(["new"]);
      db.close();
    } finally {
      await server.close();
    }
  });

  it("upgrades a version-1 file at start and rates its old asks", async () => {
    const dbPath = join(tempDir("feedback-upgrade"), "feedback.db");
    const old = openSqliteStore(dbPath, { migrateTo: 1 });
    expect(await old.migrate()).toBe(1);
    await old.logAsks([{ askId: "from-v1", at: Date.now(), question: "旧问题", intent: null, answered: false, reason: null, citations: [], latencyMs: 1, client: "c" }]);
    await old.close();
    const server = await startFeedbackServer({ dbPath });
    try {
      expect((await rate(server.url, { askId: "from-v1", rating: "down", reason: "outdated" })).status).toBe(201);
      const db = new Database(dbPath, { readonly: true });
      expect((db.prepare("SELECT MAX(version) AS v FROM schema_version").get() as { v: number }).v).toBe(2);
      db.close();
    } finally {
      await server.close();
    }
  });
});
