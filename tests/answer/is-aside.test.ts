import { describe, expect, it } from "vitest";
import { isAside } from "../../src/answer/sentences";

describe("isAside: sentences a general answer does not quote on their own", () => {
  it("recognises a unit annotation standing alone, nested brackets included", () => {
    expect(isAside("（市市场监管局牵头负责，各县（市、区）人民政府配合）")).toBe(true);
    expect(isAside("（市发改委牵头负责）。")).toBe(true);
  });

  it("keeps a sentence that merely starts or ends with brackets", () => {
    expect(isAside("（五）大型活动。闭幕式将于2023年8月18日在朔州市体育馆举办。")).toBe(false);
    expect(isAside("（一）市规划和自然资源局负责牵头组织协调（房证同交）")).toBe(false);
    expect(isAside("对用人单位给予补贴（按规定）。")).toBe(false);
  });
});
