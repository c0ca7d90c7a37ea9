import { describe, expect, it } from "vitest";
import { buildAliasResolver, extractUnitAnnotations, unitsInForce } from "../../../src/corpus/units/index";
import { heading, makeDoc } from "./fixtures";

const aliases = buildAliasResolver([
  "（市发改委牵头负责）石生华 市发展和改革委员会主任",
  "（市生态环境局、市卫健委等按职责分工负责）张天林 市卫生健康委员会主任",
  "（五）市市场监管局负责加强房地产行业合同违法 高 宇 市市场监督管理局局长",
]);

/** D12 2164–2170, D12 二、 items after the repairs. */
const d12 = makeDoc([
  heading("二、有力有序开展化学物质监测和调查评估"),
  "（一）开展化学物质环境信息调查。到2023年年底以前，配合省政府完成首轮化学物质基本信息调查和首批环境风险优先评估化学物质详细信息调查。（市生态环境局负责，各县（市、区）人民政府落实。以下均需各县（市、区）人民政府落实，不再列出）",
  "（二）建立新污染物环境调查监测体系。2025年年底以前，初步建立新污染物环境调查监测体系。（市生态环境局负责）",
  "（三）做好化学物质环境风险筛查和评估。在此基础上，进一步开展有关化学物质环境风险评估工作。（市生态环境局、市卫健委等按职责分工负责）",
  heading("三、加强新污染物全过程管控"),
]);

describe("extractUnitAnnotations", () => {
  it("points every annotation at its marker in the document text", () => {
    const anns = extractUnitAnnotations(d12.docText, d12.paragraphs, aliases).filter((a) => !a.inherited);
    expect(anns.map((a) => a.paragraphIndex)).toEqual([1, 2, 3]);
    for (const a of anns) expect(d12.docText.slice(a.start, a.end)).toBe(a.raw);
    expect(anns[2]!.raw).toBe("（市生态环境局、市卫健委等按职责分工负责）");
  });

  it("fills canonical names from the alias table and flags generic units", () => {
    const anns = extractUnitAnnotations(d12.docText, d12.paragraphs, aliases).filter((a) => !a.inherited);
    expect(anns[0]!.roles).toEqual([
      { name: "市生态环境局", canonical: "市生态环境局", role: "responsible", generic: false },
      { name: "各县（市、区）人民政府", canonical: "各县（市、区）人民政府", role: "responsible", generic: true },
    ]);
    expect(anns[2]!.roles[1]).toEqual({ name: "市卫健委", canonical: "市卫生健康委员会", role: "responsible", generic: false });
  });

  it("propagates D12's scope-setting marker to every later annotated item, flagged inherited", () => {
    const anns = extractUnitAnnotations(d12.docText, d12.paragraphs, aliases);
    const inherited = anns.filter((a) => a.inherited);
    expect(inherited.map((a) => a.paragraphIndex)).toEqual([2, 3]);
    for (const a of inherited) {
      expect(a.roles).toEqual([
        { name: "各县（市、区）人民政府", canonical: "各县（市、区）人民政府", role: "responsible", generic: true },
      ]);
      expect(a.raw).toContain("以下均需");
    }
  });

  it("reads 职责分工 items as duty assignments, and only under a 职责分工 heading (D7 六、)", () => {
    const doc = makeDoc([
      heading("五、工作流程"),
      "（一）市规划和自然资源局负责审核，这句不在职责分工之下。",
      heading("六、职责分工"),
      "（一）市规划和自然资源局负责牵头组织协调“房证同交”“地证同交”工作；牵头组织进行联合验收；负责国有土地出让合同的签订。",
      "（五）市市场监管局负责加强房地产行业合同违法、发布传播虚假广告和不实信息、诱骗消费者交易、强收产权代办费等违法违规行为的监管。",
      heading("七、组织保障"),
    ]);
    const anns = extractUnitAnnotations(doc.docText, doc.paragraphs, aliases);
    expect(anns.map((a) => [a.form, a.paragraphIndex, a.raw, a.roles[0]!.role, a.roles[0]!.canonical])).toEqual([
      ["duty-assignment", 3, "市规划和自然资源局负责", "lead", "市规划和自然资源局"],
      ["duty-assignment", 4, "市市场监管局负责", "responsible", "市市场监督管理局"],
    ]);
  });

  it("reads 主管部门 / 建设单位 sections and 实施主体由X变更为Y as authority lines (D9 709–716, D4 439)", () => {
    const doc = makeDoc([
      heading("1.2 规划范围"),
      "朔州市全境。",
      heading("1.3 主管部门"),
      "朔州市规划和自然资源局。",
      heading("1.4 建设单位"),
      "朔州市规划和自然资源局，朔州市应急管理局，朔城区林业局、平鲁区林业局、怀仁市林业局、山阴县林业局、应县林业局、右玉县林业局，开发区安监局。",
      "5条道路及排水管网改造工程移交朔城区人民政府、实施主体由市住建局变更为朔城区住房和城乡建设局的意见。",
    ]);
    const anns = extractUnitAnnotations(doc.docText, doc.paragraphs, aliases);
    expect(anns.every((a) => a.form === "authority-line")).toBe(true);
    expect(anns.map((a) => a.paragraphIndex)).toEqual([3, 5, 6]);
    expect(anns[0]!.roles.map((r) => r.canonical)).toEqual(["市规划和自然资源局"]);
    expect(anns[1]!.roles).toHaveLength(9);
    expect(anns[2]!.roles.map((r) => r.name)).toEqual(["朔城区住房和城乡建设局"]);
    expect(anns[2]!.raw).toBe("实施主体由市住建局变更为朔城区住房和城乡建设局");
  });

  it("attaches a form H list to its duty item only inside a 工作职责 list (D16 2705–2743)", () => {
    const doc = makeDoc([
      { text: "工作职责：", kind: "roster" },
      { text: "5. 会同相关部门选调志愿者、颁奖礼仪人员，统计上报各项目竞赛的奖杯、奖章和证书的数量；(市体育局)", kind: "list-item" },
      { text: "7. 完成省组委会、市执委会交办的其他工作。", kind: "list-item" },
      heading("（三）财务保障和资源开发组"),
      "这一段不在工作职责之内；（市政府办公室）",
    ]);
    const anns = extractUnitAnnotations(doc.docText, doc.paragraphs, aliases);
    expect(anns.map((a) => [a.form, a.paragraphIndex, a.raw])).toEqual([["unit-list", 1, "(市体育局)"]]);
  });
});

describe("unitsInForce", () => {
  it("gives each paragraph its own and inherited roles, de-duplicated, and nothing to headings", () => {
    const anns = extractUnitAnnotations(d12.docText, d12.paragraphs, aliases);
    const inForce = unitsInForce(d12.paragraphs, anns);
    expect(inForce).toHaveLength(d12.paragraphs.length);
    expect(inForce[0]).toEqual([]);
    expect(inForce[4]).toEqual([]);
    expect(inForce[1]!.map((r) => r.name)).toEqual(["市生态环境局", "各县（市、区）人民政府"]);
    expect(inForce[2]!.map((r) => `${r.name}:${r.role}`)).toEqual(["市生态环境局:responsible", "各县（市、区）人民政府:responsible"]);
    expect(inForce[3]!.map((r) => r.canonical)).toEqual(["市生态环境局", "市卫生健康委员会", "各县（市、区）人民政府"]);
  });

  it("keeps a unit twice when it plays two roles in one paragraph", () => {
    const doc = makeDoc(["为知识产权保护提供技术支撑(市市场监管局牵头负责)。加强对企业海外知识产权纠纷应对的指导。(市商务局牵头负责,市市场监管局配合)"]);
    const inForce = unitsInForce(doc.paragraphs, extractUnitAnnotations(doc.docText, doc.paragraphs, aliases));
    expect(inForce[0]!.map((r) => `${r.name}:${r.role}`)).toEqual(["市市场监管局:lead", "市商务局:lead", "市市场监管局:participating"]);
  });
});
