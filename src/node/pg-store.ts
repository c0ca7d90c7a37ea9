/**
 * FeedbackStore over PostgreSQL (the `pg` client), for several Node instances
 * behind a load balancer sharing one database. Migrations take an advisory lock,
 * so instances starting together apply each one exactly once.
 */
import pg from "pg";
import { toDailyRefusals, toDocumentAsks, toProblemAsks } from "../feedback/rows";
import type { FeedbackStore, RateOutcome, StoreCounts } from "../feedback/store";

/** Migration n (1-based) brings a database from version n-1 to n; the same schema as SQLite's. */
export const PG_MIGRATIONS: readonly string[][] = [
  [
    `CREATE TABLE asks (
       ask_id TEXT PRIMARY KEY,
       at BIGINT NOT NULL,
       question TEXT,
       intent TEXT,
       answered SMALLINT NOT NULL,
       reason TEXT,
       latency_ms DOUBLE PRECISION NOT NULL,
       client TEXT NOT NULL
     )`,
    `CREATE INDEX asks_at ON asks (at)`,
    `CREATE TABLE ask_documents (
       ask_id TEXT NOT NULL,
       rank INTEGER NOT NULL,
       doc_id TEXT NOT NULL,
       score DOUBLE PRECISION NOT NULL,
       PRIMARY KEY (ask_id, rank)
     )`,
    `CREATE INDEX ask_documents_doc ON ask_documents (doc_id)`,
  ],
  [
    `CREATE TABLE ratings (
       ask_id TEXT NOT NULL,
       client TEXT NOT NULL,
       rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
       reason TEXT CHECK (reason IS NULL OR reason IN ('wrong', 'outdated', 'incomplete', 'not-found', 'other')),
       comment TEXT,
       at BIGINT NOT NULL,
       PRIMARY KEY (ask_id, client)
     )`,
    `CREATE INDEX ratings_down ON ratings (rating, ask_id)`,
  ],
];

/** An arbitrary constant naming this schema's migration lock. */
const MIGRATION_LOCK = 7_317_017;

const PROBLEMS = `FROM asks a LEFT JOIN ratings r ON r.ask_id = a.ask_id AND r.rating = 'down'
  WHERE a.at >= $1 AND (a.answered = 0 OR r.rating = 'down')`;

const Q = {
  problemAsks: `SELECT a.ask_id, a.at, a.question, a.intent, a.answered, a.reason, r.rating, r.reason AS rating_reason, r.comment
    ${PROBLEMS} ORDER BY a.at DESC, a.ask_id LIMIT $2`,
  problemCitations: `SELECT d.ask_id, d.doc_id, d.score FROM ask_documents d
    JOIN (SELECT a.ask_id, MAX(a.at) AS at ${PROBLEMS} GROUP BY a.ask_id ORDER BY MAX(a.at) DESC, a.ask_id LIMIT $2) p ON p.ask_id = d.ask_id
    ORDER BY d.ask_id, d.rank`,
  documentAsks: `SELECT d.doc_id, COUNT(DISTINCT d.ask_id) AS asks,
      COUNT(DISTINCT CASE WHEN a.answered = 0
            OR EXISTS (SELECT 1 FROM ratings r WHERE r.ask_id = a.ask_id AND r.rating = 'down') THEN a.ask_id END) AS problems
    FROM ask_documents d JOIN asks a ON a.ask_id = d.ask_id
    WHERE a.at >= $1 GROUP BY d.doc_id ORDER BY asks DESC, d.doc_id LIMIT $2`,
  dailyRefusals: `SELECT (a.at + 28800000) / 86400000 AS day, COUNT(*) AS asks,
      SUM(CASE WHEN a.answered = 0 THEN 1 ELSE 0 END) AS refused,
      SUM(CASE WHEN EXISTS (SELECT 1 FROM ratings r WHERE r.ask_id = a.ask_id AND r.rating = 'down') THEN 1 ELSE 0 END) AS down
    FROM asks a WHERE a.at >= $1 GROUP BY day ORDER BY day`,
} as const;

export interface PgStoreOptions {
  migrateTo?: number;
  /** Pool size per instance; default 4 (two cores, short queries). */
  max?: number;
}

export function openPgStore(connectionString: string, options: PgStoreOptions = {}): FeedbackStore {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 4, connectionTimeoutMillis: 5_000 });
  // An idle client losing its connection (server restart) must not crash the process; the next query reports it.
  pool.on("error", () => {});

  async function inTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  const version = async (client: pg.PoolClient | pg.Pool): Promise<number> => {
    await client.query(`CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`);
    const { rows } = await client.query(`SELECT COALESCE(MAX(version), 0) AS version FROM schema_version`);
    return Number(rows[0].version);
  };

  return {
    kind: "postgres",
    async migrate() {
      const target = options.migrateTo ?? PG_MIGRATIONS.length;
      return inTransaction(async (client) => {
        await client.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
        for (let v = await version(client); v < target; v++) {
          for (const statement of PG_MIGRATIONS[v]!) await client.query(statement);
          await client.query(`INSERT INTO schema_version (version) VALUES ($1)`, [v + 1]);
        }
        return version(client);
      });
    },
    async logAsks(records) {
      if (!records.length) return;
      await inTransaction(async (client) => {
        // One multi-row insert per table: a batch costs two round trips, not one per row.
        const asks: unknown[] = [];
        const cited: unknown[] = [];
        for (const r of records) {
          asks.push(r.askId, r.at, r.question, r.intent, r.answered ? 1 : 0, r.reason, r.latencyMs, r.client);
          r.citations.forEach((c, rank) => cited.push(r.askId, rank, c.docId, c.score));
        }
        await client.query(
          `INSERT INTO asks (ask_id, at, question, intent, answered, reason, latency_ms, client) VALUES ${placeholders(records.length, 8)} ON CONFLICT (ask_id) DO NOTHING`,
          asks,
        );
        if (cited.length)
          await client.query(
            `INSERT INTO ask_documents (ask_id, rank, doc_id, score) VALUES ${placeholders(cited.length / 4, 4)} ON CONFLICT DO NOTHING`,
            cited,
          );
      });
    },
    async rate(r): Promise<RateOutcome> {
      return inTransaction(async (client) => {
        const found = await client.query(`SELECT 1 FROM asks WHERE ask_id = $1`, [r.askId]);
        if (!found.rowCount) return "unknown-ask";
        const added = await client.query(
          `INSERT INTO ratings (ask_id, client, rating, reason, comment, at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (ask_id, client) DO NOTHING`,
          [r.askId, r.client, r.rating, r.reason, r.comment, r.at],
        );
        return added.rowCount ? "stored" : "already-rated";
      });
    },
    async problemAsks(since, limit) {
      const [rows, citations] = await Promise.all([pool.query(Q.problemAsks, [since, limit]), pool.query(Q.problemCitations, [since, limit])]);
      return toProblemAsks(rows.rows, citations.rows);
    },
    async documentAsks(since, limit) {
      return toDocumentAsks((await pool.query(Q.documentAsks, [since, limit])).rows);
    },
    async dailyRefusals(since) {
      return toDailyRefusals((await pool.query(Q.dailyRefusals, [since])).rows);
    },
    async prune(before) {
      return inTransaction(async (client) => {
        await client.query(`DELETE FROM ratings WHERE ask_id IN (SELECT ask_id FROM asks WHERE at < $1)`, [before]);
        await client.query(`DELETE FROM ask_documents WHERE ask_id IN (SELECT ask_id FROM asks WHERE at < $1)`, [before]);
        return (await client.query(`DELETE FROM asks WHERE at < $1`, [before])).rowCount ?? 0;
      });
    },
    async counts(): Promise<StoreCounts> {
      const { rows } = await pool.query(`SELECT (SELECT COUNT(*) FROM asks) AS asks, (SELECT COUNT(*) FROM ratings) AS ratings`);
      return { asks: Number(rows[0].asks), ratings: Number(rows[0].ratings), schemaVersion: await version(pool) };
    },
    async check() {
      await pool.query("SELECT 1");
    },
    async close() {
      await pool.end();
    },
  };
}

/** "($1, $2), ($3, $4)" for `rows` rows of `width` values. */
function placeholders(rows: number, width: number): string {
  const groups: string[] = [];
  for (let i = 0; i < rows; i++) groups.push(`(${Array.from({ length: width }, (_, j) => `$${i * width + j + 1}`).join(", ")})`);
  return groups.join(", ");
}
