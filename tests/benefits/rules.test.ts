import { describe, expect, it } from "vitest";
import { readClause } from "../../src/benefits/extract";
import { splitSentences as clauseSentences } from "../../src/text/sentences";

const inSection = (...sectionPath: string[]) => ({ sectionPath });
const task = inSection("三、主要任务", "（二）促进残疾人就业创业");

describe("clause sentences", () => {
  it("end at 。 and also at ； because one sentence can pack several grants", () => {
    const text = "对养老机构提供的养护服务免征增值税；对用于提供婴幼儿照护服务的房产、土地，免征契税。（市税务局负责）";
    expect(clauseSentences(text).map((s) => s.text)).toEqual([
      "对养老机构提供的养护服务免征增值税；",
      "对用于提供婴幼儿照护服务的房产、土地，免征契税。",
      "（市税务局负责）",
    ]);
  });

  it("keep a closing quote with its sentence and report offsets into the text", () => {
    const text = "实现交房之日即交证。”\n下一段。";
    const spans = clauseSentences(text);
    expect(spans[0]!.text).toBe("实现交房之日即交证。”");
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});

describe("reading one clause", () => {
  it("finds beneficiary, condition, kind and the benefit as written in 对…的，给予… sentences", () => {
    const c = readClause("对通过公益性岗位安排残疾人就业并缴纳社会保险费的用人单位，按规定给予社会保险和公益性岗位补贴。", task)!;
    expect(c.audiences[0]).toBe("employer");
    expect(c.kind).toBe("subsidy");
    expect(c.condition).toBe("对通过公益性岗位安排残疾人就业并缴纳社会保险费的用人单位");
    expect(c.benefit).toBe("按规定给予社会保险和公益性岗位补贴");
    expect(c.unchecked.map((u) => u.text)).toContain("按规定");
  });

  it("takes the audience from the headings when the sentence names none (专栏 items)", () => {
    const c = readClause("落实两项补贴标准动态调整机制，逐步扩大补贴对象覆盖面。", inSection("专栏2 残疾人社会保障重点项目", "2. 困难残疾人生活补贴和重度残疾人护理补贴"))!;
    expect(c.audiences).toEqual(["disabled"]);
    expect(c.kind).toBe("subsidy");
  });

  it("does not read a qualifier inside 对…的 as the benefit (对纳入监测范围的残疾人 is not an inclusion)", () => {
    const c = readClause("对纳入监测范围的残疾人，在政策、项目、资金等方面给予支持。", task)!;
    expect(c.kind).toBe("support");
  });

  it("orders kinds by the documented tie-break: finance before exemption", () => {
    const c = readClause("引导鼓励金融机构对于养老托育重大项目建设给予信贷支持，降低担保费率。", task)!;
    expect(c.kinds.slice(0, 2)).toEqual(["finance", "exemption"]);
    expect(c.kind).toBe("finance");
  });

  it("rejects encouragement without a grant, capacity building and rewards to government bodies", () => {
    expect(readClause("鼓励残疾大学生自主就业创业。", task)).toBeNull();
    expect(readClause("加强残疾人就业劳动监察，坚决防范和打击侵害残疾人就业权益的行为。", task)).toBeNull();
    expect(readClause("对评价排名靠前、成效突出的专业镇所在县（市、区）政府给予表彰奖励。", task)).toBeNull();
    expect(readClause("加快配置多功能、多样化、专业化的养老托育服务设施。", task)).toBeNull();
  });

  it("keeps an encouraging sentence that still states a grant", () => {
    const c = readClause("鼓励有条件的县（市、区）对普惠托育机构给予一定运营补贴。", task)!;
    expect(c.audiences[0]).toBe("childcare-provider");
    expect(c.discretionary).toBe(true);
    expect(c.unchecked.map((u) => u.text)).toContain("有条件的县（市、区）");
  });

  it("turns 非营利性 / 营利性 / 专业镇 into flag requirements", () => {
    const nonProfit = readClause("对非营利性养老机构自用房产、土地免征房产税。", task)!;
    expect(nonProfit.requires).toEqual([{ flag: "isNonProfit", value: true, text: "非营利性", mandatory: false }]);
    const forProfit = readClause("对营利性养老机构建设减半征收有关行政事业性收费。", task)!;
    expect(forProfit.requires).toEqual([{ flag: "isNonProfit", value: false, text: "营利性", mandatory: false }]);
    const town = readClause("通过云会计大数据服务平台，免费为入驻专业镇的中小微企业提供代理记账会计服务。", task)!;
    expect(town.requires.map((r) => [r.flag, r.mandatory])).toEqual([
      ["inProfessionalTown", true],
      ["isSmallMicroEnterprise", false],
    ]);
  });
});
