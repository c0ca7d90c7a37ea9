import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ExactIndex } from "../../src/vector/exact-index";
import { runVectorIndexContract } from "./vector-index-contract";

runVectorIndexContract("ExactIndex", (dimension) => new ExactIndex(dimension));

describe("ExactIndex", () => {
  it("breaks score ties by ascending id, so results are reproducible", () => {
    const index = new ExactIndex(2);
    index.add(9, Float32Array.from([1, 0]));
    index.add(3, Float32Array.from([2, 0]));
    index.add(6, Float32Array.from([0.5, 0]));
    expect(index.search(Float32Array.from([1, 0]), 3).map((hit) => hit.id)).toEqual([3, 6, 9]);
  });

  it("agrees with a plain cosine computation on random data", () => {
    const vector = fc.float32Array({ minLength: 4, maxLength: 4, noNaN: true, noDefaultInfinity: true, min: -10, max: 10 })
      .filter((values) => values.some((value) => Math.abs(value) > 1e-3));
    fc.assert(
      fc.property(fc.array(vector, { minLength: 1, maxLength: 30 }), vector, (stored, query) => {
        const index = new ExactIndex(4);
        stored.forEach((values, id) => index.add(id, values));
        const cosine = (a: Float32Array, b: Float32Array) =>
          a.reduce((sum, x, i) => sum + x * b[i]!, 0) / Math.hypot(...a) / Math.hypot(...b);
        const best = Math.max(...stored.map((values) => cosine(values, query)));
        const [top] = index.search(query, 1);
        expect(top!.score).toBeCloseTo(best, 4);
      }),
      { numRuns: 100 },
    );
  });

  it("refuses a dimension that is not a positive integer", () => {
    expect(() => new ExactIndex(0)).toThrow(/dimension must be a positive integer, got 0/);
  });
});
