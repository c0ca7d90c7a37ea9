import { describe, expect, it } from "vitest";
import { findEligible, matchClause } from "../../src/benefits/eligibility";
import { seedClauses } from "./corpus";

const clauses = seedClauses();
const bySentence = (snippet: string) => clauses.find((c) => c.source.sentence.includes(snippet))!;
const sentences = (matches: ReturnType<typeof findEligible>) => matches.map((m) => m.clause.source.sentence);

describe("the eligibility finder", () => {
  it("gives a disabled person the disabled-person clauses and no employer or provider clause", () => {
    const matches = findEligible({ audienceType: "individual", flags: { isDisabledPerson: true } }, clauses);
    expect(sentences(matches).some((s) => s.includes("免费乘坐市内公共汽车电车"))).toBe(true);
    expect(matches.every((m) => ["disabled", "individual"].includes(m.audience))).toBe(true);
    expect(sentences(matches).some((s) => s.includes("对超比例安排残疾人就业的用人单位给予奖励"))).toBe(false);
  });

  it("needs the group flag: an individual who sets no flag gets no disabled, elderly or infant clause", () => {
    const matches = findEligible({ audienceType: "individual", flags: {} }, clauses);
    expect(matches.length).toBeGreaterThan(0);
    expect(matches.every((m) => m.audience === "individual")).toBe(true);
  });

  it("gives employer subsidies for hiring disabled people only to employers that hire them", () => {
    const clause = bySentence("对安排残疾人见习的用人单位按规定给予见习补贴");
    expect(matchClause({ audienceType: "enterprise", flags: {} }, clause)).toBeNull();
    const match = matchClause({ audienceType: "enterprise", flags: { hiresDisabledPeople: true } }, clause)!;
    expect(match.audience).toBe("employer");
    expect(match.specific).toBe(true);
    expect(matchClause({ audienceType: "individual", flags: { hiresDisabledPeople: true } }, clause)).toBeNull();
  });

  it("keeps 专业镇 clauses for enterprises in a 专业镇 only", () => {
    const reward = bySentence("首次进入全国前10名的企业给予表彰");
    expect(matchClause({ audienceType: "enterprise", flags: {} }, reward)).toBeNull();
    expect(matchClause({ audienceType: "enterprise", flags: { inProfessionalTown: false } }, reward)).toBeNull();
    const match = matchClause({ audienceType: "enterprise", flags: { inProfessionalTown: true } }, reward)!;
    expect(match.unchecked.map((u) => u.text)).toContain("首次突破10亿元的");
  });

  it("reports a qualifier the profile left unset as unchecked, and drops the clause when the profile contradicts it", () => {
    const clause = bySentence("对非营利性养老机构自用房产、土地免征房产税");
    const unset = matchClause({ audienceType: "organization", flags: { isElderlyCareProvider: true } }, clause)!;
    expect(unset.unchecked).toContainEqual({ text: "非营利性", reason: "您未说明是否为非营利性机构" });
    expect(matchClause({ audienceType: "organization", flags: { isElderlyCareProvider: true, isNonProfit: false } }, clause)).toBeNull();
    const stated = matchClause({ audienceType: "organization", flags: { isElderlyCareProvider: true, isNonProfit: true } }, clause)!;
    expect(stated.unchecked.map((u) => u.text)).not.toContain("非营利性");
  });

  it("says which written conditions it cannot check (符合条件的, 按规定, 重度 …)", () => {
    const matches = findEligible({ audienceType: "individual", flags: { isDisabledPerson: true, isLowIncome: true } }, clauses);
    const rent = matches.find((m) => m.clause.source.sentence.includes("优先配租公租房"))!;
    expect(rent.unchecked.map((u) => u.text)).toContain("符合条件的");
    const care = matches.find((m) => m.clause.source.sentence.includes("对获得低保后生活仍有困难的重度残疾人"))!;
    expect(care.unchecked.map((u) => u.text)).toContain("重度");
  });

  it("matches providers of two kinds named in one clause (养老和婴幼儿照护服务机构)", () => {
    const clause = bySentence("养老和婴幼儿照护服务机构用水、用电、用气、用热按居民生活类价格执行");
    expect(matchClause({ audienceType: "enterprise", flags: { isChildcareProvider: true } }, clause)?.audience).toBe("childcare-provider");
    expect(matchClause({ audienceType: "enterprise", flags: { isElderlyCareProvider: true } }, clause)?.audience).toBe("elderly-care-provider");
  });

  it("lists clauses that rest on the user's flags before those that only match the profile type", () => {
    const matches = findEligible({ audienceType: "enterprise", flags: { inProfessionalTown: true } }, clauses);
    const firstGeneral = matches.findIndex((m) => !m.specific);
    expect(firstGeneral).toBeGreaterThan(0);
    expect(matches.slice(firstGeneral).every((m) => !m.specific)).toBe(true);
  });
});
