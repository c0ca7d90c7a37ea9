/**
 * The database fails under a running server: deleted, made read-only, corrupted,
 * full, locked, unopenable. Answers stay 200, /health says feedback is degraded
 * with the reason, and nothing blocks.
 */
import Database from "better-sqlite3";
import { chmodSync, existsSync, mkdirSync, openSync, rmSync, writeFileSync, writeSync, closeSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/node/server";
import { askJson, health, rate, startFeedbackServer, tempDir } from "./helpers";

const QUESTION = "残疾人就业有什么补贴？";

async function answersStillFlow(server: RunningServer, n = 20): Promise<void> {
  const statuses = await Promise.all(Array.from({ length: n }, () => askJson(server.url, QUESTION).then((r) => r.status)));
  expect(statuses.every((s) => s === 200), String(statuses)).toBe(true);
}

/** Health after the queue has tried (and, for a broken database, failed) to write. */
async function settledHealth(server: RunningServer) {
  await server.feedback!.flush();
  return health(server.url);
}

describe("a failing database never breaks answering", () => {
  let server: RunningServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  async function started(label: string) {
    const dbPath = join(tempDir(label), "feedback.db");
    server = await startFeedbackServer({ dbPath });
    await answersStillFlow(server, 3);
    expect((await settledHealth(server)).feedback.status).toBe("ok");
    return { server, dbPath };
  }

  it("deleted while the server runs", async () => {
    const { server, dbPath } = await started("fault-deleted");
    for (const suffix of ["", "-wal", "-shm"]) rmSync(dbPath + suffix, { force: true });
    await answersStillFlow(server);
    const h = await settledHealth(server);
    expect(h.status).toBe("degraded");
    expect(h.feedback.status).toBe("degraded");
    expect(h.feedback.reason).toContain("deleted");
    expect(h.feedback.failedWrites).toBeGreaterThan(0);
    const { body } = await askJson(server.url, QUESTION);
    expect((await rate(server.url, { askId: body.askId, rating: "up" })).status).toBe(503);
  });

  it("made read-only while the server runs, and writing again once it is writable", async () => {
    const { server, dbPath } = await started("fault-readonly");
    chmodSync(dbPath, 0o444);
    await answersStillFlow(server);
    const h = await settledHealth(server);
    expect(h.feedback.status).toBe("degraded");
    expect(h.feedback.reason).toContain("read-only");
    chmodSync(dbPath, 0o644);
    // The rows held in the queue are written on the next retry: none of them was lost.
    await expect.poll(async () => (await settledHealth(server)).feedback.status, { timeout: 15_000, interval: 300 }).toBe("ok");
    const db = new Database(dbPath, { readonly: true });
    expect((db.prepare("SELECT COUNT(*) AS n FROM asks").get() as { n: number }).n).toBe(23);
    db.close();
  });

  it("corrupted while the server runs", async () => {
    const { server, dbPath } = await started("fault-corrupt");
    await server.feedback!.flush();
    // Overwrite the header and the first pages, and the WAL, with junk, in place (same file).
    for (const file of [dbPath, `${dbPath}-wal`]) {
      if (!existsSync(file)) continue;
      const fd = openSync(file, "r+");
      writeSync(fd, Buffer.alloc(64 * 1024, 0x5a), 0, 64 * 1024, 0);
      closeSync(fd);
    }
    await answersStillFlow(server);
    const h = await settledHealth(server);
    expect(h.feedback.status).toBe("degraded");
    expect(h.feedback.reason).toMatch(/not a database|malformed|corrupt|disk I\/O/i);
  });

  it("full: writes fail with the database's own reason and answers continue", async () => {
    const dbPath = join(tempDir("fault-full"), "feedback.db");
    server = await startFeedbackServer({ dbPath, sqlite: { maxPageCount: 12 } });
    await Promise.all(Array.from({ length: 200 }, (_, i) => askJson(server!.url, `${QUESTION} ${i}`.padEnd(400, "补"))));
    const h = await settledHealth(server);
    expect(h.feedback.status).toBe("degraded");
    expect(h.feedback.reason).toMatch(/full/i);
  });

  it("locked by another writer: writes wait in the queue and land once the lock is gone", async () => {
    const { server, dbPath } = await started("fault-locked");
    const other = new Database(dbPath);
    other.exec("BEGIN EXCLUSIVE");
    const begun = performance.now();
    await answersStillFlow(server, 10);
    expect(performance.now() - begun).toBeLessThan(5_000);
    const h = await settledHealth(server);
    expect(h.feedback.status).toBe("degraded");
    expect(h.feedback.reason).toMatch(/locked|busy/i);
    other.exec("ROLLBACK");
    other.close();
    await expect.poll(async () => (await settledHealth(server)).feedback.status, { timeout: 15_000, interval: 300 }).toBe("ok");
    const db = new Database(dbPath, { readonly: true });
    expect((db.prepare("SELECT COUNT(*) AS n FROM asks").get() as { n: number }).n).toBe(13);
    db.close();
  });

  it("unopenable at start (a folder in the file's place; a junk file): the server starts and says why", async () => {
    const dir = tempDir("fault-unopenable");
    const folder = join(dir, "feedback.db");
    mkdirSync(folder);
    server = await startFeedbackServer({ dbPath: folder });
    await answersStillFlow(server, 3);
    expect((await settledHealth(server)).feedback).toMatchObject({ status: "degraded" });
    await server.close();
    const junk = join(dir, "junk.db");
    writeFileSync(junk, "this is not an SQLite database, just text ".repeat(100));
    server = await startFeedbackServer({ dbPath: junk });
    await answersStillFlow(server, 3);
    const h = await settledHealth(server);
    expect(h.feedback.status).toBe("degraded");
    expect(h.feedback.reason).toMatch(/not a database/i);
  });
});
