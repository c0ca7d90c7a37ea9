/**
 * The SQL that SQLite (better-sqlite3 on Node) and D1 (SQLite on Workers) share:
 * the versioned migrations and every query, written once. Placeholders are `?`.
 */

/** Migration n (1-based) brings a database from version n-1 to n. Never edit a released entry: add one. */
export const SQLITE_MIGRATIONS: readonly string[][] = [
  // 1: the question log.
  [
    `CREATE TABLE asks (
       ask_id TEXT PRIMARY KEY,
       at INTEGER NOT NULL,
       question TEXT,
       intent TEXT,
       answered INTEGER NOT NULL,
       reason TEXT,
       latency_ms REAL NOT NULL,
       client TEXT NOT NULL
     )`,
    `CREATE INDEX asks_at ON asks (at)`,
    `CREATE TABLE ask_documents (
       ask_id TEXT NOT NULL,
       rank INTEGER NOT NULL,
       doc_id TEXT NOT NULL,
       score REAL NOT NULL,
       PRIMARY KEY (ask_id, rank)
     )`,
    `CREATE INDEX ask_documents_doc ON ask_documents (doc_id)`,
  ],
  // 2: ratings, one per ask and client.
  [
    `CREATE TABLE ratings (
       ask_id TEXT NOT NULL,
       client TEXT NOT NULL,
       rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
       reason TEXT CHECK (reason IS NULL OR reason IN ('wrong', 'outdated', 'incomplete', 'not-found', 'other')),
       comment TEXT,
       at INTEGER NOT NULL,
       PRIMARY KEY (ask_id, client)
     )`,
    `CREATE INDEX ratings_down ON ratings (rating, ask_id)`,
  ],
];

export const SQL = {
  createVersionTable: `CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`,
  readVersion: `SELECT COALESCE(MAX(version), 0) AS version FROM schema_version`,
  writeVersion: `INSERT INTO schema_version (version) VALUES (?)`,
  insertAsk: `INSERT OR IGNORE INTO asks (ask_id, at, question, intent, answered, reason, latency_ms, client) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  insertCitation: `INSERT OR IGNORE INTO ask_documents (ask_id, rank, doc_id, score) VALUES (?, ?, ?, ?)`,
  askExists: `SELECT 1 AS found FROM asks WHERE ask_id = ?`,
  insertRating: `INSERT INTO ratings (ask_id, client, rating, reason, comment, at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (ask_id, client) DO NOTHING`,
  problemAsks: `
    SELECT a.ask_id, a.at, a.question, a.intent, a.answered, a.reason, r.rating, r.reason AS rating_reason, r.comment
    FROM asks a LEFT JOIN ratings r ON r.ask_id = a.ask_id AND r.rating = 'down'
    WHERE a.at >= ? AND (a.answered = 0 OR r.rating = 'down')
    ORDER BY a.at DESC, a.ask_id LIMIT ?`,
  problemCitations: `
    SELECT d.ask_id, d.doc_id, d.score FROM ask_documents d
    JOIN (SELECT DISTINCT a.ask_id FROM asks a LEFT JOIN ratings r ON r.ask_id = a.ask_id AND r.rating = 'down'
          WHERE a.at >= ? AND (a.answered = 0 OR r.rating = 'down') ORDER BY a.at DESC, a.ask_id LIMIT ?) p
      ON p.ask_id = d.ask_id
    ORDER BY d.ask_id, d.rank`,
  documentAsks: `
    SELECT d.doc_id, COUNT(DISTINCT d.ask_id) AS asks,
           COUNT(DISTINCT CASE WHEN a.answered = 0
                 OR EXISTS (SELECT 1 FROM ratings r WHERE r.ask_id = a.ask_id AND r.rating = 'down') THEN a.ask_id END) AS problems
    FROM ask_documents d JOIN asks a ON a.ask_id = d.ask_id
    WHERE a.at >= ? GROUP BY d.doc_id ORDER BY asks DESC, d.doc_id LIMIT ?`,
  dailyRefusals: `
    SELECT (a.at + 28800000) / 86400000 AS day, COUNT(*) AS asks,
           SUM(CASE WHEN a.answered = 0 THEN 1 ELSE 0 END) AS refused,
           SUM(CASE WHEN EXISTS (SELECT 1 FROM ratings r WHERE r.ask_id = a.ask_id AND r.rating = 'down') THEN 1 ELSE 0 END) AS down
    FROM asks a WHERE a.at >= ? GROUP BY day ORDER BY day`,
  pruneRatings: `DELETE FROM ratings WHERE ask_id IN (SELECT ask_id FROM asks WHERE at < ?)`,
  pruneCitations: `DELETE FROM ask_documents WHERE ask_id IN (SELECT ask_id FROM asks WHERE at < ?)`,
  pruneAsks: `DELETE FROM asks WHERE at < ?`,
  countAsks: `SELECT COUNT(*) AS n FROM asks`,
  countRatings: `SELECT COUNT(*) AS n FROM ratings`,
} as const;
