import { describe, expect, it } from "vitest";
import { benefitAnswer, MAX_ANSWER_CLAUSES, questionAudiences } from "../../src/benefits/answer";
import { seedClauses } from "./corpus";

const clauses = seedClauses();
const byId = new Map(clauses.map((c) => [c.id, c]));

describe("entitlement answers (benefitAnswer)", () => {
  it("lists the matching clauses one by one: verbatim sentence, document number and units", () => {
    const answer = benefitAnswer("招残疾人的企业有什么补贴？", clauses)!;
    expect(answer.lines.length).toBeGreaterThan(1);
    expect(answer.lines.length).toBeLessThanOrEqual(MAX_ANSWER_CLAUSES);
    expect(answer.clauseIds).toHaveLength(answer.lines.length);
    answer.clauseIds.forEach((id, i) => {
      const clause = byId.get(id)!;
      expect(answer.lines[i]).toContain(clause.source.sentence);
      expect(answer.lines[i]).toContain(clause.source.docNumber);
      expect(clause.audiences.some((a) => a === "employer" || a === "enterprise")).toBe(true);
    });
    expect(answer.lines.join("\n")).toContain("按规定给予一次性吸纳就业等各类补助、补贴");
  });

  it("names the responsible units, or says plainly that the text names none", () => {
    const answer = benefitAnswer("残疾人就业有什么补贴", clauses)!;
    expect(answer.lines.some((l) => l.includes("责任单位：市人社局（牵头）"))).toBe(true);
    expect(answer.lines.some((l) => l.includes("文中未写明责任单位"))).toBe(true);
  });

  it("answers a colloquial question with the clause that grants it", () => {
    const bus = benefitAnswer("拿着残疾证坐公交要钱吗", clauses)!;
    expect(bus.lines[0]).toContain("免费乘坐市内公共汽车电车");
    const tax = benefitAnswer("开托育机构能免哪些税", clauses)!;
    expect(tax.lines.slice(0, 2).join("")).toContain("免征增值税");
  });

  it("keeps 专业镇 questions to 专业镇 clauses", () => {
    const answer = benefitAnswer("专业镇企业能享受哪些支持？", clauses)!;
    for (const id of answer.clauseIds) expect(byId.get(id)!.requires.some((r) => r.flag === "inProfessionalTown")).toBe(true);
  });

  it("returns null for questions that are not about entitlements or name nobody", () => {
    expect(benefitAnswer("朔政办发〔2023〕16号", clauses)).toBeNull();
    expect(benefitAnswer("链长制由谁负责", clauses)).toBeNull();
    expect(benefitAnswer("有什么补贴", clauses)).toBeNull();
    expect(benefitAnswer("残疾人就业有什么补贴", [])).toBeNull();
  });

  it("reads who asks: an employer of disabled people is not a disabled person, a 托育 operator not a family", () => {
    expect(questionAudiences("我们公司招了几个残疾人")).toEqual(["employer", "enterprise"]);
    expect(questionAudiences("开托育机构能免哪些税")).toEqual(["childcare-provider"]);
    expect(questionAudiences("家里有两岁的孩子")).toEqual(["family-with-infant"]);
  });
});
