/**
 * Behaviour every VectorIndex must have, run against each implementation
 * (exact-index.test.ts, hnsw-index.test.ts).
 */
import { describe, expect, it } from "vitest";
import type { VectorIndex } from "../../src/vector/vector-index";

const v = (...values: number[]) => Float32Array.from(values);

export function runVectorIndexContract(name: string, create: (dimension: number) => VectorIndex): void {
  describe(`${name} (VectorIndex contract)`, () => {
    it("ranks a small set by cosine similarity, best first", () => {
      const index = create(3);
      index.add(10, v(1, 0, 0)); // the query direction itself
      index.add(11, v(2, 2, 0)); // 45° away; its length must not matter
      index.add(12, v(0, 1, 0)); // orthogonal
      index.add(13, v(-1, 0, 0)); // opposite
      index.add(14, v(3, 0.3, 0)); // ~6° away
      const hits = index.search(v(5, 0, 0), 5);
      expect(hits.map((hit) => hit.id)).toEqual([10, 14, 11, 12, 13]);
      expect(hits[0]!.score).toBeCloseTo(1, 5);
      expect(hits[2]!.score).toBeCloseTo(Math.SQRT1_2, 5);
      expect(hits[3]!.score).toBeCloseTo(0, 5);
      expect(hits[4]!.score).toBeCloseTo(-1, 5);
    });

    it("returns at most k hits and nothing from an empty index", () => {
      const index = create(2);
      expect(index.search(v(1, 0), 3)).toEqual([]);
      index.add(0, v(1, 0));
      index.add(1, v(0, 1));
      expect(index.search(v(1, 0.1), 1).map((hit) => hit.id)).toEqual([0]);
      expect(index.search(v(1, 0.1), 10)).toHaveLength(2);
      expect(index.search(v(1, 0.1), 0)).toEqual([]);
    });

    it("counts what was added", () => {
      const index = create(2);
      expect(index.size).toBe(0);
      index.add(5, v(1, 0));
      index.add(7, v(0, 1));
      expect(index.size).toBe(2);
      expect(index.dimension).toBe(2);
    });

    it("rejects vectors of the wrong dimension, zero or non-finite vectors, bad and duplicate ids", () => {
      const index = create(2);
      index.add(1, v(1, 0));
      expect(() => index.add(2, v(1, 0, 0))).toThrow(/dimension 3, index has 2/);
      expect(() => index.search(v(1), 1)).toThrow(/dimension 1, index has 2/);
      expect(() => index.add(2, v(0, 0))).toThrow(/zero vector/);
      expect(() => index.add(2, v(Number.NaN, 1))).toThrow(/NaN/);
      expect(() => index.add(-1, v(1, 1))).toThrow(/non-negative integer, got -1/);
      expect(() => index.add(1.5, v(1, 1))).toThrow(/non-negative integer, got 1.5/);
      expect(() => index.add(1, v(0, 1))).toThrow(/duplicate id 1/);
      expect(() => index.search(v(1, 0), -1)).toThrow(/k must be/);
      expect(index.size).toBe(1);
    });
  });
}
