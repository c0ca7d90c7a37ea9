/**
 * Layout repairs, section paths and content preservation on the seed issue
 * (NOTES §3, §5, §6 and Appendix A).
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { doc, logicalParagraphs, paragraphWith, seed, seedLines } from "./helpers";
import { normalisePunctuation, fixAndLeak } from "../../src/corpus/normalise";
import { cjkSequence } from "../../src/corpus/text";
import type { PolicyDocument } from "../../src/corpus/types";

const D1 = "朔政发〔2023〕16号";
const D9 = "朔政办发〔2023〕15号";
const D10 = "朔政办发〔2023〕16号";
const D11 = "朔政办发〔2023〕17号";
const D16 = "朔政办发〔2023〕22号";
const D18 = "朔政办函〔2023〕24号";
const D20 = "朔政办函〔2023〕33号";

const allText = () => seed().documents.map((d) => d.text).join("\n");

describe("section paths (NOTES §3)", () => {
  it.each([
    [D1, "脱贫攻坚目标任务完成后", ["三、主要任务", "（一）提高残疾人民生保障水平", "1. 巩固拓展残疾人脱贫攻坚成果"]],
    [D1, "以习近平新时代中国特色社会主义思想为指导，深入贯彻", ["二、总体要求", "（一）指导思想"]],
    [D1, "对残疾评定给予补贴", ["三、主要任务", "（一）提高残疾人民生保障水平", "5. 加强突发公共事件中对残疾人的保护", "专栏2 残疾人社会保障重点项目", "4. 残疾评定补贴"]],
    [D1, "加强党对残疾人工作的领导", ["四、保障措施", "（一）强化组织领导"]],
    [D9, "朔州市森林草原防灭火规划（2021—2030年）。", ["第一章 总则", "1.1 规划名称"]],
    [D9, "全市缺乏统一的森林草原火险预警平台", ["第三章 建设条件", "3.4 森林草原防灭火现状", "3.4.3 森林草原防火存在的问题", "（1）监测指挥系统有待进一步完善"]],
    [D10, "朔州市户籍总人口约159万人", ["一、实施背景", "（二）趋势判断", "1. “十四五”时期养老服务发展相对趋势研判", "（1）面临的问题", "①老龄化问题严重"]],
    // D11 items 1.–71. are sentences, not titles: list items under their （N） heading.
    [D11, "严格落实“全国一张清单”管理要求", ["一、进一步破除隐性门槛，推动降低市场主体准入成本", "（一）全面实施市场准入负面清单管理"]],
  ])("%s: the paragraph with “%s” sits under %j", (docNumber, snippet, path) => {
    expect(paragraphWith(doc(docNumber), snippet).sectionPath).toEqual(path);
  });

  it("keeps the attached-text title out of every section path", () => {
    const d = doc(D1);
    const title = d.paragraphs.find((p) => p.text === d.attachedTitle)!;
    expect(title.kind).toBe("heading");
    expect(title.sectionPath).toEqual([]);
    expect(d.paragraphs.some((p) => p.sectionPath.includes(d.attachedTitle!))).toBe(false);
  });

  it("treats full- and half-width （一）/(一) as one level with one canonical form (D1 三、)", () => {
    const titles = doc(D1).outline.filter((n) => n.path[0] === "三、主要任务" && n.level === 2).map((n) => n.title);
    expect(titles).toEqual([
      "（一）提高残疾人民生保障水平",
      "（二）促进残疾人就业创业",
      "（三）完善残疾人关爱服务体系",
      "（四）保障残疾人合法权益",
      "（五）加强基础设施和信息化建设",
      "（六）加快人才培养和科技创新",
    ]);
  });

  it("closes a 专栏 box when the main numbering resumes (专栏3 → 3. 提升残疾人职业技能)", () => {
    expect(paragraphWith(doc(D1), "落实《残疾人职业技能提升计划").sectionPath).toEqual(["三、主要任务", "（二）促进残疾人就业创业", "3. 提升残疾人职业技能"]);
  });

  it("re-parents the out-of-order （1）场地面积 under 6.5.1 航空消防起降点 (NOTES §6.12)", () => {
    const p = doc(D9).paragraphs.find((x) => x.kind === "heading" && x.text.startsWith("（1）场地面积"))!;
    expect(p.sectionPath).toEqual(["第六章 技术措施及建设模式", "6.5 航空护林建设", "6.5.1 航空消防起降点", "（1）场地面积"]);
    expect(paragraphWith(doc(D9), "场地条件").sectionPath.slice(-2)).toEqual(["6.5.1 航空消防起降点", "（2）场地条件"]);
  });

  it("does not make body fragments that start with a marker into headings", () => {
    const p = paragraphWith(doc(D16), "负责承办工作的统筹协调");
    expect(p.kind).not.toBe("heading");
    expect(p.text).toContain("起草制定省运会朔州赛区总体工作方案");
    expect(paragraphWith(doc(D11), "加强水、电、气、热、通信、有线电视等市政公用服务").kind).toBe("list-item");
  });

  it("builds an outline whose nodes point at heading paragraphs with matching paths", () => {
    for (const d of seed().documents) {
      for (const n of d.outline) {
        const p = d.paragraphs[n.paragraphIndex]!;
        expect(p.kind).toBe("heading");
        expect(p.sectionPath).toEqual(n.path);
        expect(n.path[n.path.length - 1]).toBe(n.title);
        expect(n.level).toBe(n.path.length);
      }
    }
  });
});

describe("artefact repairs (NOTES §6)", () => {
  it("normalises half-width punctuation next to Chinese (P1)", () => {
    expect(paragraphWith(doc(D11), "逐步完善市场主体歇业制度及配套政策").text).toContain("（市行政审批局、市税务局、市人社局、市医保局按职责分工负责）");
    expect(allText()).not.toMatch(/[\u4e00-\u9fff][,;:]|[,;:][\u4e00-\u9fff]/);
  });
  it("removes title wrap spaces", () => {
    for (const d of seed().documents) expect(d.title).not.toMatch(/\s/);
    expect(doc(D1).paragraphs[0]!.text).toBe("朔州市人民政府关于印发朔州市“十四五”残疾人保障和发展规划的通知");
  });
  it("collapses padded names in rosters and joins wrapped roster titles", () => {
    expect(paragraphWith(doc(D16), "彭雁 市委常委").text).toBe("彭雁 市委常委、统战部部长、宣传部部长");
    expect(paragraphWith(doc(D16), "王福 市委副秘书长").text).toBe("委员：王福 市委副秘书长、市信访局局长");
    expect(paragraphWith(doc(D20), "靳竹华").text).toBe("靳竹华 市邮政管理局副局长、纪检组组长");
    expect(paragraphWith(doc(D16), "康宝红 刘国清").text).toBe("副组长：康宝红 刘国清 刘晓琰 张猛");
    expect(allText()).not.toMatch(/(?:^|\n|：)[\u4e00-\u9fff] [\u4e00-\u9fff] /);
  });
  it("puts one roster row per paragraph with kind roster and normalised labels", () => {
    const rows = doc(D20).paragraphs.filter((p) => p.kind === "roster");
    expect(rows).toHaveLength(36);
    expect(rows[0]!.text).toBe("组长：武跃飞 市委常委、副市长");
    expect(rows[6]!.text).toBe("成员：董达 市委统战部二级调研员");
  });
  it("fixes the LaTeX leak of line 1291", () => {
    expect(paragraphWith(doc(D9), "的河流").text).toContain("宽度≥10m的河流");
    expect(allText()).not.toMatch(/\$|\\geq|\\text/);
  });
  it("strips `- ` converter bullets, including the spurious one inside the D18 roster", () => {
    expect(allText()).not.toMatch(/(?:^|\n)- /);
    expect(paragraphWith(doc(D18), "李占山").text).toBe("李占山 市卫生健康委员会副主任");
    expect(paragraphWith(doc(D18), "田东 副市长").text).toBe("主任：田东 副市长");
    expect(paragraphWith(doc(D9), "《中华人民共和国森林法》").kind).toBe("list-item");
  });
  it("replaces the ` and ` leak with 和 and keeps workflows (flagged)", () => {
    expect(allText()).toContain("健全基本养老服务体系和政策");
    expect(allText()).toContain("公用品牌价值和历史文化内涵");
    expect(allText()).not.toContain(" and ");
    expect(allText()).toContain("工作机构和 workflows");
  });
  it("drops the repeated 专栏 titles and table headers (R1), joining the sentence across them", () => {
    expect(seed().diagnostics.droppedLines).toEqual([151, 153, 191, 217, 239, 1490]);
    expect(doc(D1).paragraphs.filter((p) => p.text.startsWith("专栏2 "))).toHaveLength(1);
    expect(allText()).toContain("对困难残疾人开展经常性走访探视，及时反映和解决问题。");
    expect(allText()).toContain("给予一次性建设、场地租金、机构运行、无障碍环境改造");
    const t10 = doc(D9).paragraphs.filter((p) => p.table?.startsWith("表6—1"));
    expect(t10).toHaveLength(30);
    expect(t10.some((p) => p.text === "序号：序号；名称：名称；单位：单位；数量：数量")).toBe(false);
  });
  it("puts the displaced block 3331–3333 back before line 3319, after the D20 roster", () => {
    const d = doc(D20);
    const p = paragraphWith(d, "领导小组办公室设在市统计局");
    expect(p.text).toBe(
      "领导小组办公室设在市统计局，承担领导小组的日常工作，研究提出需领导小组决策的建议方案，督促落实领导小组议定事项，加强与有关地区和部门的沟通协调，承办领导小组交办的其他事项，办公室主任由市统计局副局长张奇武兼任。",
    );
    const i = d.paragraphs.indexOf(p);
    expect(d.paragraphs[i - 1]!.kind).toBe("roster");
    expect(d.paragraphs[i - 1]!.text).toBe("董宇斐 武警山西总队朔州支队保障处处长");
    expect(d.paragraphs[d.paragraphs.length - 1]!.text).toBe("（此件公开发布）");
    expect(seed().diagnostics.displacedLines).toEqual([3331, 3332, 3333]);
  });
  it("attaches the 8 orphan markers to the paragraph before them (J2)", () => {
    const orphanLines = [1918, 1940, 1978, 2068, 2100, 2739, 2788, 2791];
    for (const line of orphanLines) {
      const d = seed().documents.find((x) => x.paragraphs.some((p) => p.sourceLines[1] === line))!;
      const p = d.paragraphs.find((x) => x.sourceLines[1] === line)!;
      expect(p.sourceLines[0], `line ${line}`).toBeLessThan(line);
      expect(p.text, `line ${line}`).toMatch(/[。；]（[^（）]*(?:（[^（）]*）[^（）]*)*）$/);
    }
  });
  it("renders table rows as header：value pairs and repeats a merged first column", () => {
    const rows = doc(D1).paragraphs.filter((p) => p.kind === "table-row");
    expect(rows).toHaveLength(11);
    expect(rows[1]!.text).toBe("类别：收入和就业；指标：2. 城乡残疾人职业技能培训人数（人）；2025年：2000；属性：预期性");
    expect(rows[2]!.text.startsWith("类别：社会保障和基本公共服务；")).toBe(true);
    expect(rows[3]!.text.startsWith("类别：社会保障和基本公共服务；指标：4. 困难残疾人生活补贴覆盖率")).toBe(true);
    expect(rows.every((r) => r.table === "专栏1 朔州市“十四五”残疾人保障和发展主要指标")).toBe(true);
  });
});

interface JoinPoint {
  a: number;
  b: number;
  endOfA: string;
  startOfB: string;
}
const JOIN_POINTS: JoinPoint[] = readFileSync(resolve(import.meta.dirname, "fixtures/join-points.txt"), "utf8")
  .split("\n")
  .filter((l) => l !== "" && !l.startsWith("#"))
  .map((l) => {
    const [a, b, endOfA, startOfB] = l.split("\t");
    return { a: Number(a), b: Number(b), endOfA: endOfA!, startOfB: startOfB! };
  });

/**
 * "One paragraph" for a join point: a paragraph, or an inline heading together
 * with the body split off it (same source lines) — the split at the heading's
 * 。 is deliberate (NOTES §3.3), the join across the column break is what counts.
 */

describe("NOTES Appendix A: every join point comes out whole", () => {
  it("has all 168 join points in the fixture", () => {
    expect(JOIN_POINTS).toHaveLength(168);
  });
  const paragraphs = () => seed().documents.flatMap(logicalParagraphs);
  it.each(JOIN_POINTS.map((j) => [`${j.a}→${j.b}`, j] as const))("%s", (_name, j) => {
    const joined = normalisePunctuation(j.endOfA + j.startOfB);
    expect(paragraphs().some((p) => p.includes(joined))).toBe(true);
  });
  it("records each Appendix A join in the diagnostics, across dropped titles where needed", () => {
    const joins = new Set(seed().diagnostics.joins.map(([a, b]) => `${a}-${b}`));
    const missing = JOIN_POINTS.filter((j) => !joins.has(`${j.a}-${j.b}`)).map((j) => `${j.a}-${j.b}`);
    expect(missing).toEqual([]);
  });
});

describe("content preservation", () => {
  it("keeps every CJK character of the body, in order, apart from the artefacts removed on purpose", () => {
    const { diagnostics, documents } = seed();
    const first = documents[0]!.sourceLines[0];
    const last = Math.max(...documents.map((d) => d.sourceLines[1]));
    const dropped = new Set(diagnostics.droppedLines);
    const displaced = new Set(diagnostics.displacedLines);
    const bodyLine = (n: number) => !dropped.has(n) && !seedLines[n - 1]!.includes("\t");
    const order: number[] = [];
    for (let n = first; n <= last; n++) {
      if (displaced.has(n) || !bodyLine(n)) continue;
      if (n === 3319) order.push(...diagnostics.displacedLines); // NOTES §1.5 reading order
      order.push(n);
    }
    const expected = cjkSequence(order.map((n) => fixAndLeak(seedLines[n - 1]!)).join(""));
    const actual = cjkSequence(documents.flatMap((d) => d.paragraphs.filter((p) => p.kind !== "table-row").map((p) => p.text)).join(""));
    expect(actual.length).toBe(expected.length);
    expect(actual === expected).toBe(true);
  });

  it("keeps every table cell's CJK text in the row paragraph of its line", () => {
    const { diagnostics, documents } = seed();
    const rows = new Map(documents.flatMap((d) => d.paragraphs.filter((p) => p.kind === "table-row").map((p) => [p.sourceLines[0], cjkSequence(p.text)] as const)));
    let checked = 0;
    seedLines.forEach((raw, i) => {
      const n = i + 1;
      if (!raw.includes("\t") || n < 85 || diagnostics.droppedLines.includes(n) || !rows.has(n)) return;
      for (const cell of raw.split("\t")) expect(rows.get(n)!, `line ${n}`).toContain(cjkSequence(cell));
      checked++;
    });
    expect(checked).toBeGreaterThan(90);
  });
});
