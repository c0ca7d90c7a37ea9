import { describe, expect, it } from "vitest";
import { BGE_ZH_QUERY_INSTRUCTION, knownDimension, profileForModel } from "../../src/embed/known-models";
import { createTransformersEmbedder, type FeatureExtractor } from "../../src/embed/transformers-embedder";

/** A stand-in for the transformers.js pipeline that records what it was asked to embed. */
function fakeExtractor(dimension = 4) {
  const calls: { texts: string[]; pooling: string; normalize: boolean }[] = [];
  const extract: FeatureExtractor = async (texts, options) => {
    calls.push({ texts, ...options });
    const data = new Float32Array(texts.length * dimension);
    texts.forEach((text, row) => {
      // Distinct per text, already unit length like the real pipeline with normalize: true.
      const raw = Array.from({ length: dimension }, (_, j) => text.length + j + 1);
      const norm = Math.hypot(...raw);
      raw.forEach((value, j) => (data[row * dimension + j] = value / norm));
    });
    return { dims: [texts.length, dimension], data };
  };
  return { extract, calls };
}

const bgeSettings = {
  modelId: "Xenova/bge-small-zh-v1.5",
  dimension: 4,
  batchSize: 2,
  ...profileForModel("Xenova/bge-small-zh-v1.5"),
};

describe("createTransformersEmbedder", () => {
  it("puts the bge instruction in front of queries, and not in front of passages", async () => {
    const { extract, calls } = fakeExtractor();
    const embedder = createTransformersEmbedder(extract, bgeSettings);
    await embedder.embedQuery("养老服务补贴");
    await embedder.embedPassages(["养老服务补贴"]);
    expect(calls.map((call) => call.texts)).toEqual([[`${BGE_ZH_QUERY_INSTRUCTION}养老服务补贴`], ["养老服务补贴"]]);
  });

  it("asks the pipeline for the model's own pooling and for L2-normalised vectors", async () => {
    const { extract, calls } = fakeExtractor();
    await createTransformersEmbedder(extract, bgeSettings).embedQuery("问");
    await createTransformersEmbedder(extract, { ...bgeSettings, ...profileForModel("some/other-model") }).embedQuery("问");
    expect(calls.map(({ pooling, normalize }) => ({ pooling, normalize }))).toEqual([
      { pooling: "cls", normalize: true },
      { pooling: "mean", normalize: true },
    ]);
  });

  it("embeds passages in batches, keeps input order and reports progress after each batch", async () => {
    const { extract, calls } = fakeExtractor();
    const embedder = createTransformersEmbedder(extract, bgeSettings);
    const progress: [number, number][] = [];
    const texts = ["一", "二二", "三三三", "四四四四", "五五五五五"];
    const vectors = await embedder.embedPassages(texts, (done, total) => progress.push([done, total]));
    expect(calls.map((call) => call.texts.length)).toEqual([2, 2, 1]);
    expect(progress).toEqual([[2, 5], [4, 5], [5, 5]]);
    expect(vectors).toHaveLength(5);
    // The fake encodes text length in the first component: order must survive batching.
    const firstComponents = vectors.map((vector) => vector[0]!);
    expect([...firstComponents].sort((a, b) => a - b)).toEqual(firstComponents);
    vectors.forEach((vector) => expect(vector).toBeInstanceOf(Float32Array));
  });

  it("returns an empty list for no passages without calling the model", async () => {
    const { extract, calls } = fakeExtractor();
    expect(await createTransformersEmbedder(extract, bgeSettings).embedPassages([])).toEqual([]);
    expect(calls).toEqual([]);
  });

  it("refuses empty texts before calling the model, naming the position", async () => {
    const { extract, calls } = fakeExtractor();
    const embedder = createTransformersEmbedder(extract, bgeSettings); // batches of 2
    await expect(embedder.embedPassages(["有", "内", "容", "  "])).rejects.toThrow(/text 3 is empty/);
    expect(calls).toEqual([]);
    await expect(embedder.embedQuery("")).rejects.toThrow(/text 0 is empty/); // even with the instruction in front
  });

  it("fails loudly when the model returns vectors of another dimension", async () => {
    const { extract } = fakeExtractor(3);
    const embedder = createTransformersEmbedder(extract, bgeSettings);
    await expect(embedder.embedQuery("问")).rejects.toThrow(/returned shape \[1, 3\], expected \[1, 4\]/);
  });

  it("fails loudly on non-finite output", async () => {
    const nan: FeatureExtractor = async (texts) => ({ dims: [texts.length, 4], data: new Float32Array(texts.length * 4).fill(Number.NaN) });
    await expect(createTransformersEmbedder(nan, bgeSettings).embedQuery("问")).rejects.toThrow(/non-finite vector/);
  });

  it("rejects a batch size that is not a positive integer", () => {
    expect(() => createTransformersEmbedder(fakeExtractor().extract, { ...bgeSettings, batchSize: 0 })).toThrow(/batchSize/);
  });
});

describe("known models", () => {
  it("calls bge Chinese models with CLS pooling and the Chinese query instruction", () => {
    expect(profileForModel("Xenova/bge-small-zh-v1.5")).toEqual({ pooling: "cls", queryInstruction: BGE_ZH_QUERY_INSTRUCTION, passagePrefix: "" });
    expect(profileForModel("BAAI/bge-large-zh-v1.5").pooling).toBe("cls");
  });

  it("prefixes both queries and passages for e5 models", () => {
    expect(profileForModel("Xenova/multilingual-e5-small")).toEqual({ pooling: "mean", queryInstruction: "query: ", passagePrefix: "passage: " });
  });

  it("uses mean pooling without prefixes for unknown models", () => {
    expect(profileForModel("fixture/tiny-zh-char")).toEqual({ pooling: "mean", queryInstruction: "", passagePrefix: "" });
  });

  it("knows the published dimension of the default model", () => {
    expect(knownDimension("Xenova/bge-small-zh-v1.5")).toBe(512);
    expect(knownDimension("fixture/tiny-zh-char")).toBeNull();
  });
});
