import { describe, expect, it } from "vitest";
import { QueryExpander } from "../../src/search/expansion";

const expander = new QueryExpander([
  { colloquial: "老人", terms: ["老年人", "养老"] },
  { colloquial: "养老院", terms: ["养老机构"] },
  { colloquial: "补助", terms: ["补贴"] },
]);

describe("colloquial → policy-term expansion", () => {
  it("adds the policy terms for a colloquial word", () => {
    expect(expander.expand("老人补助怎么领")).toEqual([
      { colloquial: "老人", terms: ["老年人", "养老"] },
      { colloquial: "补助", terms: ["补贴"] },
    ]);
  });

  it("matches the longer key first and does not reuse its characters", () => {
    expect(expander.expand("养老院收费").map((e) => e.colloquial)).toEqual(["养老院"]);
  });

  it("does not add a term the user already wrote", () => {
    expect(expander.expand("老人和老年人")).toEqual([{ colloquial: "老人", terms: ["养老"] }]);
  });

  it("leaves a question in policy language alone", () => {
    expect(expander.expand("残疾人就业补贴")).toEqual([]);
  });
});

describe("separable colloquial words (离合词)", () => {
  const separable = new QueryExpander([
    { colloquial: "免…税", terms: ["免征"] },
    { colloquial: "免税", terms: ["免征", "税收优惠"] },
  ]);

  it("matches the parts a few characters apart, reporting the words as written", () => {
    expect(separable.expand("开托育机构能免哪些税")).toEqual([{ colloquial: "免哪些税", terms: ["免征"] }]);
  });

  it("prefers the whole word when the user wrote it whole", () => {
    expect(separable.expand("养老机构免税吗").map((e) => e.colloquial)).toEqual(["免税"]);
  });

  it("does not reach across a clause or too far", () => {
    expect(separable.expand("免了，交税")).toEqual([]);
    expect(separable.expand("免除所有的那些税")).toEqual([]);
  });
});
