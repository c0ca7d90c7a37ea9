/**
 * A D1 binding over an in-memory better-sqlite3 database, with D1's semantics for
 * the calls d1-store uses (bind, first, all, run → meta.changes, batch atomic).
 * D1 is SQLite, so the SQL under test is exactly what the platform runs.
 */
import Database from "better-sqlite3";
import type { D1Database, D1PreparedStatement } from "../../src/worker/d1-store";

export function fakeD1(db = new Database(":memory:")): D1Database & { db: Database.Database } {
  const statement = (sql: string, values: unknown[] = []): D1PreparedStatement & { exec: () => { meta: { changes: number } } } => {
    const prepared = () => db.prepare(sql);
    const exec = () => {
      const s = prepared();
      if (s.reader) {
        s.all(...values);
        return { meta: { changes: 0 } };
      }
      return { meta: { changes: s.run(...values).changes } };
    };
    return {
      bind: (...more: unknown[]) => statement(sql, more),
      first: async <T>() => (prepared().get(...values) as T | undefined) ?? null,
      all: async <T>() => ({ results: prepared().all(...values) as T[] }),
      run: async () => exec(),
      exec,
    };
  };
  return {
    db,
    prepare: (sql) => statement(sql),
    batch: async (statements) => db.transaction(() => statements.map((s) => (s as ReturnType<typeof statement>).exec()))(),
  };
}
