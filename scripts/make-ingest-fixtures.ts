/**
 * `npx tsx scripts/make-ingest-fixtures.ts` — writes tests/fixtures/ingest/:
 *
 *   text/gazette-2024-01.txt, text/gazette-2024-02.txt   the text versions (the truth the other formats must parse to)
 *   files/gazette-2024-01.pdf      issue 1 printed by headless Chromium: running header, page-number footer, paragraphs cut by page breaks
 *   files/gazette-2024-02.docx     issue 2 as a Word file (docx package): headings as Heading styles
 *   files/web/szbf-2024-3.html     the web page of one document of issue 1, in a government site's layout
 *   bad/…                          files that must be skipped: a scan, a truncated and an encrypted PDF, a wrong extension, a legacy .doc
 *
 * FIXTURE CONTENT: the two issues are invented test issues (2024年第1期, 第2期)
 * reworked from documents of the seed gazette (2023年第3期); they are not real
 * gazettes and never belong in corpus/. Issue 1 reprints 朔政函〔2023〕38号 (a
 * duplicate of the seed's) and holds 朔政办发〔2024〕3号, which repeals the
 * seed's 朔政办发〔2023〕13号. Needs Debian's chromium (PDF) and qpdf (the
 * encrypted PDF); the generated files are committed, so tests need neither.
 */
import { CHROMIUM_LAUNCH, GAZETTE_FONT, gazettePdfOptions } from "./gazette-pdf";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph as DocxParagraph, TextRun } from "docx";
import { chromium } from "playwright-core";
import type { Corpus, PolicyDocument } from "../src/corpus/types";
import { readPdf } from "../src/node/pdf-reader";

const ROOT = resolve(new URL("..", import.meta.url).pathname);
const OUT = join(ROOT, "tests/fixtures/ingest");
const FIXTURE_NOTE = "本期为解析测试样本：内容改编自2023年第3期，不是真实公报。";
const FONT = GAZETTE_FONT;

interface FixtureDoc {
  title: string;
  docNumber: string;
  addressee: string;
  notice: string[];
  signature: string;
  date: string;
  attachedTitle: string | null;
  body: string[];
  section: string;
}

interface FixtureIssue {
  name: string;
  year: number;
  number: number;
  total: number;
  published: string;
  docs: FixtureDoc[];
}

const seed = JSON.parse(readFileSync(join(ROOT, "corpus/corpus.json"), "utf8")) as Corpus;
const doc = (id: string): PolicyDocument => {
  const d = seed.documents.find((x) => x.id === id);
  if (!d) throw new Error(`make-ingest-fixtures: seed document ${id} not found`);
  return d;
};

/** Paragraph texts of a seed document from paragraph `from`; a heading split off its line's text is put back on one line. */
function seedLines(d: PolicyDocument, from: number, to = d.paragraphs.length): string[] {
  const out: string[] = [];
  d.paragraphs.slice(from, to).forEach((p, i, all) => {
    const prev = all[i - 1];
    if (prev && prev.kind === "heading" && p.kind !== "heading" && prev.sourceLines[1] === p.sourceLines[0]) out[out.length - 1] += p.text;
    else out.push(p.text);
  });
  return out;
}

function reprint(d: PolicyDocument, section: string): FixtureDoc {
  const p = d.paragraphs.map((x) => x.text);
  const sig = p.findIndex((t, i) => i > 2 && t === d.issuer);
  return {
    title: d.title,
    docNumber: d.docNumber,
    addressee: p[2]!,
    notice: p.slice(3, sig),
    signature: d.issuer,
    date: p[sig + 1]!,
    attachedTitle: null,
    body: [],
    section,
  };
}

const d13 = doc("szbf-2023-13");
const d18 = doc("szbf-2023-18");
const ISSUES: FixtureIssue[] = [
  {
    name: "gazette-2024-01",
    year: 2024,
    number: 1,
    total: 27,
    published: "2024年2月28日",
    docs: [
      reprint(doc("szh-2023-38"), "市政府文件"),
      {
        title: "朔州市人民政府办公室关于印发朔州市“房证同交”“地证同交”实施方案（2024年修订）的通知",
        docNumber: "朔政办发〔2024〕3号",
        addressee: "各县（市、区）人民政府，朔州经济开发区管委会，市直各有关单位：",
        notice: [
          "《朔州市“房证同交”“地证同交”实施方案（2024年修订）》已经市人民政府同意，现印发给你们，请认真组织实施。《朔州市人民政府办公室关于印发朔州市“房证同交”“地证同交”实施方案的通知》（朔政办发〔2023〕13号）同时废止。",
        ],
        signature: "朔州市人民政府办公室",
        date: "2024年1月15日",
        attachedTitle: "朔州市“房证同交”“地证同交”实施方案（2024年修订）",
        body: seedLines(d13, 8),
        section: "市政府办公室文件",
      },
    ],
  },
  {
    name: "gazette-2024-02",
    year: 2024,
    number: 2,
    total: 28,
    published: "2024年4月26日",
    docs: [
      {
        title: "朔州市人民政府办公室关于印发朔州市新污染物治理行动方案（2024年修订）的通知",
        docNumber: "朔政办发〔2024〕9号",
        addressee: "各县（市、区）人民政府，朔州经济开发区管委会，市直各有关单位：",
        notice: ["《朔州市新污染物治理行动方案（2024年修订）》已经市人民政府同意，现印发给你们，请认真贯彻执行。"],
        signature: "朔州市人民政府办公室",
        date: "2024年3月20日",
        attachedTitle: "朔州市新污染物治理行动方案（2024年修订）",
        body: seedLines(d18, 8),
        section: "市政府办公室文件",
      },
    ],
  },
];

/** The text version: one paragraph a line, blank lines between, like the hand-extracted seed issue. */
function issueText(issue: FixtureIssue, pages: Map<string, number>): string {
  const lines = ["朔州市人民政府公报", `${issue.year}年第${issue.number}期（总第${issue.total}期）`, "朔州市人民政府办公室主管主办", `${issue.published}出版（双月刊）`, FIXTURE_NOTE, "目 录"];
  let section = "";
  for (const d of issue.docs) {
    if (d.section !== section) lines.push(`【${d.section}】`);
    section = d.section;
    lines.push(d.title, `${d.docNumber}..... ${pages.get(d.docNumber) ?? 1}`);
  }
  for (const d of issue.docs) lines.push(...docLines(d));
  return `${lines.join("\n\n")}\n`;
}

function docLines(d: FixtureDoc): string[] {
  const out = [d.title, d.docNumber, d.addressee, ...d.notice, d.signature, d.date, "（此件公开发布）"];
  if (d.attachedTitle) out.push(d.attachedTitle, ...d.body);
  return out;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Print layout: cover, TOC, then documents; Chromium's header/footer templates repeat on every page. */
function issueHtml(issue: FixtureIssue, pages: Map<string, number>): string {
  const p = (text: string, cls = "") => `<p${cls ? ` class="${cls}"` : ""}>${esc(text)}</p>`;
  const parts: string[] = [
    `<div class="cover">${p("朔州市人民政府公报", "mast")}${p(`${issue.year}年第${issue.number}期（总第${issue.total}期）`, "c")}${p("朔州市人民政府办公室主管主办", "c")}${p(`${issue.published}出版（双月刊）`, "c")}${p(FIXTURE_NOTE, "c")}</div>`,
    `<div class="toc">${p("目 录", "c")}`,
  ];
  let section = "";
  for (const d of issue.docs) {
    if (d.section !== section) parts.push(p(`【${d.section}】`, "flat"));
    section = d.section;
    parts.push(p(d.title, "flat"), p(`${d.docNumber}..... ${pages.get(d.docNumber) ?? 1}`, "flat"));
  }
  parts.push("</div>");
  for (const d of issue.docs) {
    parts.push(`<div class="doc">${p(d.title, "title")}${p(d.docNumber, "c")}${p(d.addressee, "flat")}${d.notice.map((t) => p(t)).join("")}`);
    parts.push(`${p(d.signature, "sig")}${p(d.date, "sig")}${p("（此件公开发布）")}`);
    if (d.attachedTitle) parts.push(p(d.attachedTitle, "title") + d.body.map((t) => p(t)).join(""));
    parts.push("</div>");
  }
  return `<!doctype html><html><head><meta charset="utf-8"><style>
  body { font-family: "${FONT}"; font-size: 15px; line-height: 1.7; margin: 0; }
  p { margin: 0 0 6px 0; text-indent: 2em; text-align: left; }
  p.c { text-align: center; text-indent: 0; }
  p.flat { text-indent: 0; }
  p.mast { text-align: center; text-indent: 0; font-size: 34px; margin: 120px 0 30px; }
  p.title { text-align: center; text-indent: 0; font-size: 19px; margin: 14px 2em; }
  p.sig { text-align: right; text-indent: 0; }
  .cover, .toc, .doc { page-break-after: always; }
  </style></head><body>${parts.join("\n")}</body></html>`;
}

async function printPdf(html: string, header: string, path: string, withFurniture = true): Promise<void> {
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: "load" });
    await page.pdf(gazettePdfOptions(path, header, withFurniture));
  } finally {
    await browser.close();
  }
}

/** A government site's page: top nav, breadcrumb, metadata table, body, share/print links, a link-heavy sidebar and the footer. */
function webPage(d: FixtureDoc, issueDate: string): string {
  const isoish = d.date.replace(/(\d{4})年(\d{1,2})月(\d{1,2})日/, (_, y, m, dd) => `${y}年${String(m).padStart(2, "0")}月${String(dd).padStart(2, "0")}日`);
  const links = (n: number, stem: string) => Array.from({ length: n }, (_, i) => `<li><a href="/x/${i}.html">${stem}${i + 1}</a></li>`).join("");
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(d.title)}_朔州市人民政府（测试样本页面）</title></head>
<body>
<div class="w1200 top-bar"><a href="/">首页</a> | <a href="/zwgk">政务公开</a> | <a href="/hdjl">互动交流</a> | <a href="/bsfw">办事服务</a> | <a href="/zjsz">走进朔州</a></div>
<div class="w1200 crumbs">您当前的位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; <a href="/zwgk/zcwj">政策文件</a> &gt; 市政府办公室文件</div>
<div class="w1200 clearfix">
 <div class="l-box">
  <table class="xxgk-table">
   <tr><td class="t1">索 引 号：</td><td>11140600MB1957681X/2024-00317</td><td class="t1">主题分类：</td><td>城乡建设、环境保护\\住房</td></tr>
   <tr><td class="t1">发文机关：</td><td>${esc(d.signature)}</td><td class="t1">成文日期：</td><td>${esc(isoish)}</td></tr>
   <tr><td class="t1">标　　题：</td><td colspan="3">${esc(d.title)}</td></tr>
   <tr><td class="t1">发文字号：</td><td>${esc(d.docNumber)}</td><td class="t1">发布日期：</td><td>${esc(issueDate)}</td></tr>
  </table>
  <h1 class="d-tit">${esc(d.title)}</h1>
  <div class="d-info">发布时间：${esc(issueDate)} 来源：市政府办公室 浏览次数：1024 【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</div>
  <div class="d-con" id="zoom">
   <p style="text-indent:0">${esc(d.addressee)}</p>
   ${d.notice.map((t) => `<p>&emsp;&emsp;${esc(t)}</p>`).join("\n   ")}
   <p style="text-align:right">${esc(d.signature)}</p>
   <p style="text-align:right">${esc(d.date)}</p>
   <p>&emsp;&emsp;（此件公开发布）</p>
   ${d.attachedTitle ? `<p style="text-align:center"><strong>${esc(d.attachedTitle)}</strong></p>` : ""}
   ${d.body.map((t) => `<p>&emsp;&emsp;${esc(t)}</p>`).join("\n   ")}
  </div>
  <div class="d-tools"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a> 分享到：<a href="#">微信</a> <a href="#">微博</a></div>
 </div>
 <div class="r-box"><div class="r-t">相关文件</div><ul>${links(12, "朔州市人民政府办公室关于印发相关工作方案的通知")}</ul></div>
</div>
<div class="w1200 foot">
 <p><a href="/wzdt">网站地图</a> | <a href="/lxwm">联系我们</a></p>
 <p>主办单位：朔州市人民政府办公室 承办单位：朔州市政务信息中心</p>
 <p>网站标识码：1406000001 晋ICP备05003215号 晋公网安备 14060202000001号</p>
</div>
</body></html>
`;
}

async function issueDocx(issue: FixtureIssue, path: string): Promise<void> {
  const para = (text: string, opts: { heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]; center?: boolean; indent?: boolean } = {}) =>
    new DocxParagraph({
      heading: opts.heading,
      alignment: opts.center ? AlignmentType.CENTER : undefined,
      indent: opts.indent ? { firstLine: 480 } : undefined,
      children: [new TextRun({ text, font: FONT })],
    });
  const children: DocxParagraph[] = [
    para("朔州市人民政府公报", { center: true }),
    para(`${issue.year}年第${issue.number}期（总第${issue.total}期）`, { center: true }),
    para("朔州市人民政府办公室主管主办", { center: true }),
    para(`${issue.published}出版（双月刊）`, { center: true }),
    para(FIXTURE_NOTE, { center: true }),
    para("目 录", { center: true }),
  ];
  let section = "";
  for (const d of issue.docs) {
    if (d.section !== section) children.push(para(`【${d.section}】`));
    section = d.section;
    children.push(para(d.title), para(`${d.docNumber}..... 1`));
  }
  for (const d of issue.docs) {
    children.push(para(d.title, { heading: HeadingLevel.HEADING_1, center: true }), para(d.docNumber, { center: true }), para(d.addressee));
    for (const t of d.notice) children.push(para(t, { indent: true }));
    children.push(para(d.signature), para(d.date), para("（此件公开发布）", { indent: true }));
    if (d.attachedTitle) {
      children.push(para(d.attachedTitle, { heading: HeadingLevel.HEADING_1, center: true }));
      for (const t of d.body) children.push(para(t, { heading: /^[一二三四五六七八九十]+、/.test(t) && [...t].length <= 20 ? HeadingLevel.HEADING_2 : undefined, indent: true }));
    }
  }
  const file = new Document({ creator: "make-ingest-fixtures (test fixture)", title: `fixture ${issue.name}`, sections: [{ children }] });
  writeFileSync(path, await Packer.toBuffer(file));
}

/** Pages where each 文号 line stands in the printed PDF, read back with the project's own reader. */
async function docPages(pdfPath: string, issue: FixtureIssue): Promise<Map<string, number>> {
  const read = await readPdf(new Uint8Array(readFileSync(pdfPath)));
  if (!read.ok) throw new Error(`make-ingest-fixtures: cannot read back ${pdfPath}: ${read.message}`);
  const lines = read.value.text.split("\n");
  const pages = new Map<string, number>();
  for (const d of issue.docs) {
    const at = lines.findIndex((l, i) => l.trim() === d.docNumber && i > 40);
    const fallback = lines.map((l) => l.trim()).lastIndexOf(d.docNumber);
    pages.set(d.docNumber, read.value.linePages![at >= 0 ? at : fallback] ?? 1);
  }
  return pages;
}

/**
 * A PDF as many Chinese government producers write it: a non-embedded CID font
 * (STSong-Light, Adobe-GB1) addressed through the predefined CMap UniGB-UCS2-H.
 * pdf.js can only turn its codes into text with the CMap files (cMapUrl +
 * cMapPacked); without them the text comes out empty or wrong.
 */
function cmapPdf(lines: Array<{ text: string; x: number }>): Buffer {
  const hex = (t: string) => [...t].map((c) => c.codePointAt(0)!.toString(16).padStart(4, "0")).join("");
  const content = lines.map((l, i) => `BT /F1 12 Tf ${l.x} ${540 - i * 22} Td <${hex(l.text)}> Tj ET`).join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 420 595] /Resources << /Font << /F1 4 0 R >> >> /Contents 6 0 R >>",
    "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [5 0 R] >>",
    "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 >>",
    `<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`,
    "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>",
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

async function main(): Promise<void> {
  for (const dir of ["text", "files/web", "bad"]) mkdirSync(join(OUT, dir), { recursive: true });
  const [one, two] = ISSUES as [FixtureIssue, FixtureIssue];

  // Issue 1: print, read back where each document starts, print again with a true TOC.
  const pdfPath = join(OUT, "files", `${one.name}.pdf`);
  const header = `朔州市人民政府公报 ${one.year}年第${one.number}期（测试样本）`;
  await printPdf(issueHtml(one, new Map()), header, pdfPath);
  const pages = await docPages(pdfPath, one);
  await printPdf(issueHtml(one, pages), header, pdfPath);
  writeFileSync(join(OUT, "text", `${one.name}.txt`), issueText(one, pages));

  writeFileSync(join(OUT, "files/web/szbf-2024-3.html"), webPage(one.docs[1]!, "2024-01-19"));

  await issueDocx(two, join(OUT, "files", `${two.name}.docx`));
  writeFileSync(join(OUT, "text", `${two.name}.txt`), issueText(two, new Map([[two.docs[0]!.docNumber, 1]])));

  writeFileSync(
    join(OUT, "files/cmap-unigb-ucs2.pdf"),
    cmapPdf([
      { text: "朔州市人民政府办公室关于印发测试样本的通知", x: 84 },
      { text: "朔政办发〔2024〕99号", x: 150 },
      { text: "各县（市、区）人民政府，市直各有关单位：", x: 50 },
      { text: "本文件为预定义字符映射（UniGB-UCS2-H）解析", x: 74 },
      { text: "测试样本，不是真实文件。", x: 50 },
    ]),
  );

  // Files that must be skipped.
  const scan = `<!doctype html><html><body style="margin:0"><svg width="500" height="700"><rect x="40" y="40" width="420" height="18" fill="#333"/><rect x="40" y="80" width="380" height="12" fill="#555"/><rect x="40" y="100" width="400" height="12" fill="#555"/></svg></body></html>`;
  await printPdf(scan, "", join(OUT, "bad/scanned.pdf"), false);
  const good = readFileSync(pdfPath);
  writeFileSync(join(OUT, "bad/truncated.pdf"), good.subarray(0, Math.floor(good.length * 0.4)));
  execFileSync("qpdf", ["--encrypt", "fixture-user", "fixture-owner", "256", "--", pdfPath, join(OUT, "bad/encrypted.pdf")]);
  writeFileSync(join(OUT, "bad/notice-really-html.pdf"), webPage(one.docs[1]!, "2024-01-19"));
  writeFileSync(join(OUT, "bad/legacy.doc"), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]));
  console.log(`wrote fixtures under ${OUT}; document pages in issue 1: ${JSON.stringify([...pages])}`);
}

await main();
