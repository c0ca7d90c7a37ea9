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
