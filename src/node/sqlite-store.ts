/**
 * FeedbackStore over one SQLite file (better-sqlite3, WAL mode). The file and its
 * folder are created on first start; migrations run in one transaction each.
 * better-sqlite3 is synchronous, so a short busy timeout keeps a locked database
 * from stalling the event loop: the write queue retries instead.
 */
import Database from "better-sqlite3";
import { closeSync, mkdirSync, openSync, readSync, statSync, type Stats } from "node:fs";
import { dirname, resolve } from "node:path";
import { toDailyRefusals, toDocumentAsks, toProblemAsks } from "../feedback/rows";
import { SQL, SQLITE_MIGRATIONS } from "../feedback/sqlite-sql";
import type { AskRecord, FeedbackStore, RateOutcome, RatingRecord, StoreCounts } from "../feedback/store";

export interface SqliteStoreOptions {
  /** Apply only the first n migrations (tests of upgrades from an older version). */
  migrateTo?: number;
  /** How long a write waits for another connection's lock; default 200 ms. */
  busyTimeoutMs?: number;
  /** Caps the file at this many pages (tests of a full disk). */
  maxPageCount?: number;
}

export const DEFAULT_DB_PATH = "data/feedback.db";

export function openSqliteStore(path: string, options: SqliteStoreOptions = {}): FeedbackStore {
  const file = resolve(path);
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 200}`);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  if (options.maxPageCount) db.pragma(`max_page_count = ${options.maxPageCount}`);
  const opened = statSync(file);

  const insertAsk = lazy(() => db.prepare(SQL.insertAsk));
  const insertCitation = lazy(() => db.prepare(SQL.insertCitation));
  const writeBatch = db.transaction((records: readonly AskRecord[]) => {
    for (const r of records) {
      const added = insertAsk().run(r.askId, r.at, r.question, r.intent, r.answered ? 1 : 0, r.reason, r.latencyMs, r.client);
      if (!added.changes) continue; // a retried batch: already written
      r.citations.forEach((c, rank) => insertCitation().run(r.askId, rank, c.docId, c.score));
    }
  });
  const rateOnce = db.transaction((r: RatingRecord): RateOutcome => {
    if (!db.prepare(SQL.askExists).get(r.askId)) return "unknown-ask";
    const added = db.prepare(SQL.insertRating).run(r.askId, r.client, r.rating, r.reason, r.comment, r.at);
    return added.changes ? "stored" : "already-rated";
  });
  const pruneOnce = db.transaction((before: number) => {
    db.prepare(SQL.pruneRatings).run(before);
    db.prepare(SQL.pruneCitations).run(before);
    return db.prepare(SQL.pruneAsks).run(before).changes;
  });

  const version = (): number => {
    db.exec(SQL.createVersionTable);
    return Number((db.prepare(SQL.readVersion).get() as { version: number }).version);
  };

  return {
    kind: "sqlite",
    async migrate() {
      const target = options.migrateTo ?? SQLITE_MIGRATIONS.length;
      db.transaction(() => {
        for (let v = version(); v < target; v++) {
          for (const statement of SQLITE_MIGRATIONS[v]!) db.exec(statement);
          db.prepare(SQL.writeVersion).run(v + 1);
        }
      }).immediate();
      return version();
    },
    async logAsks(records) {
      writeBatch.immediate(records);
    },
    async rate(record) {
      return rateOnce.immediate(record);
    },
    async problemAsks(since, limit) {
      const rows = db.prepare(SQL.problemAsks).all(since, limit) as Record<string, unknown>[];
      const citations = db.prepare(SQL.problemCitations).all(since, limit) as Record<string, unknown>[];
      return toProblemAsks(rows, citations);
    },
    async documentAsks(since, limit) {
      return toDocumentAsks(db.prepare(SQL.documentAsks).all(since, limit) as Record<string, unknown>[]);
    },
    async dailyRefusals(since) {
      return toDailyRefusals(db.prepare(SQL.dailyRefusals).all(since) as Record<string, unknown>[]);
    },
    async prune(before) {
      return pruneOnce.immediate(before);
    },
    async counts(): Promise<StoreCounts> {
      const n = (sql: string) => Number((db.prepare(sql).get() as { n: number }).n);
      return { asks: n(SQL.countAsks), ratings: n(SQL.countRatings), schemaVersion: version() };
    },
    async check() {
      checkFile(file, opened);
    },
    async close() {
      if (db.open) db.close();
    },
  };
}

/** Online backup (pages copied while the server keeps writing) to `destination`. */
export async function backupSqlite(source: string, destination: string): Promise<number> {
  const db = new Database(resolve(source), { fileMustExist: true });
  try {
    const result = await db.backup(resolve(destination));
    return result.totalPages;
  } finally {
    db.close();
  }
}

/**
 * An open SQLite handle keeps writing to a deleted or replaced file without an
 * error, and root ignores a 0444 mode, so these are checked on the path itself.
 */
function checkFile(file: string, opened: Stats): void {
  let now: Stats;
  try {
    now = statSync(file);
  } catch {
    throw new Error("the database file was deleted while the server ran (restart to create a new one)");
  }
  if (now.ino !== opened.ino || now.dev !== opened.dev) throw new Error("the database file was replaced while the server ran (restart to open it)");
  if ((now.mode & 0o222) === 0) throw new Error("the database file is read-only (chmod u+w it to resume writing)");
  // In WAL mode an open connection reads the header from its cache, so junk written over the file goes unnoticed until a
  // checkpoint or a restart; 16 bytes read here notice it at once.
  const header = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(file, "r");
  try {
    readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  if (now.size > 0 && !header.equals(SQLITE_HEADER)) throw new Error("the database file is corrupt: file is not a database (its header is not SQLite's); restore a backup");
}

const SQLITE_HEADER = Buffer.from("SQLite format 3\0", "latin1");

function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}
