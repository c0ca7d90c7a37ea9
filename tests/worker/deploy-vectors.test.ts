/**
 * scripts/deploy-vectors.ts against a fake Cloudflare API on 127.0.0.1: what it
 * sends, how it survives a 429, what it refuses, and that the Worker's dense
 * search finds the vectors it uploaded.
 */
import * as jiebaWasmNode from "jieba-wasm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { deployVectors, type DeployVectorsOptions } from "../../scripts/deploy-vectors";
import { passageForEmbedding } from "../../src/embed/passage-text";
import { workerDense } from "../../src/worker/dense-setup";
import { loadBundledEngine } from "../../src/worker/index-bundle";
import { createJiebaWasmSegmenter } from "../../src/worker/jieba-wasm-segmenter";
import { vectorNamespace } from "../../src/worker/vectorize-dense";
import { bundleFixture, type BundleFixture } from "./bundle-fixture";
import { fakeAi, startFakeCloudflareApi, type FakeCloudflareApi } from "./fakes";

let fixture: BundleFixture;
let api: FakeCloudflareApi | null = null;

beforeAll(async () => {
  fixture = await bundleFixture();
}, 120_000);

afterEach(async () => {
  await api?.close();
  api = null;
});

const sleeps: number[] = [];
const options = (apiBase: string, overrides: Partial<DeployVectorsOptions> = {}): DeployVectorsOptions => ({
  manifest: fixture.manifest,
  chunks: fixture.chunks,
  accountId: "test-account",
  apiToken: "test-token",
  indexName: "policy-qa-chunks",
  batchSize: 100,
  apiBase,
  sleep: async (ms) => void sleeps.push(ms),
  ...overrides,
});

describe("npm run deploy:vectors", () => {
  it("embeds every passage with bge-m3 and upserts one vector per chunk id into this build's namespace", async () => {
    api = await startFakeCloudflareApi({ accountId: "test-account", indexName: "policy-qa-chunks" });
    const result = await deployVectors(options(api.apiBase));

    const namespace = vectorNamespace(fixture.manifest);
    expect(result).toMatchObject({ namespace, vectors: fixture.chunks.length });
    expect(result.mutationIds).toHaveLength(Math.ceil(fixture.chunks.length / 100));
    expect([...api.vectorize.vectors.keys()].sort()).toEqual(fixture.chunks.map((c) => c.id).sort());
    expect([...api.vectorize.vectors.values()].every((v) => v.namespace === namespace && v.values.length === 1024)).toBe(true);
    // The passage text is the one the Node build embeds, so both runtimes' vectors mean the same thing.
    expect(api.embeddedTexts).toEqual(fixture.chunks.map(passageForEmbedding));
    expect(api.requests.every((r) => r.auth === "Bearer test-token")).toBe(true);
    expect(api.requests.filter((r) => r.path.endsWith("/ai/run/@cf/baai/bge-m3"))).toHaveLength(Math.ceil(fixture.chunks.length / 100) + 1);
    expect(sleeps).toContain(1000); // the 429's Retry-After
  });

  it("refuses a Vectorize index whose dimensions do not fit the model, saying how to create the right one", async () => {
    api = await startFakeCloudflareApi({ accountId: "test-account", indexName: "policy-qa-chunks", dimensions: 768 });
    await expect(deployVectors(options(api.apiBase))).rejects.toThrow(/768 dimensions.*wrangler vectorize create policy-qa-chunks --dimensions=1024 --metric=cosine/);
    expect(api.vectorize.vectors.size).toBe(0);
  });

  it("reports the API's own error for a bad token, without the account id", async () => {
    api = await startFakeCloudflareApi({ accountId: "test-account", indexName: "policy-qa-chunks" });
    const error = await deployVectors(options(api.apiBase, { apiToken: "wrong" })).then(
      () => null,
      (e: unknown) => (e instanceof Error ? e.message : String(e)),
    );
    expect(error).toMatch(/403: 10000 Authentication error/);
    expect(error).not.toContain("test-account");
  });

  it("uploads what the Worker's dense search then finds", async () => {
    api = await startFakeCloudflareApi({ accountId: "test-account", indexName: "policy-qa-chunks" });
    await deployVectors(options(api.apiBase));
    const env = { AI: fakeAi(), VECTORIZE: api.vectorize };
    const engine = await loadBundledEngine(fixture.bundle(), {
      segmenter: (userWords) => createJiebaWasmSegmenter(jiebaWasmNode, userWords),
      dense: (data) => workerDense(env, data),
    });
    const target = fixture.chunks.find((c) => c.text.includes("链长制"))!;
    const result = await engine.retriever.search(passageForEmbedding(target), { k: 5, denseOnly: true });
    expect(result.mode).toBe("hybrid");
    expect(result.hits[0]!.chunk.id).toBe(target.id);
  });
});
