import { describe, expect, it } from "vitest";
import { looseText, scoreExtraction } from "../../src/benefits/evaluate";
import { AUDIENCES, BENEFIT_KINDS } from "../../src/benefits/types";
import { splitSentences as clauseSentences } from "../../src/text/sentences";
import { expectedFile, seedClauses, seedCorpus } from "./corpus";

describe("the reviewed expected-clause list (eval/benefits-expected.json)", () => {
  const file = expectedFile();
  const corpus = seedCorpus();

  it("holds at least 40 clauses with known audiences and kinds", () => {
    expect(file.clauses.length).toBeGreaterThanOrEqual(40);
    expect(file.audiences).toEqual([...AUDIENCES]);
    expect(file.kinds).toEqual([...BENEFIT_KINDS]);
    for (const e of file.clauses) {
      expect(AUDIENCES).toContain(e.audience);
      expect(BENEFIT_KINDS).toContain(e.kind);
    }
  });

  it("identifies each clause by a verbatim 8–40 character snippet of exactly one sentence of its document", () => {
    for (const e of file.clauses) {
      const doc = corpus.documents.find((d) => d.docNumber === e.docNumber);
      expect(doc, e.docNumber).toBeDefined();
      expect([...e.snippet].length).toBeGreaterThanOrEqual(8);
      expect([...e.snippet].length).toBeLessThanOrEqual(40);
      expect(doc!.text.includes(e.snippet), e.snippet).toBe(true);
      const sentences = doc!.paragraphs
        .filter((p) => p.kind !== "heading" && (!e.section || (p.sectionPath.at(-1) ?? "").includes(e.section)))
        .flatMap((p) => clauseSentences(p.text).map((s) => s.text))
        .filter((s) => looseText(s).includes(looseText(e.snippet)));
      expect(sentences, e.snippet).toHaveLength(1);
    }
  });
});

describe("benefit clause extraction over the seed gazette", () => {
  const clauses = seedClauses();
  const corpus = seedCorpus();
  const chunks = new Map(corpus.chunks.map((c) => [c.id, c]));

  it("reaches precision ≥ 0.9 and recall ≥ 0.85 against the expected list", () => {
    const score = scoreExtraction(clauses, expectedFile().clauses);
    // Named in the message so a regression shows what to review.
    const extra = score.extra.map((c) => c.source.sentence.slice(0, 40));
    const missed = score.missed.map((e) => e.snippet);
    expect(score.precision, `extra: ${extra.join(" | ")}`).toBeGreaterThanOrEqual(0.9);
    expect(score.recall, `missed: ${missed.join(" | ")}`).toBeGreaterThanOrEqual(0.85);
    expect(score.audienceAgreement).toBeGreaterThanOrEqual(0.9);
    expect(score.kindAgreement).toBeGreaterThanOrEqual(0.8);
  });

  it("quotes every clause sentence verbatim from its cited chunk, at the cited offsets", () => {
    for (const c of clauses) {
      const chunk = chunks.get(c.source.chunkId)!;
      expect(chunk, c.id).toBeDefined();
      expect(chunk.text.slice(c.source.start, c.source.end)).toBe(c.source.sentence);
      expect(c.source).toMatchObject({ docId: chunk.docId, docNumber: chunk.docNumber, docTitle: chunk.docTitle });
    }
  });

  it("keeps condition, beneficiary, benefit and amounts as written in the sentence", () => {
    for (const c of clauses) {
      const s = c.source.sentence;
      expect(s.includes(c.benefit), c.id).toBe(true);
      if (c.condition) expect(s.includes(c.condition), c.id).toBe(true);
      if (c.beneficiary) expect(s.includes(c.beneficiary), c.id).toBe(true);
      for (const a of c.amounts) expect(s.includes(a), `${c.id} ${a}`).toBe(true);
      for (const u of c.unchecked) expect(s.includes(u.text), `${c.id} ${u.text}`).toBe(true);
    }
  });

  it("gives stable, unique ids derived from the chunk id and the sentence ordinal", () => {
    const ids = clauses.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of clauses) expect(c.id).toMatch(new RegExp(`^${c.source.chunkId}-b\\d+$`));
    expect(seedClauses()).toBe(clauses);
  });

  it("reads the examples of NOTES §7.1 with their audience, kind, condition and amount", () => {
    const find = (snippet: string) => clauses.find((c) => c.source.sentence.includes(snippet))!;
    const employer = find("对超比例安排残疾人就业的用人单位给予奖励");
    expect(employer).toMatchObject({ audiences: ["employer"], kind: "reward", condition: "对超比例安排残疾人就业的用人单位" });
    const rate = find("提高救助水平");
    expect(rate.amounts).toContain("5-10%");
    const tax = find("减按90%计入应纳税所得额");
    expect(tax.kind).toBe("exemption");
    expect(tax.audiences[0]).toBe("childcare-provider");
    expect(tax.amounts).toContain("90%");
    const guarantee = find("担保费率统一下降至1%以下");
    expect(guarantee.units.map((u) => u.name)).toEqual(["市政府金融办", "市财政局"]);
    const town = find("首次进入全国前10名的企业给予表彰");
    expect(town.requires).toContainEqual(expect.objectContaining({ flag: "inProfessionalTown", mandatory: true }));
    expect(town.unchecked.map((u) => u.text)).toContain("首次突破10亿元的");
  });

  it("takes responsible units from the clause's paragraph, and none for 专栏 items that name none", () => {
    const bus = clauses.find((c) => c.source.sentence.includes("免费乘坐市内公共汽车电车"))!;
    expect(bus.units.map((u) => u.name)).toContain("市残联");
    const box = clauses.find((c) => c.source.sentence.includes("对残疾评定给予补贴"))!;
    expect(box.units).toEqual([]);
  });

  it("extracts nothing from background, goal, roster or appointment passages", () => {
    for (const c of clauses) {
      expect(c.source.sectionPath.join("/")).not.toMatch(/发展现状|实施背景|发展基础|组成人员/);
      expect(c.source.docNumber).not.toBe("朔政干发〔2023〕3号");
    }
  });
});
