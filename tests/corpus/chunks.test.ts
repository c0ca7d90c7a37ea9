/** Chunk invariants on the real corpus, and determinism of the whole build. */
import { describe, expect, it } from "vitest";
import { buildCorpus, serialiseCorpus } from "../../src/corpus/build-corpus";
import { sentenceSpans } from "../../src/corpus/chunker";
import { CORPUS_FORMAT_VERSION, type Chunk, type Corpus } from "../../src/corpus/types";
import { checkChunkInvariants, SEED_NAME, seedSha256, seedText } from "./helpers";

let corpus: Corpus | null = null;
const build = () => (corpus ??= buildCorpus([{ name: SEED_NAME, text: seedText, sha256: seedSha256 }]));

describe("chunks", () => {
  it("cover slices of doc.text, never exceed 800 characters and never cross a top-level section", () => {
    checkChunkInvariants(build());
  });

  it("break only at paragraph or sentence ends (or at ， for a sentence over 800)", () => {
    const docs = new Map(build().documents.map((d) => [d.id, d]));
    for (const ch of build().chunks) {
      const d = docs.get(ch.docId)!;
      const before = d.text[ch.end - 1]!;
      const after = d.text[ch.end];
      const atParagraphEnd = after === undefined || after === "\n";
      expect(atParagraphEnd || /[。！？；，、”’）)》】]/.test(before), `${ch.id} ends with ${before}`).toBe(true);
    }
  });

  it("mostly hit the 150–500 target", () => {
    const sizes = build().chunks.map((c) => c.end - c.start);
    const inTarget = sizes.filter((s) => s >= 150 && s <= 500).length;
    expect(inTarget / sizes.length).toBeGreaterThan(0.6);
  });

  it("keep the heading with its first paragraph instead of emitting bare headings", () => {
    const bare = build().chunks.filter((c) => /^[一二三四五六七八九十]+、[^\n]*$/.test(c.text));
    expect(bare).toEqual([]);
    const c = build().chunks.find((x) => x.text.startsWith("二、总体要求"))!;
    expect(c.sectionPath).toEqual(["二、总体要求", "（一）指导思想"]);
  });

  it("keep a table row group together: the merged-column group of 专栏1 is one chunk", () => {
    const table: Chunk[] = build().chunks.filter((c) => c.kind === "table" && c.text.includes("类别：社会保障和基本公共服务"));
    expect(table).toHaveLength(1);
    expect(table[0]!.text.match(/类别：社会保障和基本公共服务/g)).toHaveLength(9);
  });

  it("carry document identity and section path", () => {
    const c = build().chunks.find((x) => x.text.includes("脱贫攻坚目标任务完成后"))!;
    expect(c).toMatchObject({ docId: "szf-2023-16", docNumber: "朔政发〔2023〕16号", kind: "text" });
    expect(c.sectionPath).toEqual(["三、主要任务", "（一）提高残疾人民生保障水平", "1. 巩固拓展残疾人脱贫攻坚成果"]);
  });

  it("have unique ids that do not change when an unrelated document changes", () => {
    const ids = build().chunks.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    const edited = seedText.replace("特此批复。", "特此批复，此处为无关修改。");
    const other = buildCorpus([{ name: SEED_NAME, text: edited, sha256: "x" }]);
    const d1 = (c: Corpus) => c.chunks.filter((x) => x.docId === "szf-2023-16").map((x) => `${x.id}|${x.text}`);
    expect(d1(other)).toEqual(d1(build()));
  });

  it("deduplicate units by canonical name and role", () => {
    for (const c of build().chunks) {
      const keys = c.units.map((u) => `${u.canonical}|${u.role}`);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });
});

describe("sentence spans", () => {
  it("keep a responsibility marker with the sentence it closes", () => {
    const t = "推进工作。（市发改委牵头负责）下一句。";
    expect(sentenceSpans(t, 800).map(([a, b]) => t.slice(a, b))).toEqual(["推进工作。（市发改委牵头负责）下一句。"]);
    const u = "第一句。第二句；第三句";
    expect(sentenceSpans(u, 800).map(([a, b]) => u.slice(a, b))).toEqual(["第一句。", "第二句；", "第三句"]);
  });
  it("cut a sentence longer than the maximum at a comma", () => {
    const t = `${"甲".repeat(500)}，${"乙".repeat(500)}。`;
    const spans = sentenceSpans(t, 800);
    expect(spans.map(([a, b]) => t.slice(a, b))).toEqual([`${"甲".repeat(500)}，`, `${"乙".repeat(500)}。`]);
  });
});

describe("buildCorpus", () => {
  it("is deterministic: two builds give byte-identical JSON", () => {
    const a = serialiseCorpus(buildCorpus([{ name: SEED_NAME, text: seedText, sha256: seedSha256 }]));
    const b = serialiseCorpus(buildCorpus([{ name: SEED_NAME, text: seedText, sha256: seedSha256 }]));
    expect(a === b).toBe(true);
  });
  it("records the format version, sources and issues, and sorts files by name", () => {
    const c = buildCorpus([
      { name: "b.txt", text: "", sha256: "2" },
      { name: SEED_NAME, text: seedText, sha256: seedSha256 },
    ]);
    expect(c.formatVersion).toBe(CORPUS_FORMAT_VERSION);
    expect(c.sources.map((s) => s.name)).toEqual(["b.txt", SEED_NAME]);
    expect(c.documents).toHaveLength(20);
    expect(c.warnings).toContainEqual(expect.objectContaining({ code: "not-a-gazette", file: "b.txt" }));
  });
});
