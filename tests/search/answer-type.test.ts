import { describe, expect, it } from "vitest";
import { expectedAnswerType, suppliesAnswerType } from "../../src/search/answer-type";

describe("the kind of fact a question asks for", () => {
  it.each([
    ["残疾人护理补贴一个月多少钱", "amount"],
    ["公积金贷款 最高额度", "amount"],
    ["2023年 城乡居民医保 个人缴费标准", "amount"],
    ["最低工资标准 朔州", "amount"],
    ["小规模纳税人增值税起征点", "amount"],
    ["城乡医保能报销百分之多少？", "ratio"],
    ["小微企业贷款贴息比例多少", "ratio"],
    ["企业开办要几天", "duration"],
    ["省运会是几号到几号？", "date"],
    ["外地货车进城限行时间", "date"],
    ["省运会闭幕式 时间 地点", "date"],
    ["入户登记时间？", "date"],
  ] as const)("%s → %s", (question, type) => {
    expect(expectedAnswerType(question)).toBe(type);
  });

  it.each([
    "残疾人补贴怎么领",
    "市级专业镇 认定标准",
    "开发区迎宾大道二期涉及多少用地",
    "注册公司时间长吗",
    "多长时间能办完",
  ])("%s asks for no single kind of fact a rule can check (or a duration, not a date)", (question) => {
    expect(expectedAnswerType(question)).not.toBe("date");
    expect(expectedAnswerType(question)).not.toBe("amount");
  });
});

describe("whether a passage states the asked-for fact", () => {
  it("accepts money, multiples of a standard and fee waivers as amounts", () => {
    expect(suppliesAnswerType("amount", "每人每月补贴200元")).toBe(true);
    expect(suppliesAnswerType("amount", "原则不高于普惠民办幼儿园最高收费标准的1.5倍")).toBe(true);
    expect(suppliesAnswerType("amount", "按规定落实减免政策")).toBe(true);
    expect(suppliesAnswerType("amount", "加大对残疾人的帮扶力度")).toBe(false);
  });

  it("accepts calendar dates, year-level deadlines and times of day as dates", () => {
    expect(suppliesAnswerType("date", "将于2023年8月8日—18日举行")).toBe(true);
    expect(suppliesAnswerType("date", "2023年底前全面实现")).toBe(true);
    expect(suppliesAnswerType("date", "每日7:00—20:00禁止通行")).toBe(true);
    expect(suppliesAnswerType("date", "每日7时至20时禁止通行")).toBe(true);
    expect(suppliesAnswerType("date", "24小时服务")).toBe(false);
    expect(suppliesAnswerType("date", "加强交通管理")).toBe(false);
  });

  it("accepts percentages as ratios", () => {
    expect(suppliesAnswerType("ratio", "按1.5%的比例安排残疾人就业")).toBe(true);
    expect(suppliesAnswerType("ratio", "提高报销水平")).toBe(false);
  });

  it("lets any passage answer a question that asks for no particular kind of fact", () => {
    expect(suppliesAnswerType(null, "任何文字")).toBe(true);
  });
});
