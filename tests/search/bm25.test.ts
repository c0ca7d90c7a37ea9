import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { accumulateBm25, buildFieldIndex, deserializeFieldIndex, serializeFieldIndex } from "../../src/search/bm25";

const params = { k1: 1.2, b: 0.75 };
const score = (docs: string[][], query: string[]) => {
  const index = buildFieldIndex(docs);
  const scores = new Float64Array(docs.length);
  accumulateBm25(index, query.map((term) => ({ term, weight: 1 })), params, scores);
  return [...scores];
};

describe("BM25 ranking set", () => {
  const docs = [
    ["残疾人", "就业", "补贴"], // 0: both rare terms
    ["残疾人", "教育"], // 1: one rare term
    ["养老", "服务", "养老"], // 2: no query term
    ["就业", "就业", "就业", "培训", "服务", "服务", "服务", "服务"], // 3: 就业 often, but long
  ];

  it("ranks the passage with every query term first, and scores a passage without any at zero", () => {
    const s = score(docs, ["残疾人", "补贴"]);
    expect(s[0]).toBeGreaterThan(s[1]!);
    expect(s[2]).toBe(0);
  });

  it("gives a rarer term more weight than a common one", () => {
    const s = score(docs, ["补贴", "服务"]);
    expect(s[0]).toBeGreaterThan(s[2]!);
  });

  it("counts a repeated query term once", () => {
    expect(score(docs, ["就业", "就业"])).toEqual(score(docs, ["就业"]));
  });

  it("scales a field's contribution by its weight", () => {
    const index = buildFieldIndex(docs);
    const once = new Float64Array(docs.length);
    const twice = new Float64Array(docs.length);
    accumulateBm25(index, [{ term: "就业", weight: 1 }], params, once);
    accumulateBm25(index, [{ term: "就业", weight: 1 }], params, twice, 2);
    expect(twice[0]).toBeCloseTo(2 * once[0]!);
  });
});

describe("field index serialisation", () => {
  it("round-trips any index to identical scores", () => {
    const term = fc.constantFrom("a", "b", "c", "d", "e");
    fc.assert(
      fc.property(fc.array(fc.array(term, { maxLength: 12 }), { minLength: 1, maxLength: 20 }), fc.array(term, { minLength: 1, maxLength: 4 }), (docs, query) => {
        const index = buildFieldIndex(docs);
        const restored = deserializeFieldIndex(JSON.parse(JSON.stringify(serializeFieldIndex(index))));
        const a = new Float64Array(docs.length);
        const b = new Float64Array(docs.length);
        const q = query.map((t) => ({ term: t, weight: 1 }));
        accumulateBm25(index, q, params, a);
        accumulateBm25(restored, q, params, b);
        expect([...b]).toEqual([...a]);
      }),
    );
  });
});
