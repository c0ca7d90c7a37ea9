/**
 * A build over the seed gazette plus two generated issues in mixed formats
 * (PDF, Word, a web page) and some unreadable files: one document printed in
 * two issues, one printed as PDF and as a web page, one that repeals a seed
 * document. Answers come from each issue and cite the right issue and page.
 */
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { answerQuestion } from "../../src/answer/compose";
import { replacementNotice } from "../../src/answer/replaced";
import { buildIndex } from "../../src/cli/build-index";
import { buildCorpus, serialiseCorpus } from "../../src/corpus/build-corpus";
import type { Corpus } from "../../src/corpus/types";
import type { Engine } from "../../src/engine/engine";
import { createApp } from "../../src/http/app";
import { loadEngine } from "../../src/node/load-engine";
import { readCorpusFolder } from "../../src/node/read-corpus";

const ROOT = resolve(import.meta.dirname, "../..");
const FIXTURES = join(ROOT, "tests/fixtures/ingest");

let corpus: Corpus;
let engine: Engine;
let skippedCount = 0;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "policy-qa-ingest-"));
  const corpusDir = join(dir, "corpus");
  mkdirSync(join(corpusDir, "2024"), { recursive: true });
  copyFileSync(join(ROOT, "corpus/shuozhou-gazette-2023-03.txt"), join(corpusDir, "shuozhou-gazette-2023-03.txt"));
  cpSync(join(FIXTURES, "files"), join(corpusDir, "2024"), { recursive: true });
  cpSync(join(FIXTURES, "bad"), join(corpusDir, "bad"), { recursive: true });
  const folder = await readCorpusFolder(corpusDir);
  skippedCount = folder.skipped.length;
  corpus = buildCorpus(folder.files, folder.skipped);
  const corpusPath = join(dir, "corpus.json");
  writeFileSync(corpusPath, serialiseCorpus(corpus));
  const indexDir = join(dir, "index");
  await buildIndex({ corpusPath, indexDir, modelsDir: join(dir, "no-models"), modelId: null, log: () => {} });
  engine = await loadEngine({ indexDir, corpusPath });
}, 120_000);

const byNumber = (n: string) => corpus.documents.find((d) => d.docNumber === n)!;

describe("many issues, one corpus", () => {
  it("reads every format in subfolders and skips the unreadable files with their reasons", () => {
    expect(corpus.sources.map((s) => [s.name, s.format])).toEqual([
      ["2024/cmap-unigb-ucs2.pdf", "pdf"],
      ["2024/gazette-2024-01.pdf", "pdf"],
      ["2024/gazette-2024-02.docx", "docx"],
      ["2024/web/szbf-2024-3.html", "html"],
      ["shuozhou-gazette-2023-03.txt", "txt"],
    ]);
    expect(skippedCount).toBe(5);
    expect(corpus.skipped.map((s) => [s.file, s.reason])).toEqual([
      ["bad/encrypted.pdf", "encrypted"],
      ["bad/legacy.doc", "unsupported-format"],
      ["bad/notice-really-html.pdf", "wrong-format"],
      ["bad/scanned.pdf", "no-text-layer"],
      ["bad/truncated.pdf", "corrupt"],
    ]);
    expect(corpus.issues.map((i) => i.id)).toEqual(["2024-01", "2024-02", "2023-03"]);
  });

  it("keeps the seed's documents and chunks exactly (ids and text)", async () => {
    const seedOnly = JSON.parse(await import("node:fs").then((fs) => fs.readFileSync(join(ROOT, "corpus/corpus.json"), "utf8"))) as Corpus;
    const ids = new Set(corpus.chunks.map((c) => `${c.id}\u0000${c.text}`));
    for (const c of seedOnly.chunks) if (c.docId !== "szh-2023-38") expect(ids.has(`${c.id}\u0000${c.text}`), c.id).toBe(true);
  });

  it("merges a document printed in two issues into one, with both sources", () => {
    const reprinted = corpus.documents.filter((d) => d.docNumber === "朔政函〔2023〕38号");
    expect(reprinted).toHaveLength(1);
    expect(reprinted[0]!.sources.map((s) => [s.file, s.issueId])).toEqual([
      ["2024/gazette-2024-01.pdf", "2024-01"],
      ["shuozhou-gazette-2023-03.txt", "2023-03"],
    ]);
  });

  it("merges the PDF and the web page of one document, the gazette text first", () => {
    const d = byNumber("朔政办发〔2024〕3号");
    expect(corpus.documents.filter((x) => x.docNumber === d.docNumber)).toHaveLength(1);
    expect(d.sources.map((s) => s.format)).toEqual(["pdf", "html"]);
    expect(d.sources[1]!.fields["索引号"]).toBe("11140600MB1957681X/2024-00317");
  });

  it("links the repealing and the repealed document both ways", () => {
    const later = byNumber("朔政办发〔2024〕3号");
    const earlier = byNumber("朔政办发〔2023〕13号");
    expect(later.replaces).toEqual([expect.objectContaining({ docId: earlier.id, docNumber: "朔政办发〔2023〕13号", relation: "废止" })]);
    expect(earlier.replacedBy).toEqual([expect.objectContaining({ docId: later.id, relation: "废止" })]);
    expect(later.replaces[0]!.sentence).toContain("同时废止");
    // No other seed document is said to be replaced.
    expect(corpus.documents.filter((d) => d.replacedBy.length > 0).map((d) => d.docNumber)).toEqual(["朔政办发〔2023〕13号"]);
  });

  it("says in a notice that a cited document was replaced, and by which", () => {
    const byId = new Map(corpus.documents.map((d) => [d.id, d]));
    const notice = replacementNotice([byNumber("朔政办发〔2023〕13号")], byId);
    expect(notice).toContain("朔政办发〔2023〕13号");
    expect(notice).toContain("《朔州市人民政府办公室关于印发朔州市“房证同交”“地证同交”实施方案（2024年修订）的通知》（朔政办发〔2024〕3号）");
    expect(notice).toContain("2024年1月15日");
    expect(notice).toContain("废止");
    expect(replacementNotice([byNumber("朔政发〔2023〕16号"), byNumber("朔政办发〔2024〕3号")], byId)).toBeNull();
  });
});

describe("answers from each issue cite the right issue and page", () => {
  const cases: Array<{ question: string; docNumber: string; issueId: string; paged: boolean }> = [
    { question: "修订后的“房证同交”实施方案中，市城市管理局负责什么？", docNumber: "朔政办发〔2024〕3号", issueId: "2024-01", paged: true },
    { question: "2024年修订的新污染物治理行动方案的指导思想是什么？", docNumber: "朔政办发〔2024〕9号", issueId: "2024-02", paged: false },
    { question: "残疾人两项补贴资格认定申请跨省通办", docNumber: "朔政发〔2023〕16号", issueId: "2023-03", paged: false },
  ];
  for (const c of cases) {
    it(`${c.question} → ${c.docNumber} (${c.issueId})`, async () => {
      const answer = await answerQuestion(engine, { question: c.question, topK: 5 });
      expect(answer.answered).toBe(true);
      const cited = answer.citations.find((x) => x.docNumber === c.docNumber);
      expect(cited, answer.citations.map((x) => x.docNumber).join(",")).toBeDefined();
      expect(cited!.issueId).toBe(c.issueId);
      const chunk = corpus.chunks.find((x) => x.id === cited!.chunkId)!;
      expect(cited!.page).toBe(chunk.page);
      if (c.paged) {
        // The PDF page where the passage starts: its first words are printed on that page of the fixture.
        expect(cited!.page).toBeGreaterThanOrEqual(byNumber(c.docNumber).sources[0]!.page!);
      } else expect(cited!.page).toBeNull();
    });
  }

  it("/api/documents filters by issue and by format; /api/documents/:id lists sources and links", async () => {
    const app = createApp({ engine: () => engine });
    const list = async (q: string) => ((await (await app.request(`/api/documents${q}`)).json()) as { documents: Array<{ docNumber: string }> }).documents.map((d) => d.docNumber);
    expect(await list("?issue=2024-01")).toEqual(["朔政函〔2023〕38号", "朔政办发〔2024〕3号"]);
    expect(await list("?format=html")).toEqual(["朔政办发〔2024〕3号"]);
    expect(await list("?format=docx")).toEqual(["朔政办发〔2024〕9号"]);
    expect((await list("?issue=2023-03")).length).toBe(20);
    expect(await list("?issue=2024-02&format=pdf")).toEqual([]);
    const bad = await app.request("/api/documents?format=doc");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe("invalid-request");
    const detail = (await (await app.request("/api/documents/szbf-2023-13")).json()) as { replacedBy: Array<{ docNumber: string }> };
    expect(detail.replacedBy.map((l) => l.docNumber)).toEqual(["朔政办发〔2024〕3号"]);
  });
});
