import { describe, expect, it } from "vitest";
import { buildAliasResolver, findUnitMentions } from "../../../src/corpus/units/aliases";

// Verbatim snippets of the source (line numbers in brackets).
const D17_ROSTER = "石生华 市发展和改革委员会主任"; // 2982
const D11_MARKER = "（市发改委牵头负责）"; // 1900
const D12_MARKER = "(市发展改革委、市工信局、市生态环境局等按职责分工负责)"; // 2180 (shortened list)
const D18_ROSTER = "石磊 市工业和信息化局副局长"; // 3129
const D20_ROSTER = "罗宏元 人行朔州市中心支行副行长"; // 3312
const D17_BANK = "卫文江 中国人民银行朔州市中心支行行长"; // 3028
const D13_BANK = "市财政局、市政府金融办、人行朔州中心支行、朔州银保监分局"; // 2334
const D1_ROADS = "城市主要街道、桥梁、人行天桥、地下通道、隧道、人行道等建设无障碍设施。"; // 333
const D18_GRID = "李建生 国家电网朔州供电公司副总经理"; // 3143
const D16_GRID = "赵 智 国网朔州供电公司经理"; // 2682
const D16_SPORT = "(市政府办公室、朔州市体育局)"; // 2765
const D16_EXEC = "根据工作要求，成立山西省第十六届运动会朔州市执行委员会（以下简称“朔州市执委会”），并建立"; // 2527

describe("alias table derived from the corpus (NOTES §4.6)", () => {
  it("maps short forms to the full form when both are written in the texts", () => {
    const aliases = buildAliasResolver([D17_ROSTER, D11_MARKER, D12_MARKER]);
    expect(aliases.canonical("市发改委")).toBe("市发展和改革委员会");
    expect(aliases.canonical("市发展改革委")).toBe("市发展和改革委员会");
    expect(aliases.table()).toEqual([
      { canonical: "市发展和改革委员会", aliases: ["市发展和改革委员会", "市发改委", "市发展改革委"] },
    ]);
  });

  it("adds no pair whose full form the texts do not contain", () => {
    const aliases = buildAliasResolver([D11_MARKER, "（市工信局牵头负责）"]);
    expect(aliases.canonical("市发改委")).toBe("市发改委");
    expect(aliases.canonical("市工信局")).toBe("市工信局");
    expect(aliases.table()).toEqual([]);
  });

  it("adds a pair once another corpus supplies the missing form", () => {
    expect(buildAliasResolver(["（市工信局牵头负责）", D18_ROSTER]).canonical("市工信局")).toBe("市工业和信息化局");
  });

  it("never invents a full name for units printed only in short form", () => {
    const aliases = buildAliasResolver(["（责任单位：市残联、市医保局、团市委）", D17_ROSTER, D11_MARKER]);
    for (const name of ["市残联", "市医保局", "团市委", "市科技局"]) expect(aliases.canonical(name)).toBe(name);
  });

  it("treats the 朔州 prefix as optional (朔州市体育局 = 市体育局)", () => {
    const aliases = buildAliasResolver([D16_SPORT, "（市体育局）"]);
    expect(aliases.canonical("朔州市体育局")).toBe("市体育局");
    expect(aliases.table()[0]).toEqual({ canonical: "市体育局", aliases: ["市体育局", "朔州市体育局"] });
    // Without any table entry the prefix is still dropped, but 朔州海关 (no 市) keeps it.
    expect(buildAliasResolver([]).canonical("朔州市审计局")).toBe("市审计局");
    expect(buildAliasResolver([]).canonical("朔州海关")).toBe("朔州海关");
  });

  it("resolves the central-bank branch only from its full bank forms, not from 人行天桥", () => {
    const aliases = buildAliasResolver([D20_ROSTER, D17_BANK, D13_BANK, D1_ROADS]);
    expect(aliases.canonical("人行朔州中心支行")).toBe("中国人民银行朔州市中心支行");
    expect(aliases.canonical("人行朔州市中心支行")).toBe("中国人民银行朔州市中心支行");
    expect(findUnitMentions(D1_ROADS, aliases)).toEqual([]);
    expect(findUnitMentions(D13_BANK, aliases).map((m) => m.canonical)).toEqual(["中国人民银行朔州市中心支行"]);
  });

  it("flags the 国网 variants as a probable alias of 国家电网朔州供电公司", () => {
    const entry = buildAliasResolver([D18_GRID, D16_GRID]).table()[0];
    expect(entry).toEqual({ canonical: "国家电网朔州供电公司", aliases: ["国家电网朔州供电公司", "国网朔州供电公司"], probable: true });
  });

  it("derives 'X（以下简称“Y”）' definitions from the text", () => {
    const aliases = buildAliasResolver([D16_EXEC]);
    expect(aliases.canonical("朔州市执委会")).toBe("山西省第十六届运动会朔州市执行委员会");
    expect(aliases.canonical("市执委会")).toBe("山西省第十六届运动会朔州市执行委员会");
  });

  it("normalises bracket widths so the three spellings of the county governments are one unit", () => {
    const aliases = buildAliasResolver([]);
    const canon = ["各县（市、区）人民政府", "各县(市、区)人民政府", "各县〔市、区〕人民政府"].map((n) => aliases.canonical(n));
    expect(new Set(canon)).toEqual(new Set(["各县（市、区）人民政府"]));
  });

  it("finds mentions longest-match first (市市场监管局 is one unit, not 市 + 市场监管局)", () => {
    const aliases = buildAliasResolver(["（市市场监管局牵头负责）", "高 宇 市市场监督管理局局长"]);
    const mentions = findUnitMentions("市卫健委、市市场监管局", aliases);
    expect(mentions).toEqual([{ name: "市市场监管局", canonical: "市市场监督管理局", start: 5, end: 11 }]);
  });

  it("tags collective names as generic and real units as specific", () => {
    const { isGeneric } = buildAliasResolver([]);
    for (const g of ["市直相关部门", "市直有关部门", "有关部门", "各县〔市、区〕人民政府", "各高校", "相关经济开发区管委会", "各相关经济开发区管委会", "市级行政执法部门", "市政府残疾人工作委员会各成员单位", "各县(市、区)纪委"]) {
      expect(isGeneric(g), g).toBe(true);
    }
    for (const u of ["市直属机关事务服务中心", "市委宣传部", "朔州经济开发区管委会", "市工信局", "团市委"]) expect(isGeneric(u), u).toBe(false);
  });
});
