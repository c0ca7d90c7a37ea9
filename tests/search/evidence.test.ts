import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { coverage, passageCoverage, type ContentTerm } from "../../src/search/evidence";

const term = (t: string, weight = 1, alternatives: string[] = []): ContentTerm => ({ term: t, weight, alternatives });

describe("coverage of a question by a sentence", () => {
  it("is the weighted share of the question's terms the text contains", () => {
    expect(coverage([term("公积金", 3), term("提取", 1)], "住房公积金缴存")).toBe(0.75);
  });

  it("counts a term present when one of its policy alternatives is", () => {
    expect(coverage([term("房本", 1, ["不动产权证书"])], "即可领取不动产权证书")).toBe(1);
  });

  it("is 0 for a question without content terms", () => {
    expect(coverage([], "任何文字")).toBe(0);
  });
});

describe("coverage of a question by a passage (refusal evidence)", () => {
  const listed = "将登记注册、公章刻制、发票申领及银行、社保、医保、公积金开户纳入全流程管理，全面实现一网通";

  it("gives half credit to a term the passage names only as an item of an enumeration", () => {
    expect(passageCoverage([term("公积金", 1), term("提取", 1)], listed)).toBe(0.25);
  });

  it("gives full credit when the term also stands in a clause of its own", () => {
    expect(passageCoverage([term("公积金", 1)], listed + "。支持缴存人提取住房公积金支付房租")).toBe(1);
  });

  it("does not treat a two-item pair (A、B) as an enumeration", () => {
    expect(passageCoverage([term("医保", 1)], "协调社保、医保部门落实")).toBe(1);
  });

  it("never exceeds sentence-style coverage and stays within 0..1", () => {
    const words = ["公积金", "医保", "托育", "补贴", "登记"];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...words, "、", "，", "。", "的"), { maxLength: 30 }),
        fc.uniqueArray(fc.constantFrom(...words), { minLength: 1 }),
        (pieces, asked) => {
          const text = pieces.join("");
          const terms = asked.map((t, i) => term(t, i + 1));
          const strict = passageCoverage(terms, text);
          expect(strict).toBeGreaterThanOrEqual(0);
          expect(strict).toBeLessThanOrEqual(coverage(terms, text) + 1e-12);
        },
      ),
    );
  });
});
