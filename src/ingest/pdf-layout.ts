/**
 * PDF page text → gazette lines. Pure: it takes the positioned text items a PDF
 * library extracted (src/node/pdf-reader.ts) and returns the same line model as
 * a hand-extracted text file.
 *
 *  1. Items come in content-stream order (footers are often drawn first), so
 *     lines are rebuilt from positions: top to bottom, then left to right.
 *  2. Running headers and footers (gazette name, issue, page number) are lines
 *     at the top or bottom of a page that repeat, digits aside, on many pages;
 *     a lone page number there is furniture too and gives the printed page.
 *  3. Wrapped lines of one paragraph are joined by geometry: a line that runs to
 *     the right margin continues on the next line unless that one is indented.
 *     Paragraphs are separated by a blank line. A paragraph cut by a page break
 *     stays cut: the parser's J1 join repairs it, as it does for text files.
 */
import type { IngestedText } from "./types";

/** One positioned run of text, in PDF user space (y grows upwards). */
export interface PdfTextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  /** Font size (height of the glyph box). */
  height: number;
}

export interface PdfPage {
  /** 1-based physical page number. */
  number: number;
  width: number;
  height: number;
  items: PdfTextItem[];
}

export interface PdfLayoutOptions {
  /** How many lines at the top and at the bottom of a page may be running headers or footers. */
  bandLines: number;
  /** Share of the page height at the top and bottom where furniture can sit. */
  bandShare: number;
  /** A band line is furniture when its shape (digits folded) recurs on at least this share of pages (and on 2 pages). */
  repeatShare: number;
}

export const DEFAULT_PDF_LAYOUT: PdfLayoutOptions = { bandLines: 2, bandShare: 0.15, repeatShare: 0.5 };

interface Line {
  text: string;
  /** The raw run ended in a space that trimming removed ("到 2025 " wrapped before "年底"). */
  spaceAfter: boolean;
  x: number;
  right: number;
  y: number;
  size: number;
}

/** A lone page number as printed in a footer: 3, - 3 -, — 3 —, 第3页, 3/12. */
const PAGE_NUMBER = /^(?:[-—–－\s]*(\d{1,4})[-—–－\s]*|第\s*(\d{1,4})\s*页(?:\s*共\s*\d+\s*页)?|(\d{1,4})\s*\/\s*\d{1,4})$/;

export function layoutPdf(pages: PdfPage[], options: PdfLayoutOptions = DEFAULT_PDF_LAYOUT): IngestedText {
  const pageLines = pages.map((p) => pageToLines(p));
  const furniture = furnitureKeys(pages, pageLines, options);
  const out: string[] = [];
  const linePages: Array<number | null> = [];
  const removed: string[] = [];
  let carry = false;
  let pageBreakJoins = 0;
  let carrySpace = false;
  const emit = (text: string, page: number) => {
    out.push(text);
    linePages.push(page);
  };

  const bodies = pages.map((page, k) => {
    const lines = pageLines[k]!;
    const body: Line[] = [];
    let printed: number | null = null;
    lines.forEach((line, i) => {
      const inBand = isInBand(page, lines, i, options);
      const number = inBand ? pageNumberOf(line.text) : null;
      if (number !== null) {
        printed ??= number;
        removed.push(line.text);
      } else if (inBand && furniture.has(shapeKey(line.text))) {
        removed.push(line.text);
        printed ??= embeddedPageNumber(line.text);
      } else body.push(line);
    });
    return { body, pageNo: printed ?? page.number };
  });
  const block = textBlock(bodies.flatMap((b) => b.body));

  for (const { body, pageNo } of bodies) {
    const paras = paragraphs(body, block);
    paras.forEach((para, i) => {
      // A paragraph cut by the page break: the last line ran to the margin and this one is not indented.
      if (i === 0 && carry && !para.indented && out.length > 0) {
        out[out.length - 1] = joinText(out[out.length - 1]!, para.text, carrySpace);
        pageBreakJoins++;
      } else {
        if (out.length > 0) emit("", pageNo);
        emit(para.text, pageNo);
      }
    });
    const last = paras[paras.length - 1];
    carry = last?.openEnd ?? false;
    carrySpace = last?.spaceAfter ?? false;
  }
  return { format: "pdf", text: out.join("\n"), linePages, kind: "issue", fields: {}, removed, pageBreakJoins };
}

/** Items → lines, top to bottom, left to right; big horizontal gaps become TABs (table cells). */
function pageToLines(page: PdfPage): Line[] {
  const items = page.items.filter((it) => it.str.length > 0 && it.height > 0).slice();
  items.sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: PdfTextItem[][] = [];
  for (const item of items) {
    const row = rows[rows.length - 1];
    // Same baseline within half a glyph: one line (sub-pixel jitter and mixed fonts differ a little).
    if (row && Math.abs(row[0]!.y - item.y) <= Math.min(row[0]!.height, item.height) * 0.5) row.push(item);
    else rows.push([item]);
  }
  const lines: Line[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    const size = Math.max(...row.map((it) => it.height));
    let text = "";
    let end = row[0]!.x;
    for (const it of row) {
      const gap = it.x - end;
      if (text !== "" && gap > size * 1.5) text += "\t";
      else if (text !== "" && gap > size * 0.2 && /[A-Za-z0-9]$/.test(text) && /^[A-Za-z0-9]/.test(it.str)) text += " ";
      text += it.str;
      end = Math.max(end, it.x + it.width);
    }
    const trimmed = text.replace(/\s+$/, "").replace(/^[ \u3000]+/, "");
    if (trimmed.trim() === "") continue;
    const first = row.find((it) => it.str.trim() !== "") ?? row[0]!;
    lines.push({ text: trimmed, spaceAfter: / $/.test(text), x: first.x, right: end, y: row[0]!.y, size });
  }
  return lines;
}

function isInBand(page: PdfPage, lines: Line[], i: number, options: PdfLayoutOptions): boolean {
  const nearTop = i < options.bandLines && lines[i]!.y >= page.height * (1 - options.bandShare);
  const nearBottom = i >= lines.length - options.bandLines && lines[i]!.y <= page.height * options.bandShare;
  return nearTop || nearBottom;
}

/** Shapes of band lines that recur on enough pages to be running headers or footers. */
function furnitureKeys(pages: PdfPage[], pageLines: Line[][], options: PdfLayoutOptions): Set<string> {
  const counts = new Map<string, number>();
  pages.forEach((page, k) => {
    const seen = new Set<string>();
    pageLines[k]!.forEach((line, i) => {
      if (isInBand(page, pageLines[k]!, i, options)) seen.add(shapeKey(line.text));
    });
    for (const key of seen) counts.set(key, (counts.get(key) ?? 0) + 1);
  });
  const needed = Math.max(2, Math.ceil(pages.length * options.repeatShare));
  return new Set([...counts].filter(([, n]) => n >= needed).map(([key]) => key));
}

/** Digits folded and spaces dropped: "2024年第1期 · 第 3 页" and "… 第 4 页" share one shape. */
export function shapeKey(text: string): string {
  return text.replace(/\s+/g, "").replace(/\d+/g, "#");
}

export function pageNumberOf(text: string): number | null {
  const m = PAGE_NUMBER.exec(text.trim());
  if (!m) return null;
  return Number(m[1] ?? m[2] ?? m[3]);
}

/** The page number inside a running footer such as "朔州市人民政府公报 — 3 —": the last number standing alone. */
function embeddedPageNumber(text: string): number | null {
  const m = /(?:^|[\s—–-])(\d{1,4})(?:[\s—–-]*|\s*页)$/.exec(text.trim());
  return m ? Number(m[1]) : null;
}

/**
 * Wrapped lines → paragraphs. A line continues on the next when it reaches the
 * right edge of the page's text block (within three glyphs: CJK line breaking
 * pushes a character or a closing punctuation mark down) and the next line is
 * not indented, has the same size and is not a table row.
 */
interface PageParagraph {
  text: string;
  /** The first line starts right of the text block's left edge (a first-line indent). */
  indented: boolean;
  /** The last line runs to the right edge: the paragraph may go on on the next page. */
  openEnd: boolean;
  spaceAfter: boolean;
}

/**
 * The document's text block, measured over all pages so a page with one short
 * line is judged like the others: no prose line starts left of its left edge
 * (indented first lines, centred titles and right-aligned signatures start
 * further right) or ends right of its right edge.
 */
function textBlock(lines: Line[]): { left: number; right: number } {
  const prose = lines.filter((l) => !l.text.includes("\t"));
  if (prose.length === 0) return { left: 0, right: 0 };
  return { left: Math.min(...prose.map((l) => l.x)), right: Math.max(...prose.map((l) => l.right)) };
}

function paragraphs(lines: Line[], { left, right }: { left: number; right: number }): PageParagraph[] {
  if (lines.length === 0) return [];
  const reachesRight = (line: Line) => !line.text.includes("\t") && line.right >= right - line.size * 3;
  const out: PageParagraph[] = [];
  let current: PageParagraph | null = null;
  lines.forEach((line, i) => {
    if (current === null) current = { text: line.text, indented: line.x > left + line.size * 0.5, openEnd: false, spaceAfter: false };
    else current.text = joinText(current.text, line.text, lines[i - 1]!.spaceAfter);
    const next = lines[i + 1];
    const continues =
      next !== undefined &&
      reachesRight(line) &&
      !next.text.includes("\t") &&
      next.x <= left + line.size * 0.5 &&
      Math.abs(next.size - line.size) <= line.size * 0.1;
    if (!continues) {
      current.openEnd = reachesRight(line);
      current.spaceAfter = line.spaceAfter;
      out.push(current);
      current = null;
    }
  });
  return out;
}

/** Wrapped Latin words, and a space printed at the wrap, keep one space; CJK text joins directly. */
function joinText(before: string, after: string, spaceAfter = false): string {
  return spaceAfter || (/[A-Za-z0-9,.;:]$/.test(before) && /^[A-Za-z0-9]/.test(after)) ? `${before} ${after}` : before + after;
}
