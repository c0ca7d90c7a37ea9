/**
 * The real transformers.js pipeline (tokenizer + onnxruntime + pooling) over the
 * tiny fixture model in tests/fixtures/models (scripts/make-fixture-model.py).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Embedder } from "../../src/embed/embedder";
import { denseStatusOf } from "../../src/embed/embedder";
import { BGE_ZH_QUERY_INSTRUCTION } from "../../src/embed/known-models";
import { loadTransformersEmbedder } from "../../src/embed/transformers-embedder";
import { FIXTURE_MODEL_ID, FIXTURE_MODELS_DIR } from "./fixture";

const cosine = (a: Float32Array, b: Float32Array) => a.reduce((sum, x, i) => sum + x * b[i]!, 0);
const norm = (v: Float32Array) => Math.sqrt(cosine(v, v));

async function loadFixture(options: Parameters<typeof loadTransformersEmbedder>[0] = {}): Promise<Embedder> {
  const result = await loadTransformersEmbedder({ modelId: FIXTURE_MODEL_ID, modelsDir: FIXTURE_MODELS_DIR, ...options });
  if (!("embedder" in result)) throw new Error(`fixture did not load: ${result.unavailable}`);
  return result.embedder;
}

describe("loadTransformersEmbedder with the fixture model", () => {
  let embedder: Embedder;
  beforeAll(async () => {
    embedder = await loadFixture({ batchSize: 3 });
  });

  it("loads through the real pipeline with remote models disabled", async () => {
    const { env } = await import("@xenova/transformers");
    expect(env.allowRemoteModels).toBe(false);
    expect(embedder.modelId).toBe(FIXTURE_MODEL_ID);
  });

  it("reports the dimension the model's config declares", async () => {
    const config = JSON.parse(await readFile(join(FIXTURE_MODELS_DIR, FIXTURE_MODEL_ID, "config.json"), "utf8"));
    expect(embedder.dimension).toBe(config.hidden_size);
    expect(embedder.dimension).toBe(32);
  });

  it("returns unit-length vectors of that dimension, one per passage", async () => {
    const texts = ["市人社局负责就业服务", "森林防火", "2023年养老服务体系建设", "abc"];
    const vectors = await embedder.embedPassages(texts);
    expect(vectors).toHaveLength(4);
    for (const vector of vectors) {
      expect(vector).toHaveLength(32);
      expect(norm(vector)).toBeCloseTo(1, 5);
    }
    expect(norm(await embedder.embedQuery("就业"))).toBeCloseTo(1, 5);
  });

  it("gives the same vector for a text whether it is embedded alone or in a padded batch", async () => {
    const [alone] = await embedder.embedPassages(["就业"]);
    const [, inBatch] = await embedder.embedPassages(["推进全市养老服务体系建设工作", "就业"]);
    alone!.forEach((value, i) => expect(inBatch![i]).toBeCloseTo(value, 5));
  });

  it("scores texts that share characters higher than texts that do not", async () => {
    const [query, related, unrelated] = await embedder.embedPassages(["养老服务", "推进养老服务体系建设", "森林防火工作"]);
    expect(cosine(query!, related!)).toBeGreaterThan(cosine(query!, unrelated!) + 0.2);
  });

  it("embeds a query like a passage for a model without an instruction", async () => {
    const query = await embedder.embedQuery("养老服务");
    const [passage] = await embedder.embedPassages(["养老服务"]);
    query.forEach((value, i) => expect(passage![i]).toBeCloseTo(value, 6));
  });

  it("applies a bge-style query instruction to queries only", async () => {
    const bgeLike = await loadFixture({ pooling: "cls", queryInstruction: BGE_ZH_QUERY_INSTRUCTION });
    const query = await bgeLike.embedQuery("养老服务");
    const [plain, instructed] = await bgeLike.embedPassages(["养老服务", `${BGE_ZH_QUERY_INSTRUCTION}养老服务`]);
    expect(cosine(query, plain!)).toBeLessThan(0.99);
    expect(cosine(query, instructed!)).toBeCloseTo(1, 5);
  });
});

describe("loadTransformersEmbedder without the model files", () => {
  const emptyDir = mkdtempSync(join(tmpdir(), "no-models-"));
  afterAll(() => rmSync(emptyDir, { recursive: true, force: true }));

  it("resolves to unavailable with a reason naming the folder and the fetch command", async () => {
    const result = await loadTransformersEmbedder({ modelsDir: emptyDir });
    expect("unavailable" in result).toBe(true);
    const reason = (result as { unavailable: string }).unavailable;
    expect(reason).toContain(join(emptyDir, "Xenova", "bge-small-zh-v1.5"));
    expect(reason).toContain("npm run model:fetch");
    expect(reason).toMatch(/missing config\.json, tokenizer\.json, tokenizer_config\.json, onnx\/model_quantized\.onnx or onnx\/model\.onnx/);
    expect(denseStatusOf(result)).toEqual({ enabled: false, model: null, reason });
  });

  it("names the --model flag for a model other than the default", async () => {
    const result = await loadTransformersEmbedder({ modelsDir: emptyDir, modelId: "Xenova/multilingual-e5-small" });
    expect((result as { unavailable: string }).unavailable).toContain("npm run model:fetch -- --model Xenova/multilingual-e5-small");
  });

  it("resolves to unavailable, not a crash, when the ONNX file is corrupt", async () => {
    const { cpSync, writeFileSync } = await import("node:fs");
    const brokenDir = join(emptyDir, "broken");
    cpSync(join(FIXTURE_MODELS_DIR, FIXTURE_MODEL_ID), join(brokenDir, FIXTURE_MODEL_ID), { recursive: true });
    writeFileSync(join(brokenDir, FIXTURE_MODEL_ID, "onnx", "model.onnx"), "not an onnx graph");
    // transformers.js logs the onnxruntime failure itself before rethrowing; keep the test output clean.
    const quiet = [vi.spyOn(console, "error").mockImplementation(() => {}), vi.spyOn(console, "warn").mockImplementation(() => {})];
    const result = await loadTransformersEmbedder({ modelsDir: brokenDir, modelId: FIXTURE_MODEL_ID });
    quiet.forEach((spy) => spy.mockRestore());
    expect((result as { unavailable: string }).unavailable).toMatch(/fixture\/tiny-zh-char .* failed to load \(.+\)\. .*download it again/);
  });
});
