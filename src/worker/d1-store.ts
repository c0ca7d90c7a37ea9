/**
 * FeedbackStore over a Cloudflare D1 binding: SQLite on the platform, so it runs
 * the very SQL of src/feedback/sqlite-sql.ts. D1 has no interactive transactions;
 * `batch` runs its statements atomically, which is what a write needs.
 */
import { toDailyRefusals, toDocumentAsks, toProblemAsks } from "../feedback/rows";
import { SQL, SQLITE_MIGRATIONS } from "../feedback/sqlite-sql";
import type { FeedbackStore, RateOutcome } from "../feedback/store";

/** The few D1 calls used here, typed by hand (no @cloudflare/workers-types dependency). */
export interface D1PreparedStatement {
  bind(...values: unknown[]): D1PreparedStatement;
  first<T = Record<string, unknown>>(): Promise<T | null>;
  all<T = Record<string, unknown>>(): Promise<{ results: T[] }>;
  run(): Promise<{ meta: { changes?: number } }>;
}

export interface D1Database {
  prepare(sql: string): D1PreparedStatement;
  batch(statements: D1PreparedStatement[]): Promise<unknown[]>;
}

export interface D1StoreOptions {
  migrateTo?: number;
}

export function openD1Store(db: D1Database, options: D1StoreOptions = {}): FeedbackStore {
  const version = async (): Promise<number> => {
    await db.prepare(SQL.createVersionTable).run();
    return Number((await db.prepare(SQL.readVersion).first<{ version: number }>())?.version ?? 0);
  };
  const all = async (sql: string, ...values: unknown[]) => (await db.prepare(sql).bind(...values).all()).results;

  return {
    kind: "d1",
    async migrate() {
      const target = options.migrateTo ?? SQLITE_MIGRATIONS.length;
      // Each migration and its version row in one batch: a failure leaves the previous version intact.
      for (let v = await version(); v < target; v++) {
        await db.batch([...SQLITE_MIGRATIONS[v]!.map((s) => db.prepare(s)), db.prepare(SQL.writeVersion).bind(v + 1)]);
      }
      return version();
    },
    async logAsks(records) {
      if (!records.length) return;
      const statements: D1PreparedStatement[] = [];
      for (const r of records) {
        statements.push(db.prepare(SQL.insertAsk).bind(r.askId, r.at, r.question, r.intent, r.answered ? 1 : 0, r.reason, r.latencyMs, r.client));
        r.citations.forEach((c, rank) => statements.push(db.prepare(SQL.insertCitation).bind(r.askId, rank, c.docId, c.score)));
      }
      await db.batch(statements);
    },
    async rate(r): Promise<RateOutcome> {
      if (!(await db.prepare(SQL.askExists).bind(r.askId).first())) return "unknown-ask";
      const added = await db.prepare(SQL.insertRating).bind(r.askId, r.client, r.rating, r.reason, r.comment, r.at).run();
      return added.meta.changes ? "stored" : "already-rated";
    },
    async problemAsks(since, limit) {
      return toProblemAsks(await all(SQL.problemAsks, since, limit), await all(SQL.problemCitations, since, limit));
    },
    async documentAsks(since, limit) {
      return toDocumentAsks(await all(SQL.documentAsks, since, limit));
    },
    async dailyRefusals(since) {
      return toDailyRefusals(await all(SQL.dailyRefusals, since));
    },
    async prune(before) {
      const results = (await db.batch([
        db.prepare(SQL.pruneRatings).bind(before),
        db.prepare(SQL.pruneCitations).bind(before),
        db.prepare(SQL.pruneAsks).bind(before),
      ])) as { meta?: { changes?: number } }[];
      return Number(results[2]?.meta?.changes ?? 0);
    },
    async counts() {
      const n = async (sql: string) => Number((await db.prepare(sql).first<{ n: number }>())?.n ?? 0);
      return { asks: await n(SQL.countAsks), ratings: await n(SQL.countRatings), schemaVersion: await version() };
    },
    async check() {
      await db.prepare("SELECT 1").first();
    },
    async close() {},
  };
}
