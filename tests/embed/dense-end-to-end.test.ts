/**
 * Texts → transformers.js (fixture model) → vectors → HNSW → ranked ids,
 * checked against exact search, and surviving a save/load of the index.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Embedder } from "../../src/embed/embedder";
import { createDenseSearcher, indexPassages } from "../../src/embed/dense-search";
import { loadTransformersEmbedder } from "../../src/embed/transformers-embedder";
import { ExactIndex } from "../../src/vector/exact-index";
import { HnswIndex } from "../../src/vector/hnsw-index";
import { FIXTURE_MODEL_ID, FIXTURE_MODELS_DIR } from "./fixture";

const passages = [
  "加快推进全市森林防火基础设施建设", // 0
  "市人社局负责落实就业创业补贴政策", // 1
  "完善城乡养老服务体系，发展居家社区养老", // 2
  "加强道路交通安全管理", // 3
  "推进残疾人康复服务和就业帮扶", // 4
  "规划和自然资源局负责国土空间规划编制", // 5
];

describe("dense retrieval end to end with the fixture model", () => {
  let embedder: Embedder;
  let vectors: Float32Array[];
  const folder = mkdtempSync(join(tmpdir(), "dense-e2e-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  beforeAll(async () => {
    const result = await loadTransformersEmbedder({ modelId: FIXTURE_MODEL_ID, modelsDir: FIXTURE_MODELS_DIR, batchSize: 4 });
    if (!("embedder" in result)) throw new Error(result.unavailable);
    embedder = result.embedder;
    vectors = await embedder.embedPassages(passages);
  });

  const cases: [string, number][] = [
    ["养老服务", 2], // 养老 appears twice in passage 2, 服务 too
    ["森林防火", 0],
    ["就业创业补贴", 1], // passage 4 also has 就业, but not 创业补贴
    ["国土空间规划", 5],
  ];

  it.each(cases)("ranks the passage sharing the characters of %s first", async (query, expected) => {
    const index = HnswIndex.create(embedder.dimension);
    vectors.forEach((vector, id) => index.add(id, vector));
    const hits = index.search(await embedder.embedQuery(query), 3);
    expect(hits[0]!.id).toBe(expected);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
  });

  it("HNSW and exact search give the same ranking, also after the index is saved and loaded", async () => {
    const hnsw = HnswIndex.create(embedder.dimension);
    const exact = new ExactIndex(embedder.dimension);
    vectors.forEach((vector, id) => {
      hnsw.add(id, vector);
      exact.add(id, vector);
    });
    const path = join(folder, "dense.hnsw");
    hnsw.save(path);
    const loaded = HnswIndex.load(path, embedder.dimension);
    for (const [query] of cases) {
      const queryVector = await embedder.embedQuery(query);
      const expected = exact.search(queryVector, passages.length).map((hit) => hit.id);
      expect(hnsw.search(queryVector, passages.length).map((hit) => hit.id)).toEqual(expected);
      expect(loaded.search(queryVector, passages.length).map((hit) => hit.id)).toEqual(expected);
    }
  });

  it("answers questions through the glue: chunk indexes and cosine scores, best first", async () => {
    const index = HnswIndex.create(embedder.dimension);
    const progress: number[] = [];
    await indexPassages(embedder, index, passages, (done) => progress.push(done));
    expect(progress).toEqual([4, 6]);
    const dense = createDenseSearcher(embedder, HnswIndex.fromBytes(index.toBytes(), embedder.dimension));
    expect(dense.modelId).toBe(FIXTURE_MODEL_ID);
    const hits = await dense.search("森林防火", 2);
    expect(hits.map((hit) => hit.chunkIndex)).toEqual([0, expect.any(Number)]);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
  });

  it("refuses to pair an embedder with an index of another dimension", () => {
    expect(() => createDenseSearcher(embedder, new ExactIndex(512))).toThrow(
      /fixture\/tiny-zh-char embeds to dimension 32, the vector index has 512/,
    );
  });
});
