import { cpSync, mkdtempSync, readFileSync, rmSync, truncateSync, unlinkSync, writeFileSync, mkdirSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildIndex } from "../../src/cli/build-index";
import { IndexError } from "../../src/index/manifest";
import { CURRENT_FILE, readIndex } from "../../src/node/index-store";
import { loadEngine } from "../../src/node/load-engine";

const corpusPath = resolve("corpus/corpus.json");
let workDir: string;
let pristine: string;

/** A fresh copy of a built index for each destructive case. */
function copyIndex(): { dir: string; build: string } {
  const dir = mkdtempSync(join(workDir, "case-"));
  cpSync(pristine, dir, { recursive: true });
  const build = readFileSync(join(dir, CURRENT_FILE), "utf8").trim();
  return { dir, build: join(dir, build) };
}

async function loadError(indexDir: string, corpus = corpusPath): Promise<IndexError> {
  try {
    await loadEngine({ indexDir, corpusPath: corpus });
  } catch (error) {
    expect(error).toBeInstanceOf(IndexError);
    return error as IndexError;
  }
  throw new Error("expected the index to be refused");
}

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), "policy-qa-index-"));
  pristine = join(workDir, "pristine");
  await buildIndex({ corpusPath, indexDir: pristine, modelsDir: join(workDir, "no-models"), modelId: null, log: () => {} });
}, 60_000);

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe("a built index", () => {
  it("loads and answers searches", async () => {
    const engine = await loadEngine({ indexDir: pristine, corpusPath });
    const result = await engine.retriever.search("残疾人就业", { k: 3 });
    expect(result.hits.length).toBe(3);
    expect(engine.dense).toMatchObject({ enabled: false });
    expect(engine.dense.reason).toMatch(/lexical/);
  });

  it("writes a manifest that names every file with its size and checksum", async () => {
    const { manifest, files } = await readIndex(pristine);
    expect(Object.keys(manifest.files).sort()).toEqual([...files.keys()].sort());
    expect(manifest.model).toBeNull();
    expect(manifest.counts.chunks).toBeGreaterThan(100);
  });

  it("gives the same build id for the same inputs", async () => {
    const again = join(workDir, "again");
    await buildIndex({ corpusPath, indexDir: again, modelsDir: join(workDir, "no-models"), modelId: null, log: () => {} });
    expect(readFileSync(join(again, CURRENT_FILE), "utf8")).toBe(readFileSync(join(pristine, CURRENT_FILE), "utf8"));
  });
});

describe("a damaged or mismatched index is refused with a message that says what to run", () => {
  it("refuses a file whose bytes changed", async () => {
    const { dir, build } = copyIndex();
    const path = join(build, "chunks.json");
    const bytes = readFileSync(path);
    bytes[100] = bytes[100] === 0x61 ? 0x62 : 0x61;
    writeFileSync(path, bytes);
    const error = await loadError(dir);
    expect(error.code).toBe("index-corrupt");
    expect(error.message).toMatch(/chunks\.json fails its checksum.*npm run index/);
  });

  it("refuses a truncated file", async () => {
    const { dir, build } = copyIndex();
    truncateSync(join(build, "lexical.json"), 1000);
    expect((await loadError(dir)).message).toMatch(/lexical\.json has 1000 bytes.*truncated/);
  });

  it("refuses a deleted file", async () => {
    const { dir, build } = copyIndex();
    unlinkSync(join(build, "documents.json"));
    expect((await loadError(dir)).message).toMatch(/documents\.json is missing/);
  });

  it("refuses a missing index", async () => {
    expect((await loadError(join(workDir, "nothing-here"))).code).toBe("index-missing");
  });

  it("refuses an index of another format version", async () => {
    const { dir, build } = copyIndex();
    const manifest = JSON.parse(readFileSync(join(build, "manifest.json"), "utf8"));
    writeFileSync(join(build, "manifest.json"), JSON.stringify({ ...manifest, formatVersion: 999 }));
    expect((await loadError(dir)).code).toBe("index-format");
  });

  it("refuses an index built from another corpus", async () => {
    const { dir } = copyIndex();
    const otherCorpus = join(workDir, "other-corpus.json");
    const corpus = JSON.parse(readFileSync(corpusPath, "utf8"));
    corpus.chunks[0].text += "（另一版本）";
    writeFileSync(otherCorpus, JSON.stringify(corpus));
    const error = await loadError(dir, otherCorpus);
    expect(error.code).toBe("corpus-changed");
    expect(error.message).toMatch(/npm run index/);
  });

  it("keeps serving the current build when a newer build was left half written", async () => {
    const { dir } = copyIndex();
    const current = readFileSync(join(dir, CURRENT_FILE), "utf8");
    // What a build killed mid-write leaves: a temporary folder, CURRENT untouched.
    mkdirSync(join(dir, ".tmp-deadbeef-1-1"));
    writeFileSync(join(dir, ".tmp-deadbeef-1-1", "chunks.json"), "[");
    const { manifest } = await readIndex(dir);
    expect(manifest.buildId + "\n").toBe(current);
    expect(readdirSync(dir)).toContain(".tmp-deadbeef-1-1");
  });
});
