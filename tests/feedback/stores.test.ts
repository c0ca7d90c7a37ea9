/**
 * Every FeedbackStore through the same contract: a real SQLite file, a real
 * PostgreSQL server (skipped locally with a message when its binaries are
 * absent; a failure in CI, where .ci/run installs them) and D1 through a fake
 * over SQLite.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe } from "vitest";
import { openPgStore } from "../../src/node/pg-store";
import { openSqliteStore } from "../../src/node/sqlite-store";
import { openD1Store } from "../../src/worker/d1-store";
import { fakeD1 } from "./fake-d1";
import { pgBinDir, startPgServer, type PgServer } from "./pg-server";
import { storeContract } from "./store-contract";

const work = mkdtempSync(join(tmpdir(), "policy-qa-stores-"));
let files = 0;

storeContract("SQLite file", async () => {
  const path = join(work, `db-${++files}`, "feedback.db");
  return async (options) => openSqliteStore(path, options);
});

storeContract("D1 (fake binding over SQLite)", async () => {
  const d1 = fakeD1();
  return async (options) => openD1Store(d1, options);
});

const bin = pgBinDir();
if (!bin && process.env.CI) throw new Error("PostgreSQL binaries are required in CI (.ci/run installs postgresql-15)");
if (!bin) console.warn("skipping the PostgreSQL store tests: no /usr/lib/postgresql/*/bin/initdb (apt-get install postgresql-15)");

describe.skipIf(!bin)("PostgreSQL", () => {
  let server: PgServer;
  beforeAll(async () => {
    server = await startPgServer(bin!);
  });
  afterAll(() => server?.stop());
  storeContract("PostgreSQL server", async () => {
    const url = await server.createDatabase();
    return async (options) => openPgStore(url, options);
  });
});
