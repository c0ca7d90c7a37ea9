import { describe, expect, it } from "vitest";
import { findMarkers } from "../../../src/corpus/units/markers";
import type { MarkerShape } from "../../../src/corpus/units/marker-grammar";

/** The one marker of `text`: its shape, the raw bracket and "name:role" per unit. */
function only(text: string, dutyContext = false) {
  const found = findMarkers(text, dutyContext);
  expect(found).toHaveLength(1);
  const m = found[0]!;
  const shown = text.replace(/[,;:()]/g, (c) => ({ ",": "，", ";": "；", ":": "：", "(": "（", ")": "）" })[c]!);
  return {
    shape: m.parsed.shape as MarkerShape,
    form: m.parsed.form,
    raw: text.slice(m.span.start, m.span.end),
    roles: m.parsed.roles.map((r) => `${shown.slice(r.span.start, r.span.end)}:${r.role}`),
    scope: m.parsed.scope.map((s) => shown.slice(s.start, s.end)),
  };
}

describe("responsibility markers (NOTES §4.1, §4.2)", () => {
  it("reads form A as lead and participating units (D1 168)", () => {
    const m = only(
      "健全农村残疾人帮扶机制。（牵头单位：市乡村振兴局；参与单位：市委组织部、市民政局、市财政局、市规划和自然资源局、市住建局、市卫健委、市医保局、市残联）",
    );
    expect(m.shape).toBe("A");
    expect(m.form).toBe("lead-participating");
    expect(m.roles[0]).toBe("市乡村振兴局:lead");
    expect(m.roles.slice(1)).toHaveLength(8);
    expect(m.roles.slice(1).every((r) => r.endsWith(":participating"))).toBe(true);
  });

  it("accepts the half-width variant of form A (D1 174)", () => {
    const m = only("培养专业化服务人才。(牵头单位:市民政局、市残联;参与单位:市财政局)");
    expect(m.roles).toEqual(["市民政局:lead", "市残联:lead", "市财政局:participating"]);
  });

  it("reads form A after the column-break join at 371/373", () => {
    const m = only("要加强对下级残疾人工作委员会工作的督导检查。（牵头单位：市残联；参与单位：市政府残疾人工作委员会各成员单位）");
    expect(m.roles).toEqual(["市残联:lead", "市政府残疾人工作委员会各成员单位:participating"]);
  });

  it("reads form B as co-responsible units (D1 178, half-width)", () => {
    const m = only("落实残疾军人和伤残民警抚恤优待政策。(责任单位:市教育局、市公安局、市民政局、市住建局、市交通局、市卫健委、市退役军人事务局、市工信局、市残联)");
    expect(m.shape).toBe("B");
    expect(m.roles).toHaveLength(9);
    expect(m.roles.every((r) => r.endsWith(":responsible"))).toBe(true);
  });

  it("reads C1 X牵头负责 as lead (D11 1900)", () => {
    const m = only("健全处理回应机制。（市发改委牵头负责）");
    expect(m).toMatchObject({ shape: "lead", form: "lead-responsible", roles: ["市发改委:lead"] });
  });

  it("reads C2 with 配合 units as participating and keeps 各县〔市、区〕 whole (D11 1912)", () => {
    const m = only("5. 完善市、县两级行政许可事项清单及办事指南。（市行政审批局牵头负责，各县〔市、区〕人民政府、市直相关部门配合）");
    expect(m.shape).toBe("lead-cooperate");
    expect(m.roles).toEqual(["市行政审批局:lead", "各县〔市、区〕人民政府:participating", "市直相关部门:participating"]);
  });

  it("reads multi-lead C2 markers (D11 1926 style)", () => {
    const m = only("及时清理清退沉淀的保证金。(市发改委、市财政局牵头负责,各县(市、区)人民政府、市直相关部门配合)");
    expect(m.roles).toEqual([
      "市发改委:lead",
      "市财政局:lead",
      "各县（市、区）人民政府:participating",
      "市直相关部门:participating",
    ]);
  });

  it("reads C3 按职责分工负责 and its 按照 variant as shared responsibility (D11 1940, 2078)", () => {
    expect(only("(市行政审批局、市税务局、市人社局、市医保局按职责分工负责)").shape).toBe("shared");
    const m = only("规范日常监管行为。(市市场监管局、市住建局、市应急管理局、市消防救援支队、市交通局、市生态环境局按照职责分工负责)");
    expect(m.shape).toBe("shared");
    expect(m.form).toBe("shared-responsible");
    expect(m.roles).toHaveLength(6);
  });

  it("reads C4 (shared + 配合) with the 配合 units participating (D11 1898)", () => {
    const m = only("推动清单事项全部实现网上办理。（市发改委、市商务局、市行政审批局按职责分工负责，市直相关部门配合）");
    expect(m.shape).toBe("shared-cooperate");
    expect(m.roles).toEqual([
      "市发改委:responsible",
      "市商务局:responsible",
      "市行政审批局:responsible",
      "市直相关部门:participating",
    ]);
  });

  it("reads C5 / D3 X负责 (D11 2056, D12 2194)", () => {
    expect(only("汇集本地区本领域市场主体适用的惠企政策。（各县〔市、区〕人民政府、市直相关部门负责）").shape).toBe("responsible");
    expect(only("采取措施防范环境风险。(市生态环境局负责)").roles).toEqual(["市生态环境局:responsible"]);
  });

  it("splits 'X等相关部门和Y' into two lists (D11 2110)", () => {
    const m = only("将拖欠信息列入政府信息主动公开范围。(市工信局、市小微企业发展服务中心等相关部门和各县〔市、区〕人民政府按职责分工负责)");
    expect(m.roles).toEqual([
      "市工信局:responsible",
      "市小微企业发展服务中心:responsible",
      "各县〔市、区〕人民政府:responsible",
    ]);
  });

  it("drops a trailing 等 in D1 markers (D12 2170)", () => {
    const m = only("进一步开展有关化学物质环境风险评估工作。（市生态环境局、市卫健委等按职责分工负责）");
    expect(m.roles).toEqual(["市生态环境局:responsible", "市卫健委:responsible"]);
  });

  it("reads D2 X牵头，Y按职责分工负责 as lead + participating (D12 2202)", () => {
    const m = only("2025年对本方案实施情况进行评估。(市生态环境局牵头,有关部门按职责分工负责)");
    expect(m).toMatchObject({ shape: "lead-division", form: "lead-responsible" });
    expect(m.roles).toEqual(["市生态环境局:lead", "有关部门:participating"]);
  });

  it("reads D12's scope-setting marker and returns the county governments as scope (D4, 2164)", () => {
    const m = only("配合省政府完成首轮化学物质基本信息调查和首批环境风险优先评估化学物质详细信息调查。（市生态环境局负责，各县（市、区）人民政府落实。以下均需各县（市、区）人民政府落实，不再列出）");
    expect(m.shape).toBe("scope");
    expect(m.roles).toEqual(["市生态环境局:responsible", "各县（市、区）人民政府:responsible"]);
    expect(m.scope).toEqual(["各县（市、区）人民政府"]);
  });

  it("reads E1 with several ，-separated participant lists (D13 2266)", () => {
    const m = only("全方位推动专业镇高质量发展。(市工信局牵头，市直有关部门，各县〔市、区〕人民政府，相关经济开发区管委会分工负责落实)");
    expect(m.shape).toBe("lead-division");
    expect(m.roles).toEqual([
      "市工信局:lead",
      "市直有关部门:participating",
      "各县〔市、区〕人民政府:participating",
      "相关经济开发区管委会:participating",
    ]);
  });

  it("reads E2 (no 牵头) as everyone responsible (D13 2302)", () => {
    const m = only("鼓励各县（市、区）设立专业镇发展专项资金。（市工信局、市农业农村局、市文旅局、市发改委、市财政局，各县（市、区）人民政府分工负责落实）");
    expect(m.shape).toBe("division");
    expect(m.roles).toHaveLength(6);
    expect(m.roles.every((r) => r.endsWith(":responsible"))).toBe(true);
  });

  it("reads F and drops 等部门 (D14 2444)", () => {
    const m = only("(市工信局牵头，市财政局、市能源局、市生态环境局、市小微企业发展服务中心等部门分工负责)");
    expect(m.roles).toEqual([
      "市工信局:lead",
      "市财政局:participating",
      "市能源局:participating",
      "市生态环境局:participating",
      "市小微企业发展服务中心:participating",
    ]);
  });

  it("reads G …组实施 as the working group responsible, also after the 2583/2585 join", () => {
    expect(only("负责统筹朔州市各参赛运动队的冠名、赞助工作。(财务保障和资源开发组实施)")).toMatchObject({
      shape: "working-group",
      roles: ["财务保障和资源开发组:responsible"],
    });
    expect(only("组织文明啦啦队等工作。(志愿者工作组实施)").roles).toEqual(["志愿者工作组:responsible"]);
  });

  it("reads H (bare unit list) only in a duty context and only where it closes the item (D16 2709)", () => {
    const text = "负责阶段工作安排、工作总结及大事记；（市政府办公室、市体育局）";
    expect(findMarkers(text, false)).toHaveLength(0);
    expect(only(text, true)).toMatchObject({ shape: "unit-list", form: "unit-list", roles: ["市政府办公室:responsible", "市体育局:responsible"] });
    expect(only("统计上报各项目竞赛的奖杯、奖章和证书的数量；(市体育局)", true).roles).toEqual(["市体育局:responsible"]);
    expect(findMarkers("朔州市融媒体中心（朔州广播电视台、朔州日报社、朔州市传媒集团）副主任职务。", true)).toHaveLength(0);
  });

  it("finds a mid-paragraph marker as well as the final one (D11 item 59, 2086)", () => {
    const text =
      "建立相关专家库,为知识产权保护提供技术支撑(市市场监管局牵头负责)。推动落实《关于加强海外知识产权纠纷应对机制建设的实施意见》,加强对企业海外知识产权纠纷应对的指导。(市市场监管局牵头负责,市商务局配合)";
    const found = findMarkers(text, false);
    expect(found.map((f) => f.parsed.shape)).toEqual(["lead", "lead-cooperate"]);
    expect(text.slice(found[0]!.span.start, found[0]!.span.end)).toBe("(市市场监管局牵头负责)");
  });

  it("never reads ordinary brackets as markers, even in a duty context", () => {
    for (const text of [
      "（此件公开发布）",
      "(此件公开发布)",
      "(一) 提高残疾人民生保障水平",
      "朔州市森林草原防灭火规划（2021—2030年）",
      "残疾人基本辅助器具适配率 (%)",
      "区域全面经济伙伴关系协定(RCEP)",
      "联系电话：(0349) 2021918",
      "市政府成立专业镇发展领导小组(见附件),加强对专业镇建设的统筹协调",
      "为(16—59周岁)智力、精神和重度肢体残疾人提供托养服务",
      "高产（用）量、高环境检出率",
      "《国务院办公厅关于促进养老托育服务健康发展的意见》（国办发〔2020〕52号）",
    ]) {
      expect(findMarkers(text, true), text).toEqual([]);
    }
  });
});

describe("marker search on arbitrary text", () => {
  it("never throws and only returns bracket groups of the text", async () => {
    const fc = await import("fast-check");
    const alphabet = [..."（）()〔〕、，；：。市局委县区牵头负责配合按职责分工落实等各人民政府组实施单位参与", "A", "1", " "];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 60 }), fc.boolean(), (chars, duty) => {
        const text = chars.join("");
        for (const m of findMarkers(text, duty)) {
          expect("（(".includes(text[m.span.start]!)).toBe(true);
          expect("）)".includes(text[m.span.end - 1]!)).toBe(true);
          for (const r of m.parsed.roles) expect(r.span.start >= m.span.start && r.span.end <= m.span.end).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
