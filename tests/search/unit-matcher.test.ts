import { describe, expect, it } from "vitest";
import { UnitMatcher } from "../../src/search/unit-matcher";

const matcher = new UnitMatcher([
  { name: "市市场监督管理局", canonical: "市市场监督管理局" },
  { name: "市市场监管局", canonical: "市市场监督管理局" },
  { name: "市人社局", canonical: "市人力资源和社会保障局" },
  { name: "市残联", canonical: "市残联" },
  { name: "市政府金融办", canonical: "市政府金融工作办公室" },
]);

describe("unit names in questions", () => {
  it("prefers the longest name, so 市市场监管局 is not read as 市场监管局", () => {
    expect(matcher.find("市市场监管局负责什么")).toEqual([{ text: "市市场监管局", canonical: "市市场监督管理局" }]);
  });

  it("finds a unit written without the 市 prefix, as callers say it", () => {
    expect(matcher.find("人社局管不管")[0]?.canonical).toBe("市人力资源和社会保障局");
    expect(matcher.find("残联在哪")[0]?.canonical).toBe("市残联");
  });

  it("finds a unit written with the 朔州市 prefix", () => {
    expect(matcher.find("朔州市人社局")[0]?.canonical).toBe("市人力资源和社会保障局");
  });

  it("finds several units in one question", () => {
    expect(matcher.find("市人社局和市残联谁牵头").map((m) => m.canonical)).toEqual(["市人力资源和社会保障局", "市残联"]);
  });

  it("finds nothing in a question that names no unit", () => {
    expect(matcher.find("老人能享受什么服务")).toEqual([]);
  });
});
