/**
 * Issue-level layout (NOTES §1): masthead metadata, the table of contents and
 * the back matter. None of these are documents; they only feed metadata.
 */
import type { SourceLine } from "./lines";
import { removeWhitespace } from "./text";

export interface Masthead {
  title: string | null;
  year: number | null;
  number: number | null;
  totalNumber: number | null;
  publishedDate: string | null;
}

export interface TocEntry {
  section: string | null;
  title: string;
  docNumber: string;
  page: number | null;
  /** Line of the document-number entry. */
  line: number;
}

const TOC_HEADER = /^目\s*录$/;
const TOC_SECTION = /^【(.+)】$/;
const TOC_NUMBER = /^(\S+?[〔［[（(]\d{4}[〕］\]）)]\d+号)(?:\s*\.{2,}\s*|\t+|\s{2,})(\d+)\s*$/;
/** First line of the back matter: 《…公报》简介. */
export const BACK_MATTER = /^《.+公报》简介$/;

/** Index (into lines) of the `目 录` header, or -1. Only searched near the top. */
export function findTocHeader(lines: SourceLine[]): number {
  return lines.findIndex((l, i) => i < 80 && TOC_HEADER.test(l.text.trim()));
}

/** Index of the back matter's first line (`《…公报》简介`), or lines.length. */
export function findBackMatter(lines: SourceLine[]): number {
  for (let i = lines.length - 1; i >= 0; i--) if (BACK_MATTER.test(lines[i]!.text.trim())) return i;
  return lines.length;
}

export function parseMasthead(lines: SourceLine[]): Masthead {
  const head = lines.slice(0, 40).map((l) => l.text);
  const joined = head.join("\n");
  const issue = /(\d{4})\s*年?\s*第\s*(\d+)\s*期/.exec(joined);
  const total = /总第\s*(\d+)\s*期/.exec(joined);
  const pub = /(\d{4})年(\d{1,2})月(\d{1,2})日出版/.exec(joined);
  const title = head.find((t) => /^[\u4e00-\u9fff]{2,20}公报$/.test(removeWhitespace(t))) ?? null;
  return {
    title: title === null ? null : removeWhitespace(title),
    year: issue ? Number(issue[1]) : null,
    number: issue ? Number(issue[2]) : null,
    totalNumber: total ? Number(total[1]) : null,
    publishedDate: pub ? isoDate(Number(pub[1]), Number(pub[2]), Number(pub[3])) : null,
  };
}

export function isoDate(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/**
 * Parses TOC lines (both entry formats of NOTES §1.2): one or more title lines,
 * then `文号..... page` or `文号<TAB>page`. Section labels 【…】 apply to the
 * entries that follow them.
 */
export function parseToc(tocLines: SourceLine[]): TocEntry[] {
  const entries: TocEntry[] = [];
  let section: string | null = null;
  let title = "";
  for (const line of tocLines) {
    const text = line.text.trim();
    const sec = TOC_SECTION.exec(text);
    if (sec) {
      section = sec[1]!;
      title = "";
      continue;
    }
    const num = TOC_NUMBER.exec(text);
    if (num) {
      entries.push({ section, title: removeWhitespace(title), docNumber: num[1]!, page: Number(num[2]), line: line.no });
      title = "";
      continue;
    }
    title += text;
  }
  return entries;
}

/** Keys used to match a TOC entry to a body document: OCR-confusable 千/干 folded, brackets unified. */
export function docNumberKey(docNumber: string): string {
  return removeWhitespace(docNumber).replace(/千/g, "干").replace(/[［[（(]/g, "〔").replace(/[］\]）)]/g, "〕");
}
