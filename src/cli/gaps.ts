/**
 * `npm run gaps [-- --days 30] [--csv groups|documents|daily|asks]`: the maintainer's
 * grouped report in the terminal, from the same database the server writes
 * (DATABASE_URL, else DB_PATH), with document titles from corpus/corpus.json.
 */
import { existsSync, readFileSync } from "node:fs";
import { formatGapReport } from "../feedback/format";
import { CSV_VIEWS, groupProblems, viewCsv, type CsvView, type GapReport } from "../feedback/report";
import { loadConfig } from "../node/config";
import { openPgStore } from "../node/pg-store";
import { openSqliteStore } from "../node/sqlite-store";

function option(argv: string[], name: string): string | undefined {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 ? argv[at + 1] : undefined;
}

async function main(argv: string[]): Promise<number> {
  const config = loadConfig();
  const days = Number(option(argv, "days") ?? 30);
  if (!Number.isInteger(days) || days < 1 || days > 366) {
    console.error(`gaps: --days must be a whole number from 1 to 366 (got ${JSON.stringify(option(argv, "days"))})`);
    return 2;
  }
  const csv = option(argv, "csv");
  if (csv !== undefined && !CSV_VIEWS.includes(csv as CsvView)) {
    console.error(`gaps: --csv must be one of ${CSV_VIEWS.join(", ")} (got ${JSON.stringify(csv)})`);
    return 2;
  }
  if (!config.DATABASE_URL && !existsSync(config.DB_PATH)) {
    console.error(`gaps: no feedback database at ${config.DB_PATH} yet (the server creates it on first start; set DB_PATH or DATABASE_URL)`);
    return 1;
  }
  const store = config.DATABASE_URL ? openPgStore(config.DATABASE_URL) : openSqliteStore(config.DB_PATH);
  try {
    await store.migrate();
    const since = Date.now() - days * 86_400_000;
    const asks = await store.problemAsks(since, 10_000);
    const report: GapReport = { since, groups: groupProblems(asks), documents: await store.documentAsks(since, 20), daily: await store.dailyRefusals(since) };
    const title = documentTitles(config.CORPUS_PATH);
    process.stdout.write(csv ? viewCsv(csv as CsvView, report, asks, title) : `${formatGapReport(report, days, title)}\n`);
    return 0;
  } finally {
    await store.close();
  }
}

/** docId → title from the corpus, when it is there; ids otherwise. */
function documentTitles(corpusPath: string): (docId: string) => string {
  try {
    const corpus = JSON.parse(readFileSync(corpusPath, "utf8")) as { documents: { id: string; title: string }[] };
    const titles = new Map(corpus.documents.map((d) => [d.id, d.title]));
    return (id) => titles.get(id) ?? id;
  } catch {
    return (id) => id;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`gaps: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
