/**
 * Each generated fixture format (scripts/make-ingest-fixtures.ts) parses to the
 * same documents, numbers, dates and sections as its text version, with no
 * page furniture or site boilerplate inside any chunk; unreadable files are
 * skipped with the reason.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildCorpus } from "../../src/corpus/build-corpus";
import { parseGazette } from "../../src/corpus/parse-gazette";
import type { Corpus, PolicyDocument } from "../../src/corpus/types";
import { readHtml } from "../../src/ingest/html";
import { sniff } from "../../src/ingest/sniff";
import type { IngestedText } from "../../src/ingest/types";
import { readPdfPages } from "../../src/node/pdf-reader";
import { readCorpusFile } from "../../src/node/read-corpus";

const FIXTURES = resolve(import.meta.dirname, "../fixtures/ingest");
const bytes = (rel: string) => new Uint8Array(readFileSync(join(FIXTURES, rel)));
const squash = (s: string) => s.replace(/\s/g, "");

async function read(rel: string): Promise<IngestedText> {
  const r = await readCorpusFile(rel, bytes(rel));
  if (!r.ok) throw new Error(`${rel} was skipped: ${r.message}`);
  return r.value;
}

function textVersion(name: string): PolicyDocument[] {
  return parseGazette(name, readFileSync(join(FIXTURES, "text", name), "utf8")).documents;
}

/** One-file corpus, so chunks are built exactly as in a real build. */
function corpusOf(rel: string, v: IngestedText): Corpus {
  return buildCorpus([{ name: rel, text: v.text, sha256: "x", format: v.format, kind: v.kind, linePages: v.linePages, fields: v.fields }]);
}

/** The structure that must survive the format: number, title, issuer, date, every paragraph's text, kind and section. */
function expectSameDocument(actual: PolicyDocument | undefined, expected: PolicyDocument): void {
  expect(actual, `document ${expected.docNumber}`).toBeDefined();
  const a = actual!;
  expect({ docNumber: a.docNumber, title: a.title, issuer: a.issuer, date: a.date, attachedTitle: a.attachedTitle, type: a.type }).toEqual({
    docNumber: expected.docNumber,
    title: expected.title,
    issuer: expected.issuer,
    date: expected.date,
    attachedTitle: expected.attachedTitle,
    type: expected.type,
  });
  // Whitespace aside: a PDF cannot tell "到 2025 年底" wrapped after the space from "2025年底".
  expect(a.paragraphs.map((p) => [p.kind, squash(p.text), p.sectionPath])).toEqual(expected.paragraphs.map((p) => [p.kind, squash(p.text), p.sectionPath]));
  expect(a.outline.map((o) => o.path)).toEqual(expected.outline.map((o) => o.path));
}

const FURNITURE = [/朔州市人民政府公报\s*2024年第1期（测试样本）/, /—\s*\d+\s*—/];
const BOILERPLATE = [/打印本页/, /关闭窗口/, /网站标识码/, /ICP备/, /公网安备/, /分享到/, /您当前的位置/, /浏览次数/, /索\s*引\s*号/, /相关文件/, /字体：/];

describe("PDF gazette (headless Chromium print, running header and page-number footer)", () => {
  let pdf: IngestedText;
  let corpus: Corpus;
  const expected = textVersion("gazette-2024-01.txt");
  beforeAll(async () => {
    pdf = await read("files/gazette-2024-01.pdf");
    corpus = corpusOf("gazette-2024-01.pdf", pdf);
  });

  it("reads the issue's masthead like the text version", () => {
    expect(corpus.issues).toEqual([expect.objectContaining({ id: "2024-01", year: 2024, number: 1, totalNumber: 27, publishedDate: "2024-02-28" })]);
  });

  it("parses to the same documents, numbers, dates and sections as the text version", () => {
    expect(corpus.documents.map((d) => d.docNumber)).toEqual(expected.map((d) => d.docNumber));
    for (const d of expected) expectSameDocument(corpus.documents.find((x) => x.docNumber === d.docNumber), d);
  });

  it("removed the running header and the page numbers on every page, and none is left in a chunk", () => {
    const pages = new Set(pdf.linePages);
    expect(pages.size).toBeGreaterThan(5);
    expect(pdf.removed.filter((l) => /测试样本/.test(l)).length).toBe(Math.max(...[...pages].map(Number)));
    for (const chunk of corpus.chunks) for (const re of FURNITURE) expect(chunk.text, chunk.id).not.toMatch(re);
  });

  it("rejoined a paragraph the page break cut in two", async () => {
    expect(pdf.pageBreakJoins).toBeGreaterThan(0);
    // From the raw pages: the last body line of a page and the first of the next, inside one paragraph.
    const pages = await readPdfPages(bytes("files/gazette-2024-01.pdf"));
    const bodyLines = pages.map((p) => {
      const rows = p.items.filter((it) => it.height > 8 && it.str.trim() !== "").sort((x, y) => y.y - x.y || x.x - y.x);
      return rows.map((it) => it.str);
    });
    const paragraphs = corpus.documents.flatMap((d) => d.paragraphs.map((p) => squash(p.text)));
    let spanning = 0;
    for (let k = 0; k + 1 < bodyLines.length; k++) {
      const tail = squash(bodyLines[k]!.at(-1) ?? "");
      const head = squash(bodyLines[k + 1]![0] ?? "");
      if (tail === "" || head === "") continue;
      if (paragraphs.some((p) => p.includes(tail + head))) spanning++;
    }
    expect(spanning).toBeGreaterThan(0);
  });

  it("records the printed page where each document and each chunk starts, agreeing with the TOC", () => {
    for (const d of corpus.documents) {
      const source = d.sources[0]!;
      expect(source).toMatchObject({ file: "gazette-2024-01.pdf", format: "pdf", issueId: "2024-01" });
      expect(source.page).toBe(d.gazette.page);
    }
    const byDoc = new Map(corpus.documents.map((d) => [d.id, d]));
    for (const c of corpus.chunks) {
      expect(c.page).not.toBeNull();
      expect(c.page!).toBeGreaterThanOrEqual(byDoc.get(c.docId)!.sources[0]!.page!);
      expect(c.issueId).toBe("2024-01");
    }
    // Pages rise through a document.
    const pages = corpus.chunks.filter((c) => c.docId === "szbf-2024-3").map((c) => c.page!);
    expect(pages).toEqual([...pages].sort((a, b) => a - b));
    expect(new Set(pages).size).toBeGreaterThan(3);
  });
});

describe("PDF with a predefined Chinese CMap (UniGB-UCS2-H, non-embedded STSong-Light)", () => {
  it("extracts the Chinese text through the CMaps bundled with pdfjs-dist and parses the document", async () => {
    const v = await read("files/cmap-unigb-ucs2.pdf");
    expect(v.text).toContain("朔州市人民政府办公室关于印发测试样本的通知");
    expect(v.kind).toBe("document"); // no masthead: one document, not an issue
    const docs = parseGazette("cmap.pdf", v.text, { kind: "document" }).documents;
    expect(docs.map((d) => [d.docNumber, d.title, d.addressees])).toEqual([
      ["朔政办发〔2024〕99号", "朔州市人民政府办公室关于印发测试样本的通知", ["各县（市、区）人民政府", "市直各有关单位"]],
    ]);
  });
});

describe("web page in a government site's layout", () => {
  let page: IngestedText;
  let corpus: Corpus;
  const expected = textVersion("gazette-2024-01.txt").find((d) => d.docNumber === "朔政办发〔2024〕3号")!;
  beforeAll(async () => {
    page = await read("files/web/szbf-2024-3.html");
    corpus = corpusOf("web/szbf-2024-3.html", page);
  });

  it("reads the metadata table into fields", () => {
    expect(page.fields).toMatchObject({
      索引号: "11140600MB1957681X/2024-00317",
      发文机关: "朔州市人民政府办公室",
      成文日期: "2024年01月15日",
      发文字号: "朔政办发〔2024〕3号",
      主题分类: "城乡建设、环境保护\\住房",
    });
    expect(corpus.documents[0]!.sources[0]).toMatchObject({ format: "html", issueId: null, fields: page.fields });
  });

  it("finds the body by density and parses to the same document as the text version", () => {
    expect(corpus.documents).toHaveLength(1);
    expectSameDocument(corpus.documents[0], expected);
    expect(corpus.issues).toEqual([]);
  });

  it("keeps navigation, breadcrumbs, share/print links, sidebar and footer out of every chunk", () => {
    for (const chunk of corpus.chunks) for (const re of BOILERPLATE) expect(chunk.text, chunk.id).not.toMatch(re);
  });

  it("finds the body without relying on class names", () => {
    const html = readFileSync(join(FIXTURES, "files/web/szbf-2024-3.html"), "utf8").replace(/class="[^"]*"/g, 'class="x"').replace(/id="[^"]*"/g, "");
    const r = readHtml(html);
    expect(r.ok && r.value.text).toBe(page.text);
  });

  it("fills the document number from the metadata table when the body does not print it", () => {
    expect(readFileSync(join(FIXTURES, "files/web/szbf-2024-3.html"), "utf8")).not.toMatch(/<p[^>]*>朔政办发〔2024〕3号<\/p>/);
    expect(corpus.documents[0]!.docNumber).toBe("朔政办发〔2024〕3号");
  });
});

describe("Word (.docx) issue", () => {
  let docx: IngestedText;
  let corpus: Corpus;
  const expected = textVersion("gazette-2024-02.txt");
  beforeAll(async () => {
    docx = await read("files/gazette-2024-02.docx");
    corpus = corpusOf("gazette-2024-02.docx", docx);
  });

  it("is read as an issue and parses to the same documents, numbers, dates and sections as the text version", () => {
    expect(docx.kind).toBe("issue");
    expect(corpus.issues.map((i) => i.id)).toEqual(["2024-02"]);
    expect(corpus.documents.map((d) => d.docNumber)).toEqual(expected.map((d) => d.docNumber));
    for (const d of expected) expectSameDocument(corpus.documents.find((x) => x.docNumber === d.docNumber), d);
    expect(corpus.documents[0]!.sources[0]).toMatchObject({ format: "docx", issueId: "2024-02", page: 1 });
  });
});

describe("files that cannot be read", () => {
  const cases: Array<[string, string]> = [
    ["bad/scanned.pdf", "no-text-layer"],
    ["bad/truncated.pdf", "corrupt"],
    ["bad/encrypted.pdf", "encrypted"],
    ["bad/notice-really-html.pdf", "wrong-format"],
    ["bad/legacy.doc", "unsupported-format"],
  ];
  for (const [rel, reason] of cases) {
    it(`skips ${rel}: ${reason}`, async () => {
      const r = await readCorpusFile(rel, bytes(rel));
      expect(r).toMatchObject({ ok: false, reason });
      expect(r.ok ? "" : r.message.length).toBeGreaterThan(10);
    });
  }

  it("rejects a docx that is not a zip and a truncated docx", async () => {
    expect(await readCorpusFile("x.docx", new TextEncoder().encode("plain text"))).toMatchObject({ ok: false, reason: "wrong-format" });
    const good = bytes("files/gazette-2024-02.docx");
    expect(await readCorpusFile("cut.docx", good.subarray(0, 3000))).toMatchObject({ ok: false, reason: "corrupt" });
    expect(await readCorpusFile("empty.pdf", new Uint8Array())).toMatchObject({ ok: false, reason: "corrupt" });
  });

  it("sniffs formats from bytes", () => {
    expect(sniff(bytes("files/gazette-2024-01.pdf"))).toBe("pdf");
    expect(sniff(bytes("files/gazette-2024-02.docx"))).toBe("docx");
    expect(sniff(bytes("files/web/szbf-2024-3.html"))).toBe("html");
    expect(sniff(bytes("text/gazette-2024-01.txt"))).toBe("txt");
    expect(sniff(bytes("bad/legacy.doc"))).toBe("ole");
  });
});
