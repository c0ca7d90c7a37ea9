/**
 * `npx tsx scripts/compare-pdf-libraries.ts` — the measurement behind the PDF
 * library choice (docs/DECISIONS.md): unpdf 1.7 and pdfjs-dist 5.6 on the
 * generated fixtures, for Chinese text and reading order.
 *
 *  - CJK recall: share of the text version's CJK characters (as a multiset) found in the extraction;
 *  - order: share of the text version's paragraphs whose first 8 characters are found in the
 *    extraction in sequence (each searched from where the previous one was found);
 *  - furniture: running header / page-number lines left in the text;
 *  - time: mean of 5 runs over the whole file.
 * "raw" is the library's own text (content-stream order); "layout" feeds its
 * positioned items to src/ingest/pdf-layout.ts.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { extractText, extractTextItems } from "unpdf";
import { layoutPdf, type PdfPage } from "../src/ingest/pdf-layout";
import { readPdfPages } from "../src/node/pdf-reader";

const FIX = resolve(new URL("../tests/fixtures/ingest", import.meta.url).pathname);

interface Case {
  file: string;
  truth: string[];
}

const cases: Case[] = [
  {
    file: "files/gazette-2024-01.pdf",
    truth: readFileSync(join(FIX, "text/gazette-2024-01.txt"), "utf8")
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean),
  },
  {
    file: "files/cmap-unigb-ucs2.pdf",
    truth: ["朔州市人民政府办公室关于印发测试样本的通知", "朔政办发〔2024〕99号", "各县（市、区）人民政府，市直各有关单位：", "本文件为预定义字符映射（UniGB-UCS2-H）解析测试样本，不是真实文件。"],
  },
];

const squash = (s: string) => s.replace(/\s/g, "");

function cjkRecall(truth: string[], text: string): number {
  const need = new Map<string, number>();
  for (const ch of truth.join("")) if (/[\u4e00-\u9fff]/.test(ch)) need.set(ch, (need.get(ch) ?? 0) + 1);
  const have = new Map<string, number>();
  for (const ch of text) have.set(ch, (have.get(ch) ?? 0) + 1);
  let total = 0;
  let found = 0;
  for (const [ch, n] of need) {
    total += n;
    found += Math.min(n, have.get(ch) ?? 0);
  }
  return total === 0 ? 1 : found / total;
}

function orderScore(truth: string[], text: string): number {
  // Paragraphs found one after the other: each searched from where the previous one was found.
  const flat = squash(text);
  let at = 0;
  let found = 0;
  for (const p of truth) {
    const i = flat.indexOf(squash(p).slice(0, 8), at);
    if (i >= 0) {
      found++;
      at = i + 1;
    }
  }
  return found / truth.length;
}

const furniture = (text: string) => text.split("\n").filter((l) => /测试样本）$|^—\s*\d+\s*—$/.test(l.trim())).length;

async function timed<T>(f: () => Promise<T>): Promise<{ value: T; ms: number }> {
  let value: T | undefined = await f(); // warm-up: module load and font set-up are not timed
  const t0 = performance.now();
  for (let i = 0; i < 5; i++) value = await f();
  return { value: value!, ms: (performance.now() - t0) / 5 };
}

async function unpdfPages(bytes: Uint8Array): Promise<PdfPage[]> {
  const { items } = await extractTextItems(bytes.slice());
  // unpdf reports no page size; the A5 fixture pages are 419.5 × 595.3 pt, the CMap fixture 420 × 595.
  return items.map((page, k) => ({ number: k + 1, width: 420, height: 595.3, items: page.map((it) => ({ str: it.str, x: it.x, y: it.y, width: it.width, height: it.fontSize || it.height })) }));
}

async function main(): Promise<void> {
  console.log("| file | library | mode | CJK recall | order | furniture lines | ms |");
  console.log("|---|---|---|---|---|---|---|");
  for (const c of cases) {
    const bytes = new Uint8Array(readFileSync(join(FIX, c.file)));
    const runs: Array<[string, string, () => Promise<string>]> = [
      ["unpdf 1.7", "raw", async () => (await extractText(bytes.slice(), { mergePages: true })).text],
      ["unpdf 1.7", "layout", async () => layoutPdf(await unpdfPages(bytes)).text],
      ["pdfjs-dist 5.6", "raw", async () => (await readPdfPages(bytes)).map((p) => p.items.map((i) => i.str).join("\n")).join("\n")],
      ["pdfjs-dist 5.6", "layout", async () => layoutPdf(await readPdfPages(bytes)).text],
    ];
    for (const [lib, mode, run] of runs) {
      try {
        const { value, ms } = await timed(run);
        console.log(`| ${c.file} | ${lib} | ${mode} | ${cjkRecall(c.truth, value).toFixed(3)} | ${orderScore(c.truth, value).toFixed(3)} | ${furniture(value)} | ${ms.toFixed(0)} |`);
      } catch (e) {
        console.log(`| ${c.file} | ${lib} | ${mode} | error: ${(e as Error).message} | | | |`);
      }
    }
  }
}

await main();
