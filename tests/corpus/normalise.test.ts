import { describe, expect, it } from "vitest";
import {
  cleanLine,
  collapseLabelSpaces,
  collapsePaddedNames,
  fixAndLeak,
  fixAutolink,
  fixLatex,
  normalisePunctuation,
  stripConverterBullet,
  suspectedLeakWords,
} from "../../src/corpus/normalise";
import { parseMarker, splitHeading, isHeadingOnly } from "../../src/corpus/headings";

describe("P1 punctuation normalisation (NOTES §6.6)", () => {
  it("turns half-width , ; : next to Chinese into full-width", () => {
    expect(normalisePunctuation("各县(市、区)人民政府,朔州经济开发区管委会,市直各相关单位:")).toBe("各县（市、区）人民政府，朔州经济开发区管委会，市直各相关单位：");
    expect(normalisePunctuation("(牵头单位:市民政局、市残联;参与单位:市财政局)")).toBe("（牵头单位：市民政局、市残联；参与单位：市财政局）");
  });
  it("keeps coordinates, URLs, standard codes and bracket pairs without Chinese inside", () => {
    const coord = `112° 43' 32" E; 39° 23' 50" N`;
    expect(normalisePunctuation(coord)).toBe(coord);
    expect(normalisePunctuation("登录网站 (http://www.shuozhou.gov.cn/) 浏览")).toContain("http://www.shuozhou.gov.cn/");
    expect(normalisePunctuation("《林火阻隔系统建设标准》(LY/T5007—2014)")).toBe("《林火阻隔系统建设标准》(LY/T5007—2014)");
    expect(normalisePunctuation("残疾人家庭人均收入 (%)")).toBe("残疾人家庭人均收入 (%)");
    expect(normalisePunctuation("联系电话：(0349) 2021918")).toBe("联系电话：(0349) 2021918");
  });
  it("converts a pair with Chinese inside even when a digit touches the bracket", () => {
    expect(normalisePunctuation("就业年龄段(16—59周岁)智力")).toBe("就业年龄段（16—59周岁）智力");
  });
  it("gives the same result for the two halves of a broken line as for the joined line", () => {
    const a = "…(市司法局牵";
    const b = "头负责)";
    expect(normalisePunctuation(a) + normalisePunctuation(b)).toBe(normalisePunctuation(a + b));
  });
  it("closes a full-width bracket with full-width when the closing half was half-width (2062/2064)", () => {
    expect(normalisePunctuation("（市市场监管局牵头负责，市直相关部门配合)")).toBe("（市市场监管局牵头负责，市直相关部门配合）");
  });
  it("is idempotent", () => {
    const s = "(一) 提高残疾人民生保障水平,完善:(16—59周岁)";
    expect(normalisePunctuation(normalisePunctuation(s))).toBe(normalisePunctuation(s));
  });
});

describe("converter leaks (NOTES §6.8, §6.9)", () => {
  it("rewrites the LaTeX formula of line 1291", () => {
    expect(fixLatex("宽度 $\\geq 10\\text{m}$ 的河流")).toBe("宽度≥10m的河流");
  });
  it("unwraps the markdown autolink", () => {
    expect(fixAutolink("(<http://www.shuozhou.gov.cn/>)")).toBe("(http://www.shuozhou.gov.cn/)");
  });
  it("strips `- ` bullets before list markers, 附件/附表 and roster labels, not real dashes", () => {
    expect(stripConverterBullet("- (1) 《中华人民共和国森林法》；").text).toBe("(1) 《中华人民共和国森林法》；");
    expect(stripConverterBullet("- 附表：1. 林地").text).toBe("附表：1. 林地");
    expect(stripConverterBullet("- 主任：田东 副市长").text).toBe("主任：田东 副市长");
    expect(stripConverterBullet("——主防火林带").stripped).toBe(false);
  });
  it("replaces ` and ` between Chinese with 和 and flags other English words", () => {
    expect(fixAndLeak("健全基本养老服务体系 and 政策")).toBe("健全基本养老服务体系和政策");
    expect(fixAndLeak("PPP and APP")).toBe("PPP and APP");
    expect(suspectedLeakWords("工作机构和 workflows，负责")).toEqual(["workflows"]);
    expect(suspectedLeakWords("经纬度 GPS定位仪")).toEqual([]);
  });
});

describe("spacing repairs (NOTES §6.7)", () => {
  it("collapses spaced-out labels only at line start", () => {
    expect(collapseLabelSpaces("副 组 长：康宝红 刘国清")).toBe("副组长：康宝红 刘国清");
    expect(collapseLabelSpaces("秘 书 长：李润军 市政府副市长（兼）")).toBe("秘书长：李润军 市政府副市长（兼）");
    expect(collapseLabelSpaces("前 言")).toBe("前言");
    expect(collapseLabelSpaces("组织 长期")).toBe("组织 长期");
  });
  it("collapses padded two-character names and keeps the name/title separator", () => {
    expect(collapsePaddedNames("刘 亮 市委常委、副市长")).toBe("刘亮 市委常委、副市长");
    expect(collapsePaddedNames("刘 焕 王玉锋")).toBe("刘焕 王玉锋");
    expect(collapsePaddedNames("彭 雁 李润军")).toBe("彭雁 李润军");
    expect(collapsePaddedNames("吴秀玲 市委副书记、市长")).toBe("吴秀玲 市委副书记、市长");
  });
  it("cleans a whole line in the NOTES §8 order", () => {
    expect(cleanLine("- 附件: 1. 重点产业链“链主”企业及链长分工安排(见网络版)").text).toBe("附件：1. 重点产业链“链主”企业及链长分工安排（见网络版）");
  });
});

describe("heading markers (NOTES §3.1)", () => {
  it.each([
    ["（一）指导思想", "cn-paren", "（一）"],
    ["(一) 提高残疾人民生保障水平", "cn-paren", "（一）"],
    ["（1）组织机构。全市", "num-paren", "（1）"],
    ["(1) 防火信息化体系建设", "num-paren", "（1）"],
    ["1. 巩固拓展残疾人脱贫攻坚成果。", "num", "1. "],
    ["一、发展现状", "cn", "一、"],
    ["①老龄化问题严重。", "circled", "①"],
    ["第一章 总 则", "chapter", "第一章 "],
    ["1.1 规划名称", "dec2", "1.1 "],
    ["2.2.1是保护生态环境", "dec3", "2.2.1 "],
    ["——残疾人社会保障得到新提高。", "dash", "——"],
    ["专栏1：防灭火信息化体系建设", "box", "专栏1 "],
    ["表4—1森林草原防灭火主要指标表", "table", "表4—1 "],
  ])("reads %s as %s", (text, type, canonical) => {
    const m = parseMarker(text);
    expect(m?.type).toBe(type);
    expect(m?.canonical).toBe(canonical);
  });
  it("treats full- and half-width forms as the same marker", () => {
    expect(parseMarker("(二) 坚持有序推进。")).toEqual({ ...parseMarker("（二）坚持有序推进。")!, rest: "坚持有序推进。" });
  });
  it("does not read numbers inside running text as markers", () => {
    expect(parseMarker("10.5万亩")).toBeNull();
    expect(parseMarker("0.7679公顷")).toBeNull();
    expect(parseMarker("（16—59周岁）智力")).toBeNull();
    expect(parseMarker("表彰先进")).toBeNull();
  });
  it("splits a heading that runs into its body at the first 。", () => {
    const s = splitHeading(parseMarker("1. 巩固拓展残疾人脱贫攻坚成果。脱贫攻坚目标任务完成后")!, false);
    expect(s).toEqual({ headingText: "1. 巩固拓展残疾人脱贫攻坚成果。", title: "1. 巩固拓展残疾人脱贫攻坚成果", body: "脱贫攻坚目标任务完成后" });
  });
  it("sees column-break fragments that start with a marker as body text (§3.3)", () => {
    for (const t of ["②规划期内，依托水库、河流、湖泊、湿地公", "19. 加强水、电、气、热、通信、有线电视等", "1. 负责承办工作的统筹协调，起草制定省运会"]) {
      expect(isHeadingOnly(t, parseMarker(t))).toBe(false);
    }
    expect(isHeadingOnly("1.1 规划名称", parseMarker("1.1 规划名称"))).toBe(true);
    expect(isHeadingOnly("（一）组成人员。", parseMarker("（一）组成人员。"))).toBe(true);
  });
});
