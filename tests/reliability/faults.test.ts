/**
 * Faults against the real server (startServer on a loopback port): a damaged,
 * mismatched or half-built index and a missing model. Startup refuses them with
 * a message that says what is wrong and what to run; a reload refuses them and
 * the previous index keeps answering.
 */
import { spawn } from "node:child_process";
import { cpSync, readdirSync, readFileSync, rmSync, truncateSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AskResponseSchema, ErrorSchema, HealthSchema, SearchResponseSchema } from "../../src/http/schemas";
import { CURRENT_FILE } from "../../src/node/index-store";
import { startServer, type RunningServer, type ServerOptions } from "../../src/node/server";
import {
  buildLexicalIndex,
  copyIndex,
  CORPUS_PATH,
  currentBuild,
  FIXTURE_MODEL_ID,
  FIXTURE_MODELS,
  temporaryDir,
} from "./helpers";

const TOKEN = "reliability-test-token-0001";
let work: string;
let pristine: string;
let pristineBuildId: string;
const running: RunningServer[] = [];

beforeAll(async () => {
  work = temporaryDir("faults");
  pristine = join(work, "pristine");
  pristineBuildId = await buildLexicalIndex(pristine);
});

afterAll(async () => {
  await Promise.all(running.map((s) => s.close()));
  rmSync(work, { recursive: true, force: true });
});

async function serve(indexDir: string, options: ServerOptions = {}): Promise<RunningServer> {
  const server = await startServer({
    port: 0,
    host: "127.0.0.1",
    indexDir,
    corpusPath: CORPUS_PATH,
    modelsDir: join(work, "no-models"),
    logger: pino({ level: "silent" }),
    adminToken: TOKEN,
    rateLimitPerMinute: 0,
    ...options,
  });
  running.push(server);
  return server;
}

async function reload(url: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${url}/admin/reload`, { method: "POST", headers: { Authorization: `Bearer ${TOKEN}` } });
  return { status: res.status, body: await res.json() };
}

async function expectReloadRefused(url: string, message: RegExp): Promise<void> {
  const { status, body } = await reload(url);
  expect(status).toBe(409);
  const error = ErrorSchema.parse(body).error;
  expect(error.code).toBe("reload-failed");
  expect(error.message).toMatch(message);
  expect(error.message).not.toContain(work); // no paths on disk
}

/** The server answers health, search and ask from the given build. */
async function expectServing(url: string, buildId: string, mode: "lexical" | "hybrid" = "lexical"): Promise<void> {
  const health = HealthSchema.parse(await (await fetch(`${url}/health`)).json());
  expect(health.indexBuildId).toBe(buildId);
  expect((await fetch(`${url}/ready`)).status).toBe(200);
  const search = SearchResponseSchema.parse(await (await fetch(`${url}/api/search?q=${encodeURIComponent("残疾人就业")}&k=3`)).json());
  expect(search.hits).toHaveLength(3);
  const ask = await fetch(`${url}/api/ask`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ question: "残疾人就业有什么补贴？" }),
  });
  expect(ask.status).toBe(200);
  expect(AskResponseSchema.parse(await ask.json()).retrieval.mode).toBe(mode);
}

const damages: [string, (buildDir: string, indexDir: string) => void, RegExp][] = [
  [
    "one byte of a file changed",
    (buildDir) => {
      const path = join(buildDir, "chunks.json");
      const bytes = readFileSync(path);
      bytes[200] = bytes[200] === 0x61 ? 0x62 : 0x61;
      writeFileSync(path, bytes);
    },
    /chunks\.json fails its checksum; run `npm run index`/,
  ],
  ["a file truncated", (buildDir) => truncateSync(join(buildDir, "lexical.json"), 1000), /lexical\.json has 1000 bytes.*truncated/],
  ["a file deleted", (buildDir) => unlinkSync(join(buildDir, "documents.json")), /documents\.json is missing; run `npm run index`/],
  ["the manifest garbled", (buildDir) => writeFileSync(join(buildDir, "manifest.json"), "{ not json"), /manifest.*not valid JSON; run `npm run index`/],
  ["CURRENT naming no build", (_buildDir, indexDir) => writeFileSync(join(indexDir, CURRENT_FILE), "../../etc\n"), /does not name a build; run `npm run index`/],
  ["the index folder emptied", (_buildDir, indexDir) => rmSync(join(indexDir, CURRENT_FILE)), /CURRENT is missing\); run `npm run index`/],
];

describe("startup refuses a damaged index with a message that says what to run", () => {
  it.each(damages)("%s", async (_name, damage, message) => {
    const { dir, buildDir } = copyIndex(pristine, work, `start-${running.length}-${Math.random().toString(36).slice(2)}`);
    damage(buildDir, dir);
    await expect(serve(dir)).rejects.toThrow(message);
  });
});

describe("a reload refuses a damaged index and the previous one keeps serving", () => {
  it.each(damages)("%s", async (_name, damage, message) => {
    const { dir, buildDir, buildId } = copyIndex(pristine, work, `reload-${Math.random().toString(36).slice(2)}`);
    const server = await serve(dir);
    await expectServing(server.url, buildId);
    damage(buildDir, dir);
    await expectReloadRefused(server.url, message);
    await expectServing(server.url, buildId);
  });
});

describe("an index built from another corpus", () => {
  let otherCorpus: string;
  beforeAll(() => {
    otherCorpus = join(work, "other-corpus.json");
    const corpus = JSON.parse(readFileSync(CORPUS_PATH, "utf8")) as { chunks: { text: string }[] };
    corpus.chunks[0]!.text += "（另一版本）";
    writeFileSync(otherCorpus, JSON.stringify(corpus));
  });

  it("is refused at startup and on reload, while the previous index keeps serving", async () => {
    const { dir, buildId } = copyIndex(pristine, work, "other-corpus");
    const server = await serve(dir);
    const otherBuild = await buildLexicalIndex(dir, otherCorpus); // swaps CURRENT under the running server
    expect(currentBuild(dir)).toBe(otherBuild);
    await expectReloadRefused(server.url, /built from a different corpus.*npm run index|corpus.*changed.*npm run index/s);
    await expectServing(server.url, buildId);
    await expect(serve(dir)).rejects.toThrow(/npm run index/);
  });

  it("is swapped in once it matches the corpus the server was given (a successful reload, for contrast)", async () => {
    const corpusCopy = join(work, "corpus-copy.json");
    cpSync(CORPUS_PATH, corpusCopy);
    const dir = join(work, "swap");
    const first = await buildLexicalIndex(dir, corpusCopy);
    const server = await serve(dir, { corpusPath: corpusCopy });
    cpSync(otherCorpus, corpusCopy);
    const second = await buildLexicalIndex(dir, corpusCopy);
    expect(second).not.toBe(first);
    const { status, body } = await reload(server.url);
    expect(status).toBe(200);
    expect(body).toEqual({ reloaded: true, buildId: second, previousBuildId: first });
    await expectServing(server.url, second);
  });
});

describe("the embedding model removed", () => {
  let dir: string;
  let modelsDir: string;
  let buildId: string;
  beforeAll(async () => {
    modelsDir = join(work, "models");
    cpSync(FIXTURE_MODELS, modelsDir, { recursive: true });
    dir = join(work, "hybrid");
    const { buildIndex } = await import("../../src/cli/build-index");
    ({ manifestBuildId: buildId } = await buildIndex({ corpusPath: CORPUS_PATH, indexDir: dir, modelsDir, modelId: FIXTURE_MODEL_ID, log: () => {} }));
  }, 60_000);

  it("is refused on reload and at startup, while the running server keeps answering in hybrid mode", async () => {
    const server = await serve(dir, { modelsDir });
    await expectServing(server.url, buildId, "hybrid");
    rmSync(join(modelsDir, FIXTURE_MODEL_ID), { recursive: true, force: true });
    await expectReloadRefused(server.url, /fixture\/tiny-zh-char, but that model cannot be loaded.*npm run model:fetch/s);
    await expectServing(server.url, buildId, "hybrid");
    await expect(serve(dir, { modelsDir })).rejects.toThrow(/cannot be loaded.*npm run model:fetch/s);
  });
});

describe("an index build killed half way", () => {
  /**
   * Runs `npx tsx src/cli/build-index.ts` into the served folder in its own process
   * group and SIGKILLs the whole group (npx, tsx and the node process doing the
   * work: a crash or an OOM kill) once `killWhen` says so.
   */
  async function killBuild(indexDir: string, killWhen: { afterMs: number } | { onOutput: RegExp }): Promise<string> {
    const child = spawn("npx", ["tsx", "src/cli/build-index.ts", "--out", indexDir, "--models", FIXTURE_MODELS, "--model", FIXTURE_MODEL_ID], {
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    const group = child.pid!;
    let output = "";
    let killed = false;
    const kill = () => {
      if (killed) return;
      killed = true;
      process.kill(-group, "SIGKILL");
    };
    const onData = (d: Buffer) => {
      output += d.toString();
      if ("onOutput" in killWhen && killWhen.onOutput.test(output)) kill();
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    if ("afterMs" in killWhen) setTimeout(kill, killWhen.afterMs);
    const { code } = await new Promise<{ code: number | null }>((done) => child.on("exit", (c) => done({ code: c })));
    if (!killed) throw new Error(`build finished (code ${code}) before it could be killed:\n${output}`);
    // Wait until no process of the group is left, so nothing can still write afterwards.
    for (let i = 0; i < 100 && groupAlive(group); i++) await new Promise((r) => setTimeout(r, 50));
    expect(groupAlive(group)).toBe(false);
    return output;
  }

  function groupAlive(group: number): boolean {
    try {
      process.kill(-group, 0);
      return true;
    } catch {
      return false;
    }
  }

  it.each([
    ["during embedding", { onOutput: /embedding \d+/ }],
    ["right after it started", { afterMs: 300 }],
  ] as const)("%s: CURRENT and the served index do not change", async (_when, killWhen) => {
    const { dir, buildId } = copyIndex(pristine, work, `killed-${Math.random().toString(36).slice(2)}`);
    const server = await serve(dir);
    const before = readdirSync(dir).sort();
    const output = await killBuild(dir, killWhen);
    if ("onOutput" in killWhen) expect(output).not.toMatch(/embedding 556\/556/); // really half way
    expect(currentBuild(dir)).toBe(buildId);
    expect(readdirSync(dir).filter((name) => !name.startsWith(".")).sort()).toEqual(before);
    await expectServing(server.url, buildId);
    const { status, body } = await reload(server.url); // a reload after the crash still finds the intact build
    expect(status).toBe(200);
    expect(body).toMatchObject({ buildId });
  }, 60_000);
});

describe("responses never reveal paths on disk", () => {
  it("shows why dense retrieval is off without the models folder's path", async () => {
    const dir = join(work, "no-model-build");
    const { buildIndex } = await import("../../src/cli/build-index");
    await buildIndex({ corpusPath: CORPUS_PATH, indexDir: dir, modelsDir: join(work, "empty-models"), modelId: "Xenova/bge-small-zh-v1.5", log: () => {} });
    const server = await serve(dir);
    const text = await (await fetch(`${server.url}/health`)).text();
    const health = HealthSchema.parse(JSON.parse(text));
    expect(health.dense.reason).toMatch(/not found.*npm run model:fetch/);
    expect(text).not.toContain(work);
  });
});

it("the pristine index is the one all cases started from", () => {
  expect(currentBuild(pristine)).toBe(pristineBuildId);
});
