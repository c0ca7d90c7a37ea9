/**
 * The 20 documents of the seed issue, read against NOTES.md §2 (table-driven),
 * plus issue metadata and warnings.
 */
import { describe, expect, it } from "vitest";
import { doc, seed } from "./helpers";

// NOTES §2.1 / §2.2: 文号 as printed in the body, title (spaces removed), signing date, type, TOC page, section.
const INVENTORY: Array<[string, string, string, string, number, string]> = [
  ["朔政发〔2023〕16号", "朔州市人民政府关于印发朔州市“十四五”残疾人保障和发展规划的通知", "2023-05-06", "规划", 1, "市政府文件"],
  ["朔政函〔2023〕38号", "朔州市人民政府关于朔州经济开发区起步区及外部连接道路PPP项目调整的批复", "2023-04-21", "批复", 14, "市政府文件"],
  ["朔政函〔2023〕46号", "朔州市人民政府关于朔州市七里河生态环境综合整治二期工程用地供应的批复", "2023-05-31", "批复", 14, "市政府文件"],
  ["朔政函〔2023〕47号", "朔州市人民政府关于同意变更市区5条道路及排水管网改造工程实施主体的批复", "2023-06-01", "批复", 15, "市政府文件"],
  ["朔政函〔2023〕49号", "朔州市人民政府关于委托朔州经济开发区管委会建设管理朔州迎宾大道二期工程项目的批复", "2023-04-20", "批复", 15, "市政府文件"],
  ["朔政干发〔2023〕3号", "朔州市人民政府关于麻祥等职务任免的通知", "2023-06-06", "任免", 16, "人事任免"],
  ["朔政办发〔2023〕13号", "朔州市人民政府办公室关于印发朔州市“房证同交”“地证同交”实施方案的通知", "2023-04-13", "方案", 17, "市政府办公室文件"],
  ["朔政办发〔2023〕14号", "朔州市人民政府办公室关于印发2023年《政府工作报告》重点工作任务分解方案的通知", "2023-04-25", "方案", 20, "市政府办公室文件"],
  ["朔政办发〔2023〕15号", "朔州市人民政府办公室关于印发朔州市森林草原防灭火规划（2021—2030年）的通知", "2023-04-27", "规划", 21, "市政府办公室文件"],
  ["朔政办发〔2023〕16号", "朔州市人民政府办公室关于印发朔州市“一老一小”整体解决方案的通知", "2023-05-08", "方案", 53, "市政府办公室文件"],
  ["朔政办发〔2023〕17号", "朔州市人民政府办公室关于印发朔州市进一步优化营商环境降低市场主体制度性交易成本工作方案的通知", "2023-05-13", "方案", 68, "市政府办公室文件"],
  ["朔政办发〔2023〕18号", "朔州市人民政府办公室关于印发朔州市新污染物治理行动方案的通知", "2023-05-13", "方案", 76, "市政府办公室文件"],
  ["朔政办发〔2023〕19号", "朔州市人民政府办公室关于印发朔州市促进专业镇高质量发展实施方案的通知", "2023-05-19", "方案", 80, "市政府办公室文件"],
  ["朔政办发〔2023〕20号", "朔州市人民政府办公室关于印发朔州市重点产业链及产业链链长工作机制实施方案的通知", "2023-05-19", "方案", 90, "市政府办公室文件"],
  ["朔政办发〔2023〕21号", "朔州市人民政府办公室关于启用山西省第十六届运动会朔州市执行委员会办公室印章的通知", "2023-05-30", "印章", 94, "市政府办公室文件"],
  ["朔政办发〔2023〕22号", "朔州市人民政府办公室关于印发《山西省第十六届运动会朔州市执行委员会工作方案》的通知", "2023-05-31", "方案", 95, "市政府办公室文件"],
  ["朔政办函〔2023〕20号", "朔州市人民政府办公室关于调整朔州市服务业发展领导小组的通知", "2023-04-25", "领导小组", 104, "市政府办公室文件"],
  ["朔政办函〔2023〕24号", "朔州市人民政府办公室关于调整朔州市招生考试委员会组成人员的通知", "2023-04-27", "领导小组", 107, "市政府办公室文件"],
  ["朔政办函〔2023〕31号", "朔州市人民政府办公室关于成立朔州市分布式能源发展工作专班的通知", "2023-06-02", "领导小组", 108, "市政府办公室文件"],
  ["朔政办函〔2023〕33号", "朔州市人民政府办公室关于成立朔州市第五次全国经济普查领导小组的通知", "2023-06-11", "领导小组", 109, "市政府办公室文件"],
];

describe("seed issue 2023年第3期", () => {
  it("reads the masthead (NOTES §1.1)", () => {
    expect(seed().issue).toEqual({
      id: "2023-03",
      title: "朔州市人民政府公报",
      year: 2023,
      number: 3,
      totalNumber: 23,
      publishedDate: "2023-06-28",
      sourceFile: "shuozhou-gazette-2023-03.txt",
    });
  });

  it("finds exactly the 20 documents, in body order", () => {
    expect(seed().documents.map((d) => d.docNumber)).toEqual(INVENTORY.map((r) => r[0]));
  });

  it.each(INVENTORY)("%s: title, date, type, TOC page and section", (docNumber, title, date, type, page, section) => {
    const d = doc(docNumber);
    expect(d.title).toBe(title);
    expect(d.date).toBe(date);
    expect(d.type).toBe(type);
    expect(d.gazette).toEqual({ issueId: "2023-03", page, section });
    expect(d.form).toBe(title.endsWith("批复") ? "批复" : "通知");
    expect(d.issuer).toBe(title.startsWith("朔州市人民政府办公室") ? "朔州市人民政府办公室" : "朔州市人民政府");
    expect(d.disclosure).toBe("此件公开发布");
  });

  it("derives stable ASCII ids from the 文号", () => {
    expect(seed().documents.map((d) => d.id)).toEqual([
      "szf-2023-16", "szh-2023-38", "szh-2023-46", "szh-2023-47", "szh-2023-49", "szgf-2023-3",
      "szbf-2023-13", "szbf-2023-14", "szbf-2023-15", "szbf-2023-16", "szbf-2023-17", "szbf-2023-18",
      "szbf-2023-19", "szbf-2023-20", "szbf-2023-21", "szbf-2023-22", "szbh-2023-20", "szbh-2023-24",
      "szbh-2023-31", "szbh-2023-33",
    ]);
    for (const d of seed().documents) expect(d.id).toMatch(/^[a-z0-9-]+$/);
  });

  it("splits addressees on ，and keeps 各县（市、区）人民政府 whole, also for half-width and wrapped lines", () => {
    expect(doc("朔政发〔2023〕16号").addressees).toEqual(["各县（市、区）人民政府", "朔州经济开发区管委会", "市直各有关单位"]);
    expect(doc("朔政办发〔2023〕19号").addressees).toEqual(["各县（市、区）人民政府", "朔州经济开发区管委会", "市直各相关单位"]);
    expect(doc("朔政办函〔2023〕33号").addressees).toEqual(["各县（市、区）人民政府", "朔州经济开发区管委会", "市直及驻朔各有关单位"]);
    expect(doc("朔政办函〔2023〕24号").addressees).toEqual(["市招生考试委员会各成员单位", "各县（市、区）招生考试委员会"]);
  });

  it("reads the attached-text titles of the 印发 notices", () => {
    expect(doc("朔政发〔2023〕16号").attachedTitle).toBe("朔州市“十四五”残疾人保障和发展规划");
    expect(doc("朔政办发〔2023〕15号").attachedTitle).toBe("朔州市森林草原防灭火规划（2021—2030年）");
    expect(doc("朔政办发〔2023〕22号").attachedTitle).toBe("山西省第十六届运动会朔州市执行委员会工作方案");
    expect(doc("朔政办发〔2023〕14号").attachedTitle).toBe("2023年《政府工作报告》重点工作任务分解方案");
    expect(doc("朔政函〔2023〕38号").attachedTitle).toBeNull();
  });

  it("reads the governed period and 到YYYY年 targets", () => {
    expect(doc("朔政办发〔2023〕15号").period).toMatchObject({ startYear: 2021, endYear: 2030 });
    expect(doc("朔政发〔2023〕16号").period).toMatchObject({ startYear: 2021, endYear: 2025, source: "“十四五”" });
    expect(doc("朔政发〔2023〕16号").targetYears).toEqual([2025, 2035]);
    expect(doc("朔政函〔2023〕38号").period).toBeNull();
  });

  it("lists attachments that are only online (见网络版)", () => {
    expect(doc("朔政办发〔2023〕14号").onlineOnlyAttachments).toEqual(["2023年《政府工作报告》重点工作任务分解方案"]);
    expect(doc("朔政办发〔2023〕15号").onlineOnlyAttachments).toHaveLength(6);
    expect(doc("朔政办发〔2023〕16号").onlineOnlyAttachments).toHaveLength(8);
    expect(doc("朔政办发〔2023〕20号").onlineOnlyAttachments).toEqual(["重点产业链“链主”企业及链长分工安排", expect.any(String)]);
  });

  it("keeps the source line ranges of NOTES §2 (D20 includes its displaced tail)", () => {
    expect(doc("朔政发〔2023〕16号").sourceLines).toEqual([85, 387]);
    expect(doc("朔政办发〔2023〕15号").sourceLines).toEqual([665, 1618]);
    expect(doc("朔政办函〔2023〕33号").sourceLines).toEqual([3225, 3333]);
  });

  it("reports the TOC/body number mismatch 千/干 at TOC line 83, the displaced block and the English leak", () => {
    const w = seed().warnings;
    expect(w).toContainEqual(expect.objectContaining({ code: "toc-mismatch", line: 83, file: "shuozhou-gazette-2023-03.txt" }));
    expect(w).toContainEqual(expect.objectContaining({ code: "displaced-block", line: 3331 }));
    expect(w).toContainEqual(expect.objectContaining({ code: "suspected-leak", line: 2709 }));
    expect(w.every((x) => x.file === "shuozhou-gazette-2023-03.txt")).toBe(true);
  });

  it("joins paragraphs so that doc.text is the paragraphs joined by newlines, with exact offsets", () => {
    for (const d of seed().documents) {
      expect(d.text).toBe(d.paragraphs.map((p) => p.text).join("\n"));
      for (const p of d.paragraphs) expect(d.text.slice(p.start, p.end)).toBe(p.text);
    }
  });
});
