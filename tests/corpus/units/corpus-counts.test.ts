/**
 * Integration: the real issue through the parser (src/corpus/parse-gazette.ts),
 * then through the unit extractors, checked against the counts in
 * /work/shared/corpus/NOTES.md §4.1, §4.3, §4.4, §4.5 and §7.4.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { parseGazette } from "../../../src/corpus/parse-gazette";
import type { PolicyDocument } from "../../../src/corpus/types";
import {
  buildAliasResolver,
  extractAppointments,
  extractGroups,
  extractUnitAnnotations,
  findOfficeLines,
  type AliasResolver,
} from "../../../src/corpus/units/index";
import { dutyContexts, findMarkers } from "../../../src/corpus/units/markers";
import { nameKey } from "../../../src/corpus/units/text";

const SOURCE = fileURLToPath(new URL("../../../corpus/shuozhou-gazette-2023-03.txt", import.meta.url));

/** NOTES document ids → 文号. */
const DOC = {
  D1: "朔政发〔2023〕16号",
  D4: "朔政函〔2023〕47号",
  D6: "朔政干发〔2023〕3号",
  D7: "朔政办发〔2023〕13号",
  D9: "朔政办发〔2023〕15号",
  D11: "朔政办发〔2023〕17号",
  D12: "朔政办发〔2023〕18号",
  D13: "朔政办发〔2023〕19号",
  D14: "朔政办发〔2023〕20号",
  D16: "朔政办发〔2023〕22号",
  D17: "朔政办函〔2023〕20号",
  D18: "朔政办函〔2023〕24号",
  D19: "朔政办函〔2023〕31号",
  D20: "朔政办函〔2023〕33号",
} as const;

let documents: PolicyDocument[];
let aliases: AliasResolver;
const doc = (id: keyof typeof DOC) => documents.find((d) => d.docNumber === DOC[id])!;
const annotationsOf = (d: PolicyDocument) => extractUnitAnnotations(d.text, d.paragraphs, aliases);
const MARKER_FORMS = new Set(["lead-participating", "responsible", "lead-responsible", "shared-responsible", "working-group", "unit-list"]);
const markersOf = (d: PolicyDocument) => annotationsOf(d).filter((a) => !a.inherited && MARKER_FORMS.has(a.form));
const countBy = <T>(xs: T[], key: (x: T) => string) =>
  xs.reduce<Record<string, number>>((acc, x) => ({ ...acc, [key(x)]: (acc[key(x)] ?? 0) + 1 }), {});

beforeAll(() => {
  documents = parseGazette("shuozhou-gazette-2023-03.txt", readFileSync(SOURCE, "utf8")).documents;
  aliases = buildAliasResolver(documents.map((d) => d.text));
});

describe("responsibility markers in the 2023 No. 3 issue (NOTES §4.1)", () => {
  it("finds 218 markers in all", () => {
    expect(documents.flatMap(markersOf)).toHaveLength(218);
  });

  it("finds each form as often as NOTES counts it", () => {
    const shapes = (id: keyof typeof DOC) => {
      const d = doc(id);
      const duty = dutyContexts(d.paragraphs);
      return countBy(d.paragraphs.flatMap((p, i) => findMarkers(p.text, duty[i]!)), (m) => m.parsed.shape);
    };
    expect(shapes("D1")).toEqual({ A: 24, B: 6 });
    // C1 23, C2 23, C3 18 + 2 按照, C4 1, C5 5
    expect(shapes("D11")).toEqual({ lead: 23, "lead-cooperate": 23, shared: 20, "shared-cooperate": 1, responsible: 5 });
    // D1 13, D2 4, D3 2, D4 1
    expect(shapes("D12")).toEqual({ shared: 13, "lead-division": 4, responsible: 2, scope: 1 });
    // E1 11, E2 17
    expect(shapes("D13")).toEqual({ "lead-division": 11, division: 17 });
    // F 7
    expect(shapes("D14")).toEqual({ "lead-division": 7 });
    // G 11, H 50
    expect(shapes("D16")).toEqual({ "working-group": 11, "unit-list": 50 });
  });

  it("maps the forms to annotation forms", () => {
    expect(countBy(documents.flatMap(markersOf), (a) => a.form)).toEqual({
      "lead-participating": 24,
      responsible: 6,
      "lead-responsible": 68,
      "shared-responsible": 59,
      "working-group": 11,
      "unit-list": 50,
    });
  });

  it("gives D11 item 59 two markers, one of them in mid-paragraph", () => {
    const d11 = markersOf(doc("D11"));
    expect(d11).toHaveLength(72);
    const perParagraph = countBy(d11, (a) => String(a.paragraphIndex));
    const twice = Object.entries(perParagraph).filter(([, n]) => n === 2).map(([i]) => doc("D11").paragraphs[Number(i)]!.text);
    expect(twice).toHaveLength(1);
    expect(twice[0]).toMatch(/^59\. /);
  });

  it("hands D12's county governments down to the 19 annotated items after the scope marker", () => {
    const inherited = annotationsOf(doc("D12")).filter((a) => a.inherited);
    expect(inherited).toHaveLength(19);
    expect(new Set(inherited.map((a) => a.roles[0]!.canonical))).toEqual(new Set(["各县（市、区）人民政府"]));
  });

  it("quotes every annotation exactly at its offsets", () => {
    for (const d of documents) for (const a of annotationsOf(d)) expect(d.text.slice(a.start, a.end)).toBe(a.raw);
  });

  it("counts unit mentions in markers as §4.5 does", () => {
    const mentions = countBy(
      documents.flatMap(markersOf).flatMap((a) => a.roles),
      (r) => nameKey(r.name),
    );
    expect(mentions).toMatchObject({
      市市场监管局: 47,
      市工信局: 43,
      市财政局: 37,
      市生态环境局: 36,
      市残联: 30,
      市直相关部门: 19,
      人行朔州中心支行: 9,
      朔州市体育局: 1,
      市执委会竞赛组: 2,
    });
    // NOTES says 54; the 55th is the county governments of D12's scope marker (2164), which names them twice.
    expect(mentions["各县（市、区）人民政府"]).toBe(55);
  });
});

describe("other assignment forms (NOTES §4.3)", () => {
  it("reads the six 职责分工 items of D7 with the full unit names", () => {
    const duty = annotationsOf(doc("D7")).filter((a) => a.form === "duty-assignment");
    expect(duty.map((a) => a.roles[0]!.name)).toEqual([
      "市规划和自然资源局",
      "市住房和城乡建设局",
      "市行政审批服务管理局",
      "市税务局",
      "市市场监管局",
      "市城市管理局",
    ]);
  });

  it("reads the authority lines of D9 (主管部门, 建设单位) and D4 (实施主体)", () => {
    const lines = documents.flatMap((d) => annotationsOf(d).filter((a) => a.form === "authority-line").map((a) => d.docNumber));
    expect(lines).toEqual([DOC.D4, DOC.D9, DOC.D9]);
  });

  it("finds the 15 office-location lines", () => {
    expect(documents.flatMap((d) => findOfficeLines(d.paragraphs).map((o) => o.unit))).toEqual([
      "市工信局",
      "市工信局",
      "市体育局",
      "市发改委",
      "市商务局",
      "市住建局",
      "市交通局",
      "市科技局",
      "市金融办",
      "市文旅局",
      "市工信局",
      "市人社局",
      "市招生考试管理中心",
      "市能源局",
      "市统计局",
    ]);
  });
});

describe("rosters (NOTES §4.4)", () => {
  const roles = (id: keyof typeof DOC, name: string) => {
    const g = extractGroups(doc(id).title, doc(id).paragraphs).find((x) => x.name === name);
    expect(g, name).toBeDefined();
    return countBy(g!.members, (m) => m.role);
  };

  it("counts the D16 执委会 roster", () => {
    expect(roles("D16", "山西省第十六届运动会朔州执行委员会")).toEqual({ 主任: 1, 副主任: 7, 秘书长: 1, 副秘书长: 3, 委员: 44 });
  });

  it("counts the D17, D18, D19 and D20 rosters", () => {
    expect(roles("D17", "朔州市服务业发展领导小组")).toEqual({ 组长: 1, 副组长: 8, 成员: 26 });
    expect(roles("D18", "朔州市招生考试委员会")).toEqual({ 主任: 1, 副主任: 3, 成员: 26 });
    expect(roles("D19", "朔州市分布式能源发展工作专班")).toEqual({ 组长: 1, 副组长: 2, 成员: 15 });
    expect(roles("D20", "朔州市第五次全国经济普查领导小组")).toEqual({ 组长: 1, 副组长: 5, 成员: 30 });
  });

  it("reads D13's 成员 as 39 units and its office", () => {
    const [g] = extractGroups(doc("D13").title, doc("D13").paragraphs);
    expect(g).toMatchObject({ name: "朔州市专业镇发展领导小组", officeUnit: "市工信局", officeDirector: "市工信局局长" });
    expect(countBy(g!.members, (m) => `${m.role}:${m.person === null ? "unit" : "person"}`)).toEqual({ "组长:person": 1, "副组长:person": 1, "成员:unit": 39 });
  });

  it("reads D16's 11 working groups with their 62 duty items, and D17's 8 专班", () => {
    const d16 = extractGroups(doc("D16").title, doc("D16").paragraphs).filter((g) => /^（[一二三四五六七八九十]+）/.test(g.name));
    expect(d16).toHaveLength(11);
    expect(d16.reduce((n, g) => n + g.duties.length, 0)).toBe(62);
    const d17 = extractGroups(doc("D17").title, doc("D17").paragraphs).filter((g) => g.name.endsWith("专班"));
    expect(d17).toHaveLength(8);
    expect(d17.every((g) => g.officeUnit !== null && g.members.some((m) => m.role === "组长"))).toBe(true);
  });

  it("has no padded names and no empty titles among D16–D20 roster members", () => {
    for (const id of ["D16", "D17", "D18", "D19", "D20"] as const) {
      for (const g of extractGroups(doc(id).title, doc(id).paragraphs)) {
        for (const m of g.members.filter((x) => x.person !== null)) expect(m.person, `${g.name} ${m.person}`).toMatch(/^[\u3400-\u9fff]{2,3}$/);
      }
    }
  });
});

describe("appointments (NOTES §7.4)", () => {
  it("reads 9 appointments and 14 removals (13 + one embedded) in D6", () => {
    const list = extractAppointments(doc("D6").paragraphs);
    expect(countBy(list, (a) => a.action)).toEqual({ appoint: 9, remove: 14 });
    expect(list.filter((a) => a.action === "remove").map((a) => a.person)).toEqual([
      "马金强", "高开新", "王喜沙", "韩栋", "王特祥", "高续", "侯强", "白高峰", "周晓东", "元子高", "郝如翔", "赵勋章", "王玉奎", "贾品晋",
    ]);
  });

  it("finds appointments in no other document", () => {
    expect(documents.filter((d) => d.docNumber !== DOC.D6).flatMap((d) => extractAppointments(d.paragraphs))).toEqual([]);
  });
});
