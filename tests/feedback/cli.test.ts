/** `npm run gaps` and `npm run db:backup` as a maintainer runs them, on a real SQLite file. */
import Database from "better-sqlite3";
import { execFileSync } from "node:child_process";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { openSqliteStore } from "../../src/node/sqlite-store";
import { tempDir } from "./helpers";

const TSX = resolve("node_modules/.bin/tsx");

async function seeded(): Promise<string> {
  const dbPath = join(tempDir("feedback-cli"), "feedback.db");
  const store = openSqliteStore(dbPath);
  await store.migrate();
  const base = { at: Date.now(), intent: null, reason: "no-evidence", latencyMs: 2, client: "c", citations: [{ docId: "szf-2023-16", score: 0.31 }] };
  await store.logAsks([
    { ...base, askId: "g1", question: "护理补贴每月发多少钱", answered: false },
    { ...base, askId: "g2", question: "重度残疾人护理补贴标准", answered: false },
    { ...base, askId: "g3", question: "失业金在哪里领", answered: false },
    { ...base, askId: "g4", question: "链长制谁牵头", answered: true, reason: null },
  ]);
  await store.close();
  return dbPath;
}

describe("maintainer commands", () => {
  it("npm run gaps prints the grouped report with titles, and CSV on request", async () => {
    const dbPath = await seeded();
    const out = execFileSync(TSX, ["src/cli/gaps.ts", "--days", "7"], { env: { ...process.env, DB_PATH: dbPath }, encoding: "utf8" });
    expect(out).toMatch(/1\. 护理补贴 —— 2 次（未回答 2，👎 0）/);
    expect(out).toContain("· 重度残疾人护理补贴标准");
    expect(out).toContain("失业金在哪里领");
    expect(out).not.toContain("链长制谁牵头"); // answered and not rated down
    expect(out).toContain("朔州市人民政府关于印发朔州市“十四五”残疾人保障和发展规划的通知");
    const csv = execFileSync(TSX, ["src/cli/gaps.ts", "--csv", "groups"], { env: { ...process.env, DB_PATH: dbPath }, encoding: "utf8" });
    expect(csv.split("\r\n")[1]).toMatch(/^护理补贴,2,2,0,no-evidence:2,/);
  });

  it("npm run db:backup copies the database while it is open for writing", async () => {
    const dbPath = await seeded();
    const writer = new Database(dbPath);
    writer.pragma("journal_mode = WAL");
    writer.prepare("INSERT INTO asks (ask_id, at, question, intent, answered, reason, latency_ms, client) VALUES ('live', 1, 'q', NULL, 1, NULL, 1, 'c')").run();
    const destination = join(tempDir("feedback-backup"), "copy.db");
    const out = execFileSync(TSX, ["src/cli/db-backup.ts", destination], { env: { ...process.env, DB_PATH: dbPath }, encoding: "utf8" });
    writer.close();
    expect(out).toContain(destination);
    const copy = new Database(destination, { readonly: true });
    expect((copy.prepare("SELECT COUNT(*) AS n FROM asks").get() as { n: number }).n).toBe(5);
    copy.close();
  });
});
