/**
 * `npm run db:backup [-- <destination>]`: an online backup of the SQLite feedback
 * database (DB_PATH) while the server keeps writing, via SQLite's backup API;
 * default destination data/backups/feedback-<UTC time>.db. For PostgreSQL
 * (DATABASE_URL) use pg_dump, which this prints.
 */
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { loadConfig } from "../node/config";
import { backupSqlite } from "../node/sqlite-store";

async function main(argv: string[]): Promise<number> {
  const config = loadConfig();
  if (config.DATABASE_URL) {
    console.error("db:backup: DATABASE_URL is set: back up PostgreSQL with `pg_dump --format=custom \"$DATABASE_URL\" > feedback.dump`");
    return 2;
  }
  if (!existsSync(config.DB_PATH)) {
    console.error(`db:backup: no database at ${config.DB_PATH} (set DB_PATH)`);
    return 1;
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const destination = argv[0] ?? join(dirname(config.DB_PATH), "backups", `feedback-${stamp}.db`);
  if (existsSync(destination)) {
    console.error(`db:backup: ${destination} already exists; choose another destination`);
    return 1;
  }
  mkdirSync(dirname(destination), { recursive: true });
  const pages = await backupSqlite(config.DB_PATH, destination);
  console.log(`db:backup: ${config.DB_PATH} → ${destination} (${pages} pages)`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`db:backup: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
