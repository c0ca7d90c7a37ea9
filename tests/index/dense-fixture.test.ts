import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildIndex } from "../../src/cli/build-index";
import { IndexError } from "../../src/index/manifest";
import { readIndex } from "../../src/node/index-store";
import { loadDenseSearch } from "../../src/node/dense";
import { loadEngine } from "../../src/node/load-engine";

// The tiny self-made model (tests/fixtures/models): a real ONNX graph and tokenizer that
// transformers.js loads. Its vectors are not semantic; this tests the path, not quality.
const modelsDir = resolve("tests/fixtures/models");
const modelId = "fixture/tiny-zh-char";
const corpusPath = resolve("corpus/corpus.json");
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "policy-qa-dense-"));
  await buildIndex({ corpusPath, indexDir: join(dir, "index"), modelsDir, modelId, log: () => {} });
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("hybrid retrieval through transformers.js and HNSW", () => {
  it("records the model and its dimension in the manifest", async () => {
    const { manifest } = await readIndex(join(dir, "index"));
    expect(manifest.model).toEqual({ id: modelId, dimension: 32 });
    expect(manifest.files["vectors.hnsw"]?.bytes).toBeGreaterThan(0);
  });

  it("answers in hybrid mode with dense ranks behind the hits", async () => {
    const engine = await loadEngine({
      indexDir: join(dir, "index"),
      corpusPath,
      loadDense: (manifest, buildDir) => loadDenseSearch(manifest, buildDir, modelsDir),
    });
    expect(engine.dense).toEqual({ enabled: true, model: modelId, reason: null });
    const result = await engine.retriever.search("残疾人就业补贴", { k: 10 });
    expect(result.mode).toBe("hybrid");
    expect(result.hits.some((h) => h.signals.denseRank !== null)).toBe(true);
    const dense = await engine.retriever.search("残疾人就业补贴", { k: 5, denseOnly: true });
    expect(dense.hits.length).toBe(5);
    expect(dense.hits.every((h) => h.signals.denseScore !== null && h.signals.denseScore <= 1.0001)).toBe(true);
  });

  it("refuses to start when the index has vectors but the model is gone", async () => {
    const error = await loadEngine({
      indexDir: join(dir, "index"),
      corpusPath,
      loadDense: (manifest, buildDir) => loadDenseSearch(manifest, buildDir, join(dir, "empty-models")),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IndexError);
    expect((error as IndexError).code).toBe("model-missing");
    expect((error as IndexError).message).toMatch(/npm run model:fetch/);
  });

  it("builds a lexical index and says why when no model is installed", async () => {
    const lines: string[] = [];
    await buildIndex({
      corpusPath,
      indexDir: join(dir, "lexical"),
      modelsDir: join(dir, "empty-models"),
      modelId: "Xenova/bge-small-zh-v1.5",
      log: (line) => lines.push(line),
    });
    expect(lines.join("\n")).toMatch(/dense: disabled: .*npm run model:fetch/s);
    const { manifest } = await readIndex(join(dir, "lexical"));
    expect(manifest.model).toBeNull();
    expect(manifest.denseReason).toMatch(/not found/);
  });
});
