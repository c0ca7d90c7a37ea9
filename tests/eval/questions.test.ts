import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Corpus } from "../../src/corpus/types";
import {
  DEFAULT_REQUIREMENTS,
  checkQuestionSet,
  expectedSplit,
  locateSourceDocuments,
  normalizeForMatch,
  parseJsonl,
  splitForUnit,
  withComputedSplits,
} from "../../eval/check-questions";
import type { CheckInput, QuestionSetRequirements } from "../../eval/check-questions";
import { questionRecordSchema } from "../../eval/questions-schema";
import type { QuestionRecord } from "../../eval/questions-schema";

const root = new URL("../../", import.meta.url);
const gazette = readFileSync(new URL("corpus/shuozhou-gazette-2023-03.txt", root), "utf8");
const questionsText = readFileSync(new URL("eval/questions.jsonl", root), "utf8");
const corpusJsonUrl = new URL("corpus/corpus.json", root);

// ---------------------------------------------------------------------------
// A two-document gazette in the real layout, with the real artefacts:
// half-width punctuation, a spaced name, a paragraph broken across a blank line.

const FIXTURE_GAZETTE = [
  "朔州市人民政府 关于印发残疾人就业办法的通知",
  "",
  "朔政发〔2023〕1号",
  "",
  "各县（市、区）人民政府：",
  "",
  "对正式招录（聘）残疾人的用人单位，按规定给予一次性吸纳就业补贴。(牵头单位:市人社局;参与单位:市残联)",
  "",
  "副组长：刘 亮 市委常委、副市长",
  "",
  "朔州市人民政府",
  "",
  "2023年5月6日",
  "",
  "（此件公开发布）",
  "",
  "朔州市人民政府办公室",
  "",
  "关于印发养老服务方案的通知",
  "",
  "朔政办发〔2023〕2号",
  "",
  "各县（市、区）人民政府：",
  "",
  "养老机构用水、用电、用气按居民生活类价格执",
  "",
  "行，由市发改委负责。",
  "",
  "（此件公开发布）",
  "",
  "《朔州市人民政府公报》简介",
].join("\n");

const fixtureSources = [{ name: "fixture.txt", text: FIXTURE_GAZETTE }];

/** Only the record-level checks: set-level quotas do not apply to a handful of fixtures. */
const RECORD_CHECKS_ONLY: QuestionSetRequirements = {
  ...DEFAULT_REQUIREMENTS,
  minQuestions: 0,
  personaTolerance: 1,
  minUnanswerable: 0,
  minPairs: 0,
  minQuestionsPerDocument: 0,
  testShareOverall: [0, 1],
  testShareStratum: [0, 1],
};

function question(overrides: Partial<QuestionRecord> & { id: string }): QuestionRecord {
  const base: QuestionRecord = {
    id: overrides.id,
    persona: "enterprise",
    question: "公司招残疾员工政府给钱吗",
    answerable: true,
    docNumbers: ["朔政发〔2023〕1号"],
    snippets: ["按规定给予一次性吸纳就业补贴"],
    intent: "entitlement",
    split: "dev",
  };
  const record = { ...base, ...overrides };
  return { ...record, split: overrides.split ?? expectedSplit(record) };
}

function check(records: unknown[], extra: Partial<CheckInput> = {}, requirements = RECORD_CHECKS_ONLY) {
  return checkQuestionSet({ records, sources: fixtureSources, ...extra }, requirements);
}

function messages(report: ReturnType<typeof check>): string[] {
  return report.errors.map((issue) => `${issue.questionId}: ${issue.message}${issue.snippet ? ` [${issue.snippet}]` : ""}`);
}

// ---------------------------------------------------------------------------

describe("the shipped question set (eval/questions.jsonl)", () => {
  const parsed = parseJsonl(questionsText);
  const corpus = existsSync(corpusJsonUrl) ? (JSON.parse(readFileSync(corpusJsonUrl, "utf8")) as Corpus) : null;
  const report = checkQuestionSet({ records: parsed.records, sources: [{ name: "gazette", text: gazette }], corpus });
  const records = parsed.records.map((raw) => questionRecordSchema.parse(raw));

  it("is valid JSON on every line", () => {
    expect(parsed.errors).toEqual([]);
  });

  it("passes every gold check against the gazette (and corpus.json when it exists)", () => {
    expect(messages(report)).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it("makes every one of the 20 documents gold for at least one question", () => {
    expect(report.summary.byDocument).toHaveLength(20);
    expect(report.summary.byDocument.filter((row) => row.total === 0)).toEqual([]);
  });

  it("mixes citizens, hotline operators and enterprises about 40/30/30", () => {
    const share = (persona: string) => records.filter((record) => record.persona === persona).length / records.length;
    expect(records.length).toBeGreaterThanOrEqual(170);
    expect(share("citizen")).toBeCloseTo(0.4, 1);
    expect(share("operator")).toBeCloseTo(0.3, 1);
    expect(share("enterprise")).toBeCloseTo(0.3, 1);
  });

  it("holds at least 30 questions the corpus does not answer and 20 paraphrase pairs", () => {
    expect(records.filter((record) => !record.answerable).length).toBeGreaterThanOrEqual(30);
    expect(report.summary.pairs).toBeGreaterThanOrEqual(20);
  });

  it("keeps both halves of every paraphrase pair in the same split", () => {
    const splitsByPair = new Map<string, Set<string>>();
    for (const record of records) {
      if (record.pairId) splitsByPair.set(record.pairId, (splitsByPair.get(record.pairId) ?? new Set()).add(record.split));
    }
    for (const [pairId, splits] of splitsByPair) expect(splits.size, pairId).toBe(1);
  });

  it("stores exactly the seeded split, so --write-splits is a no-op", () => {
    expect(withComputedSplits(questionsText)).toBe(questionsText.endsWith("\n") ? questionsText : `${questionsText}\n`);
  });
});

describe("normalizeForMatch", () => {
  it("compares text across full/half-width punctuation, padded names and line breaks", () => {
    expect(normalizeForMatch("(牵头单位:市民政局、市残联;参与单位:市财政局)")).toBe(
      normalizeForMatch("（牵头单位：市民政局、市残联；参与单位：市财政局）"),
    );
    expect(normalizeForMatch("副组长：刘 亮 市委常委")).toBe(normalizeForMatch("副组长刘亮市委常委"));
    expect(normalizeForMatch("最低生活保\n\n障，17万人次")).toBe("最低生活保障17万人次");
  });

  it("keeps digits, letters and mathematical symbols, which carry meaning", () => {
    expect(normalizeForMatch("推行7×24小时")).toBe("推行7×24小时");
    expect(normalizeForMatch("PPP项目")).toBe("ppp项目");
  });
});

describe("locateSourceDocuments", () => {
  const spans = locateSourceDocuments({ name: "gazette", text: gazette });

  it("finds the 20 documents of issue 2023-03 by their number lines, in body order", () => {
    expect(spans.map((span) => span.docNumber)).toHaveLength(20);
    expect(spans[0]).toMatchObject({ docNumber: "朔政发〔2023〕16号", startLine: 85 });
    expect(spans[5]).toMatchObject({ docNumber: "朔政干发〔2023〕3号", startLine: 469 });
    expect(spans[19]).toMatchObject({ docNumber: "朔政办函〔2023〕33号", startLine: 3225 });
  });

  it("starts a split title at its issuer line and keeps the displaced block inside the last document", () => {
    const forestPlan = spans.find((span) => span.docNumber === "朔政办发〔2023〕15号")!;
    expect(forestPlan.startLine).toBe(665);
    const census = spans[19]!;
    expect(census.normalized).toContain(normalizeForMatch("领导小组办公室设在市统计局"));
    expect(census.normalized).not.toContain(normalizeForMatch("公报》简介"));
  });
});

describe("checkQuestionSet on single records", () => {
  it("accepts a record whose snippets are verbatim text of its gold document", () => {
    const report = check([
      question({ id: "q001" }),
      question({ id: "q002", snippets: ["用水、用电、用气按居民生活类价格执行"], docNumbers: ["朔政办发〔2023〕2号"], question: "养老院水电按啥价" }),
    ]);
    expect(messages(report)).toEqual([]);
  });

  it("names the question and snippet when a snippet is not in the corpus", () => {
    const report = check([question({ id: "q007", snippets: ["按规定给予两次性吸纳就业补贴"] })]);
    expect(report.errors).toEqual([
      expect.objectContaining({ questionId: "q007", snippet: "按规定给予两次性吸纳就业补贴", message: expect.stringContaining("does not occur") }),
    ]);
  });

  it("rejects a snippet that exists only in another document", () => {
    const report = check([question({ id: "q003", snippets: ["按居民生活类价格执行"] })]);
    expect(messages(report)).toEqual([expect.stringContaining("occurs in 朔政办发〔2023〕2号 but not in gold 朔政发〔2023〕1号")]);
  });

  it("warns, without failing, when a snippet only matches across a broken line", () => {
    const report = check([
      question({ id: "q004", docNumbers: ["朔政办发〔2023〕2号"], snippets: ["居民生活类价格执行由市发改委负责"], question: "养老院水电按啥价" }),
    ]);
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([expect.objectContaining({ questionId: "q004", message: expect.stringContaining("line break") })]);
  });

  it("rejects a gold document number that is not in the corpus", () => {
    const report = check([question({ id: "q005", docNumbers: ["朔政发〔2023〕99号"] })]);
    expect(messages(report)).toContainEqual(expect.stringContaining("朔政发〔2023〕99号 is not a document"));
  });

  it("rejects expected units that the gold document never writes", () => {
    const good = check([question({ id: "q006", units: ["市人社局", "市残联"] })]);
    const bad = check([question({ id: "q006", units: ["市民政局"] })]);
    expect(messages(good)).toEqual([]);
    expect(messages(bad)).toEqual([expect.stringContaining('unit "市民政局"')]);
  });

  it("rejects a citizen question that copies the document's wording", () => {
    const report = check([question({ id: "q008", persona: "citizen", question: "招残疾人能按规定给予一次性吸纳就业补贴吗" })]);
    expect(messages(report)).toEqual([expect.stringContaining("copies")]);
  });

  it("lets an operator use official terms", () => {
    const report = check([question({ id: "q009", persona: "operator", question: "正式招录残疾人的用人单位 一次性吸纳就业补贴" })]);
    expect(messages(report)).toEqual([]);
  });

  it("rejects records that break the schema, naming the field", () => {
    const report = check([
      { ...question({ id: "q010" }), persona: "journalist" },
      question({ id: "q011", snippets: [] }),
      { ...question({ id: "q012" }), answerable: false },
      { ...question({ id: "q013" }), snippets: ["太短了"] },
    ]);
    const text = messages(report).join("\n");
    expect(text).toContain("q010: schema: persona");
    expect(text).toContain("q011: schema: snippets");
    expect(text).toContain("q012: schema: answerable");
    expect(text).toContain("q013: schema: snippets.0");
  });

  it("rejects duplicate ids and duplicate question texts", () => {
    const report = check([question({ id: "q014" }), question({ id: "q014", question: "另一个问题的说法" }), question({ id: "q015" })]);
    expect(messages(report)).toEqual(["q014: duplicate id", "q015: same question text as q014"]);
  });

  it("rejects a stored split that differs from the seeded assignment", () => {
    const record = question({ id: "q016" });
    const flipped = { ...record, split: record.split === "dev" ? "test" : "dev" };
    expect(messages(check([flipped]))).toEqual([expect.stringContaining("--write-splits")]);
  });

  it("rejects a paraphrase pair with one member or with mixed answerability", () => {
    const lonely = check([question({ id: "q017", pairId: "p01" })]);
    expect(messages(lonely)).toEqual([expect.stringContaining("pair p01 has a single member")]);
    const mixed = check([
      question({ id: "q018", pairId: "p02" }),
      question({ id: "q019", pairId: "p02", question: "医保报销比例多少", answerable: false, docNumbers: [], snippets: [], intent: "general" }),
    ]);
    expect(messages(mixed)).toEqual([expect.stringContaining("mixes answerable and unanswerable")]);
  });
});

describe("checkQuestionSet on the whole set", () => {
  const unanswerable = (id: string, persona: QuestionRecord["persona"]) =>
    question({ id, persona, question: `公积金怎么提取${id}`, answerable: false, docNumbers: [], snippets: [], intent: "general" });

  it("reports a document no question is about, too few unanswerable questions and a skewed persona mix", () => {
    const requirements = { ...RECORD_CHECKS_ONLY, minQuestionsPerDocument: 1, minUnanswerable: 2, personaTolerance: 0.05 };
    const report = check([question({ id: "q020" }), unanswerable("q021", "enterprise")], {}, requirements);
    const text = messages(report).join("\n");
    expect(text).toContain("document 朔政办发〔2023〕2号 is gold for 0 questions");
    expect(text).toContain("only 1 unanswerable questions");
    expect(text).toContain("citizen share is 0.0%");
  });

  it("reports a test split far from 30 %", () => {
    const records = Array.from({ length: 10 }, (_, i) => unanswerable(`q${100 + i}`, "citizen")).map((record) => ({ ...record, split: "test" as const }));
    const report = check(records);
    const strict = check(records, {}, { ...RECORD_CHECKS_ONLY, testShareOverall: [0.25, 0.35] });
    expect(messages(report).some((line) => line.includes("test share"))).toBe(false);
    expect(messages(strict)).toContainEqual(expect.stringContaining("test share overall is 100.0%"));
  });
});

describe("checkQuestionSet against corpus.json", () => {
  const document = (docNumber: string, text: string) => ({ docNumber, text }) as Corpus["documents"][number];
  const chunk = (docNumber: string, text: string) => ({ docNumber, text }) as Corpus["chunks"][number];
  const corpusWith = (chunks: Corpus["chunks"]): Corpus =>
    ({
      documents: [
        document("朔政发〔2023〕1号", "对正式招录（聘）残疾人的用人单位，按规定给予一次性吸纳就业补贴。\n副组长：刘亮 市委常委、副市长"),
        document("朔政办发〔2023〕2号", "养老机构用水、用电、用气按居民生活类价格执行，由市发改委负责。"),
      ],
      chunks,
    }) as Corpus;

  it("accepts gold whose snippet lies within one chunk of the gold document", () => {
    const corpus = corpusWith([chunk("朔政发〔2023〕1号", "对正式招录（聘）残疾人的用人单位，按规定给予一次性吸纳就业补贴。")]);
    expect(messages(check([question({ id: "q030" })], { corpus }))).toEqual([]);
  });

  it("rejects gold whose snippets are all cut by chunk boundaries", () => {
    const corpus = corpusWith([
      chunk("朔政发〔2023〕1号", "对正式招录（聘）残疾人的用人单位，按规定给予一次性"),
      chunk("朔政发〔2023〕1号", "吸纳就业补贴。"),
    ]);
    expect(messages(check([question({ id: "q031" })], { corpus }))).toEqual([
      expect.stringContaining("q031: no snippet lies within a single corpus.json chunk"),
    ]);
  });

  it("rejects a gold document missing from corpus.json", () => {
    const corpus = { documents: [], chunks: [] } as unknown as Corpus;
    expect(messages(check([question({ id: "q032" })], { corpus }))).toContainEqual(expect.stringContaining("corpus.json has no document 朔政发〔2023〕1号"));
  });
});

describe("split assignment", () => {
  it("gives both halves of a pair the split of their pairId, whatever their ids", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^q\d{3}$/), fc.stringMatching(/^q\d{3}$/), fc.stringMatching(/^p\d{2}$/), (a, b, pairId) => {
        expect(expectedSplit({ id: a, pairId })).toBe(expectedSplit({ id: b, pairId }));
        expect(expectedSplit({ id: a, pairId })).toBe(splitForUnit(pairId));
      }),
    );
  });

  it("sends about 30 % of keys to test", () => {
    const keys = Array.from({ length: 5000 }, (_, i) => `q${i}`);
    const share = keys.filter((key) => splitForUnit(key) === "test").length / keys.length;
    expect(share).toBeGreaterThan(0.27);
    expect(share).toBeLessThan(0.33);
  });
});
