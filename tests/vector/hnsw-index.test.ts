import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ExactIndex } from "../../src/vector/exact-index";
import { HnswIndex } from "../../src/vector/hnsw-index";
import { runVectorIndexContract } from "./vector-index-contract";

runVectorIndexContract("HnswIndex", (dimension) => HnswIndex.create(dimension, { capacity: 2 }));

const folder = mkdtempSync(join(tmpdir(), "hnsw-test-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function randomVectors(count: number, dimension: number, seed: number): Float32Array[] {
  let state = seed;
  const next = () => {
    state = (state * 16807) % 2147483647;
    return state / 2147483647 - 0.5;
  };
  return Array.from({ length: count }, () => Float32Array.from({ length: dimension }, next));
}

function builtIndex(vectors: Float32Array[]): HnswIndex {
  const index = HnswIndex.create(vectors[0]!.length, { capacity: 8 });
  vectors.forEach((vector, i) => index.add(i * 2 + 1, vector)); // ids need not be positions
  return index;
}

describe("HnswIndex", () => {
  const vectors = randomVectors(300, 24, 7);
  const queries = randomVectors(20, 24, 99);

  it("finds the same top 10 as exact search on a small set (it grows past its initial capacity)", () => {
    const hnsw = builtIndex(vectors);
    const exact = new ExactIndex(24);
    vectors.forEach((vector, i) => exact.add(i * 2 + 1, vector));
    expect(hnsw.size).toBe(300);
    for (const query of queries) {
      const expected = exact.search(query, 10);
      const got = hnsw.search(query, 10);
      expect(got.map((hit) => hit.id)).toEqual(expected.map((hit) => hit.id));
      got.forEach((hit, i) => expect(hit.score).toBeCloseTo(expected[i]!.score, 5));
    }
  });

  it("gives identical search results after save and load", () => {
    const original = builtIndex(vectors);
    const path = join(folder, "round-trip.hnsw");
    original.save(path);
    const loaded = HnswIndex.load(path, 24);
    expect(loaded.size).toBe(original.size);
    for (const query of queries) expect(loaded.search(query, 10)).toEqual(original.search(query, 10));
  });

  it("round-trips through bytes as well as through a file", () => {
    const original = builtIndex(vectors);
    const bytes = original.toBytes();
    const path = join(folder, "same-as-bytes.hnsw");
    original.save(path);
    expect(Buffer.from(bytes).equals(readFileSync(path))).toBe(true);
    const restored = HnswIndex.fromBytes(bytes, 24);
    for (const query of queries) expect(restored.search(query, 10)).toEqual(original.search(query, 10));
    expect(() => HnswIndex.fromBytes(bytes.subarray(0, 500), 24)).toThrow(/the given bytes is not a usable index/);
  });

  it("keeps accepting vectors after load, and still rejects ids it already holds", () => {
    const path = join(folder, "grow.hnsw");
    builtIndex(vectors.slice(0, 10)).save(path);
    const loaded = HnswIndex.load(path, 24);
    expect(() => loaded.add(1, vectors[0]!)).toThrow(/duplicate id 1/);
    for (let i = 0; i < 40; i++) loaded.add(1000 + i, vectors[100 + i]!);
    expect(loaded.size).toBe(50);
    expect(loaded.search(vectors[120]!, 1)[0]!.id).toBe(1020);
  });

  describe("refuses a damaged file with a clear error instead of crashing", () => {
    const path = join(folder, "good.hnsw");
    builtIndex(vectors).save(path);
    const good = readFileSync(path);
    const damaged = (name: string, bytes: Uint8Array) => {
      const target = join(folder, name);
      writeFileSync(target, bytes);
      return target;
    };

    it("a missing file", () => {
      expect(() => HnswIndex.load(join(folder, "absent.hnsw"), 24)).toThrow(/cannot read .*absent\.hnsw/);
    });

    it("an empty or truncated file", () => {
      expect(() => HnswIndex.load(damaged("empty.hnsw", new Uint8Array()), 24)).toThrow(/shorter than the 96-byte header/);
      for (const keep of [0.3, 0.9, 0.999]) {
        const cut = damaged(`cut-${keep}.hnsw`, good.subarray(0, Math.floor(good.length * keep)));
        expect(() => HnswIndex.load(cut, 24)).toThrow(/not a usable index: .*truncated/);
      }
    });

    it("a file built for another dimension", () => {
      expect(() => HnswIndex.load(path, 32)).toThrow(/built for dimension 24, expected 32/);
    });

    it("a file that is not an index at all", () => {
      const text = damaged("text.hnsw", new TextEncoder().encode("这不是索引文件".repeat(40)));
      expect(() => HnswIndex.load(text, 24)).toThrow(/not an hnswlib index/);
    });

    it("a neighbour list pointing outside the index", () => {
      const bytes = Uint8Array.from(good);
      // First level-0 neighbour of vector 5: header 96 + 5 records, after the 4-byte count.
      const recordBytes = Number(new DataView(bytes.buffer).getBigUint64(24, true));
      new DataView(bytes.buffer).setUint32(96 + 5 * recordBytes + 4, 999_999, true);
      expect(() => HnswIndex.load(damaged("links.hnsw", bytes), 24)).toThrow(/vector 5 has corrupt level-0 neighbour list/);
    });

    it("trailing garbage", () => {
      const longer = damaged("longer.hnsw", Buffer.concat([good, Buffer.from([1, 2, 3, 4])]));
      expect(() => HnswIndex.load(longer, 24)).toThrow(/not a usable index/);
    });
  });

  it("validates its options", () => {
    expect(() => HnswIndex.create(8, { m: 1 })).toThrow(/m must be an integer ≥ 2, got 1/);
    expect(() => HnswIndex.create(8, { efSearch: 0 })).toThrow(/efSearch must be a positive integer, got 0/);
  });
});
