/**
 * Two server processes behind one PostgreSQL database (DATABASE_URL), written to
 * at once: every ask of both reaches the database, each rating once, none lost.
 * Needs Debian's postgresql binaries: skipped locally with a message when they
 * are absent, a failure in CI (.ci/run installs them).
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testIndexDir } from "../helpers/engine";
import { startChildServer, type ChildServer } from "../reliability/helpers";
import { pgBinDir, startPgServer, type PgServer } from "./pg-server";

const bin = pgBinDir();
if (!bin && process.env.CI) throw new Error("PostgreSQL binaries are required in CI (.ci/run installs postgresql-15)");
if (!bin) console.warn("skipping the two-instance PostgreSQL test: no /usr/lib/postgresql/*/bin/initdb (apt-get install postgresql-15)");

const ASKS_PER_INSTANCE = 150;
const IN_FLIGHT = 16;

describe.skipIf(!bin)("two Node instances on one PostgreSQL database", () => {
  let database: PgServer;
  let url: string;
  let servers: ChildServer[] = [];

  beforeAll(async () => {
    database = await startPgServer(bin!);
    url = await database.createDatabase();
    const env = { INDEX_DIR: await testIndexDir(), DATABASE_URL: url, RATE_LIMIT_PER_MINUTE: "0", LOG_LEVEL: "warn" };
    // Started together: both run the migrations at once (the advisory lock makes that safe).
    servers = await Promise.all([startChildServer({ ...env, LOG_LEVEL: "info" }, 60_000), startChildServer({ ...env, LOG_LEVEL: "info" }, 60_000)]);
  }, 180_000);

  afterAll(async () => {
    for (const s of servers) if (s.child.exitCode === null) s.child.kill("SIGKILL");
    database?.stop();
  });

  it("loses no row when both write at once", async () => {
    const askIds: string[] = [];
    const statuses: number[] = [];
    const drive = async (server: ChildServer, prefix: string) => {
      let next = 0;
      const worker = async () => {
        for (let i = next++; i < ASKS_PER_INSTANCE; i = next++) {
          const res = await fetch(`${server.url}/api/ask`, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ question: `${prefix} 第${i}个问题：残疾人就业有什么补贴` }),
          });
          statuses.push(res.status);
          const { askId } = (await res.json()) as { askId: string };
          askIds.push(askId);
          if (i % 5 === 0) {
            const rated = await fetch(`${server.url}/api/feedback`, {
              method: "POST",
              headers: { "Content-Type": "application/json" },
              body: JSON.stringify({ askId, rating: "down", reason: "incomplete" }),
            });
            statuses.push(rated.status);
          }
        }
      };
      await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    };
    await Promise.all([drive(servers[0]!, "甲"), drive(servers[1]!, "乙")]);
    expect(statuses.filter((s) => s >= 300)).toEqual([]);

    // SIGTERM flushes each queue before exit.
    const exits = await Promise.all(servers.map((s) => (s.child.kill("SIGTERM"), s.exited)));
    expect(exits.map((e) => e.code)).toEqual([0, 0]);

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ ask_id: string }>("SELECT ask_id FROM asks");
      expect(rows.length).toBe(2 * ASKS_PER_INSTANCE);
      expect(new Set(rows.map((r) => r.ask_id))).toEqual(new Set(askIds));
      const ratings = await client.query<{ n: string }>("SELECT COUNT(*) AS n FROM ratings");
      expect(Number(ratings.rows[0]!.n)).toBe(2 * (ASKS_PER_INSTANCE / 5));
      const version = await client.query<{ n: string }>("SELECT COUNT(*) AS n FROM schema_version");
      expect(Number(version.rows[0]!.n)).toBe(2); // each migration applied once, not once per instance
    } finally {
      await client.end();
    }
  }, 120_000);
});
