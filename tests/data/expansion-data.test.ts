/**
 * The query-understanding data files (src/data/): the colloquial → policy-term
 * expansion table and the query stopwords. They are curated by hand, so these
 * tests are the guard rails that keep a later edit from breaking retrieval.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseStopwords } from "../../src/search/analyzer";

const root = fileURLToPath(new URL("../../", import.meta.url));
const expansionText = readFileSync(`${root}src/data/query-expansion.json`, "utf8");
const stopwordText = readFileSync(`${root}src/data/stopwords.txt`, "utf8");
/** The seed gazette with line breaks removed: its words are often split across lines and blank lines. */
const seedCorpus = readFileSync(`${root}corpus/shuozhou-gazette-2023-03.txt`, "utf8").replace(/\n/g, "");

const entries = JSON.parse(expansionText) as unknown;
const stopwords = parseStopwords(stopwordText);

/** Words that carry retrieval meaning or question intent; they must survive stopword removal. */
const PROTECTED = [
  "补贴", "补助", "负责", "牵头", "单位", "部门", "配合", "参与", "责任", "办理", "申请", "条件", "标准",
  "政策", "残疾人", "老年人", "儿童", "企业", "谁", "哪个单位", "哪个部门", "多少", "什么时候", "时间",
  "不", "没有", "要求", "期限",
];
/** Stopwords the query parser relies on (brief of issue 3). */
const REQUIRED_STOPWORDS = [
  "的", "了", "吗", "呢", "啊", "吧", "怎么", "怎么办", "什么", "哪些", "哪个", "如何", "可以", "能", "能不能",
  "有没有", "请问", "我", "我们", "你好", "一下", "这个", "那个", "是", "在", "和", "与", "及", "等",
];

interface Entry {
  colloquial: string;
  terms: string[];
}

function isEntry(value: unknown): value is Entry {
  if (typeof value !== "object" || value === null) return false;
  const { colloquial, terms } = value as Record<string, unknown>;
  return (
    typeof colloquial === "string" &&
    colloquial.trim() === colloquial &&
    colloquial.length > 0 &&
    Array.isArray(terms) &&
    terms.length > 0 &&
    terms.every((t) => typeof t === "string" && t.trim() === t && t.length > 0)
  );
}

const table: Entry[] = Array.isArray(entries) ? entries.filter(isEntry) : [];

describe("the colloquial → policy-term expansion table", () => {
  it("is a JSON array of {colloquial, terms[]} rows with non-empty, trimmed strings", () => {
    expect(Array.isArray(entries)).toBe(true);
    expect(table).toHaveLength((entries as unknown[]).length);
  });

  it("has at least 100 entries", () => {
    expect(table.length).toBeGreaterThanOrEqual(100);
  });

  it("has no duplicate colloquial keys", () => {
    const keys = table.map((e) => e.colloquial);
    const duplicates = keys.filter((k, i) => keys.indexOf(k) !== i);
    expect(duplicates).toEqual([]);
  });

  it("never maps a key to itself and never repeats a term within a row", () => {
    for (const e of table) {
      expect(e.terms, e.colloquial).not.toContain(e.colloquial);
      expect(new Set(e.terms).size, e.colloquial).toBe(e.terms.length);
    }
  });

  it("only expands to terms that occur in the seed gazette (line breaks removed)", () => {
    const missing = table.flatMap((e) => e.terms.filter((t) => !seedCorpus.includes(t)).map((t) => `${e.colloquial}→${t}`));
    expect(missing).toEqual([]);
  });

  it("uses no stopword as a key or a term, so expansions survive analysis", () => {
    const clashes = table.flatMap((e) => [e.colloquial, ...e.terms]).filter((w) => stopwords.has(w));
    expect(clashes).toEqual([]);
  });

  it("covers the phrasings the brief names", () => {
    const byKey = new Map(table.map((e) => [e.colloquial, e.terms]));
    expect(byKey.get("老人")).toEqual(expect.arrayContaining(["老年人", "养老"]));
    expect(byKey.get("带娃")).toContain("托育");
    expect(byKey.get("低保")).toContain("最低生活保障");
    expect(byKey.get("房本")).toEqual(expect.arrayContaining(["不动产权证书", "房证同交"]));
    expect(byKey.get("山火")).toContain("森林草原防灭火");
    expect(byKey.get("轮椅")).toContain("辅助器具");
    expect(byKey.get("运动会")).toContain("省运会");
  });
});

describe("the query stopword list", () => {
  it("contains the question filler the query parser relies on", () => {
    expect(REQUIRED_STOPWORDS.filter((w) => !stopwords.has(w))).toEqual([]);
  });

  it("contains none of the words that carry meaning or intent", () => {
    expect(PROTECTED.filter((w) => stopwords.has(w))).toEqual([]);
  });

  it("lists only Chinese words, each once (punctuation is handled elsewhere)", () => {
    const listed = stopwordText
      .split("\n")
      .map((l) => l.replace(/#.*/, "").trim())
      .filter(Boolean);
    expect(listed.filter((w) => !/^[\u4e00-\u9fff]+$/.test(w))).toEqual([]);
    expect(listed.length).toBe(stopwords.size);
  });
});
