/**
 * `npm run bench:ingest [-- --factors 1,10,100]` (also the second half of
 * `npm run bench`): ingestion build time and peak memory for a corpus of N
 * gazette issues in mixed formats — the seed issue and N−1 generated variants
 * (bench/synthetic-corpus.ts's alter: other place names and digits, so other
 * document numbers and titles), cycling PDF (printed by headless Chromium),
 * Word (.docx) and text. Generated files are cached in bench/.ingest-cache/
 * (git-ignored); generation is not timed. Each build runs in its own process:
 * read every file by its format → parse → corpus → lexical index, and reports
 * the seconds of each stage and the process's peak RSS.
 */
import { CHROMIUM_LAUNCH, GAZETTE_FONT, gazettePdfOptions } from "../scripts/gazette-pdf";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { AlignmentType, Document, Packer, Paragraph, TextRun } from "docx";
import { buildIndex } from "../src/cli/build-index";
import { buildCorpus, serialiseCorpus } from "../src/corpus/build-corpus";
import { readCorpusFolder } from "../src/node/read-corpus";
import { alter } from "./synthetic-corpus";

const ROOT = resolve(new URL("..", import.meta.url).pathname);
const CACHE = join(ROOT, "bench/.ingest-cache");
const SEED = join(ROOT, "corpus/shuozhou-gazette-2023-03.txt");
const FORMATS = ["txt", "pdf", "docx"] as const;
const FONT = GAZETTE_FONT;

interface BuildResult {
  files: Record<string, number>;
  skipped: number;
  documents: number;
  chunks: number;
  pages: number;
  readSeconds: number;
  corpusSeconds: number;
  indexSeconds: number;
  peakRssMiB: number;
}

/** The file of variant `copy` (0 = the seed itself) in its format, generated once. */
async function variantFile(copy: number, render: (html: string, path: string) => Promise<void>): Promise<string> {
  const format = FORMATS[copy % FORMATS.length]!;
  const path = join(CACHE, `variant-${String(copy).padStart(3, "0")}.${format}`);
  if (existsSync(path)) return path;
  const text = copy === 0 ? readFileSync(SEED, "utf8") : alter(readFileSync(SEED, "utf8"), copy);
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  if (format === "txt") writeFileSync(path, text);
  else if (format === "docx") {
    const children = paragraphs.flatMap((p) => p.split("\n")).map((line) => new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun({ text: line, font: FONT })] }));
    writeFileSync(path, await Packer.toBuffer(new Document({ sections: [{ children }] })));
  } else {
    const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
    const body = paragraphs
      .flatMap((p) => p.split("\n"))
      .map((line) => (line.includes("\t") ? `<p class="row">${line.split("\t").map((c) => `<span>${esc(c)}</span>`).join("")}</p>` : `<p>${esc(line)}</p>`))
      .join("\n");
    await render(
      `<!doctype html><html><head><meta charset="utf-8"><style>body{font-family:"${FONT}";font-size:15px;line-height:1.7}p{margin:0 0 6px;text-indent:2em}p.row{text-indent:0}p.row span{display:inline-block;min-width:8em;margin-right:3em}</style></head><body>${body}</body></html>`,
      path,
    );
  }
  return path;
}

async function generate(factor: number): Promise<string> {
  mkdirSync(CACHE, { recursive: true });
  const { chromium } = await import("playwright-core");
  let browser: Awaited<ReturnType<typeof chromium.launch>> | null = null;
  const render = async (html: string, path: string) => {
    browser ??= await chromium.launch(CHROMIUM_LAUNCH);
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: "load" });
    await page.pdf(gazettePdfOptions(path, "朔州市人民政府公报（基准测试生成）"));
    await page.close();
  };
  const dir = mkdtempSync(join(tmpdir(), `policy-qa-ingest-${factor}x-`));
  try {
    for (let copy = 0; copy < factor; copy++) {
      const file = await variantFile(copy, render);
      symlinkSync(file, join(dir, file.split("/").pop()!));
    }
  } finally {
    if (browser) await (browser as { close: () => Promise<void> }).close();
  }
  return dir;
}

/** One build in this process (run as a child). */
async function build(dir: string): Promise<BuildResult> {
  const t0 = performance.now();
  const folder = await readCorpusFolder(dir);
  const t1 = performance.now();
  const corpus = buildCorpus(folder.files, folder.skipped);
  const out = mkdtempSync(join(tmpdir(), "policy-qa-ingest-out-"));
  const corpusPath = join(out, "corpus.json");
  writeFileSync(corpusPath, serialiseCorpus(corpus));
  const t2 = performance.now();
  await buildIndex({ corpusPath, indexDir: join(out, "index"), modelsDir: join(out, "no-models"), modelId: null, log: () => {} });
  const t3 = performance.now();
  rmSync(out, { recursive: true, force: true });
  const files: Record<string, number> = {};
  for (const f of folder.files) files[f.format ?? "txt"] = (files[f.format ?? "txt"] ?? 0) + 1;
  const pages = folder.files.reduce((n, f) => n + (f.linePages ? new Set(f.linePages).size : 0), 0);
  return {
    files,
    skipped: folder.skipped.length,
    documents: corpus.documents.length,
    chunks: corpus.chunks.length,
    pages,
    readSeconds: (t1 - t0) / 1000,
    corpusSeconds: (t2 - t1) / 1000,
    indexSeconds: (t3 - t2) / 1000,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
  };
}

function row(factor: number, r: BuildResult): string {
  const files = Object.entries(r.files).map(([f, n]) => `${n} ${f}`).join(" + ");
  const total = r.readSeconds + r.corpusSeconds + r.indexSeconds;
  return `| ${factor}× | ${files} (${r.pages.toLocaleString("en")} PDF pages) | ${r.documents.toLocaleString("en")} | ${r.chunks.toLocaleString("en")} | ${r.readSeconds.toFixed(1)} s | ${r.corpusSeconds.toFixed(1)} s | ${r.indexSeconds.toFixed(1)} s | ${total.toFixed(1)} s | ${r.peakRssMiB.toFixed(0)} MiB |`;
}

async function main(argv: string[]): Promise<void> {
  if (argv[0] === "--build") {
    process.stdout.write(JSON.stringify(await build(argv[1]!)));
    return;
  }
  const i = argv.indexOf("--factors");
  const factors = (i >= 0 ? argv[i + 1]! : "1,10,100").split(",").map(Number);
  const rows: string[] = [];
  for (const factor of factors) {
    const dir = await generate(factor);
    try {
      const out = execFileSync(process.execPath, ["--import", "tsx", "bench/ingest-bench.ts", "--build", dir], { encoding: "utf8", maxBuffer: 1 << 24, stdio: ["ignore", "pipe", "inherit"] });
      rows.push(row(factor, JSON.parse(out) as BuildResult));
      console.error(rows[rows.length - 1]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  console.log("| corpus | files | documents | chunks | read files | parse + chunk | index | total | peak RSS |");
  console.log("|---|---|---|---|---|---|---|---|---|");
  for (const r of rows) console.log(r);
}

await main(process.argv.slice(2));
