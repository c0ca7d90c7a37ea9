/**
 * Finds the official documents of an issue by their 文号 anchor line and reads
 * each header block (NOTES §1.3): title lines backwards, addressee forwards,
 * then signature / date / disclosure, then whatever follows (the attached text).
 */
import type { SourceLine } from "./lines";
import { removeWhitespace } from "./text";

export interface DocumentFrame {
  titleLines: SourceLine[];
  /** The title lines joined, wrap whitespace removed (NOTES §6.7: Chinese titles contain no whitespace). */
  title: string;
  numberLine: SourceLine;
  docNumber: string;
  org: string;
  year: number;
  num: number;
  issuer: string;
  addresseeLines: SourceLine[];
  /** Between the addressee and the signature. */
  noticeLines: SourceLine[];
  signatureLine: SourceLine | null;
  dateLine: SourceLine | null;
  disclosureLine: SourceLine | null;
  /** After the disclosure line up to the next document: the attached text (or displaced text). */
  afterLines: SourceLine[];
}

/** Body anchor (NOTES App. C DOCNO), tolerant of OCR bracket variants. */
export const DOC_NUMBER = /^([\u4e00-\u9fff]{2,8}?)[〔［[（(](\d{4})[〕］\]）)](\d+)号$/;
const ISSUER_START = /^(\S{2,20}?(?:人民政府|政府)(?:办公室|办公厅)?)(?=\s|$|关于)/;
const ISSUER_ONLY = /^\S{2,20}?(?:人民政府|政府)(?:办公室|办公厅)?$/;
/** A signing date line: 2023年3月15日. */
export const DATE_LINE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;
/** The disclosure note under the date: （此件公开发布）. */
export const DISCLOSURE = /^[（(]此件公开发布[)）]$/;

export interface FrameProblem {
  line: number;
  message: string;
}

/**
 * Splits body lines into document frames. `lines` is the body (cover, TOC and
 * back matter already cut off). Lines before the first document are returned
 * as `unassigned`.
 */
export function findDocuments(lines: SourceLine[]): { frames: DocumentFrame[]; unassigned: SourceLine[]; problems: FrameProblem[] } {
  const problems: FrameProblem[] = [];
  const anchors: Array<{ at: number; titleStart: number }> = [];
  lines.forEach((line, i) => {
    if (!DOC_NUMBER.test(line.text.trim())) return;
    anchors.push({ at: i, titleStart: findTitleStart(lines, i, anchors.length > 0 ? anchors[anchors.length - 1]!.at + 1 : 0) });
  });

  const frames: DocumentFrame[] = [];
  anchors.forEach((anchor, k) => {
    const end = k + 1 < anchors.length ? anchors[k + 1]!.titleStart : lines.length;
    const frame = readFrame(lines, anchor.titleStart, anchor.at, end, problems);
    frames.push(frame);
  });
  const unassigned = anchors.length > 0 ? lines.slice(0, anchors[0]!.titleStart) : lines.slice();
  return { frames, unassigned, problems };
}

/** Walks back at most 3 lines from the anchor to the line that starts with the issuer. */
function findTitleStart(lines: SourceLine[], anchor: number, floor: number): number {
  for (let i = anchor - 1; i >= Math.max(floor, anchor - 3); i--) {
    const t = lines[i]!.text.trim();
    if (ISSUER_START.test(t)) return i;
    if (DISCLOSURE.test(t) || DATE_LINE.test(t)) break;
  }
  return Math.max(floor, anchor - 1);
}

function readFrame(lines: SourceLine[], titleStart: number, at: number, end: number, problems: FrameProblem[]): DocumentFrame {
  const numberLine = lines[at]!;
  const m = DOC_NUMBER.exec(numberLine.text.trim())!;
  const titleLines = lines.slice(titleStart, at);
  const title = removeWhitespace(titleLines.map((l) => l.text).join(""));
  const issuer = ISSUER_START.exec(titleLines[0]?.text.trim() ?? "")?.[1] ?? "";
  if (titleLines.length === 0 || issuer === "") problems.push({ line: numberLine.no, message: `no issuer/title line before ${numberLine.text.trim()}` });

  // Addressee: the first line, plus directly following lines until one ends in ：.
  let i = at + 1;
  const addresseeLines: SourceLine[] = [];
  for (let j = i; j < Math.min(end, i + 3); j++) {
    const l = lines[j]!;
    if (j > i && l.gapBefore > 0) break;
    addresseeLines.push(l);
    if (/[：:]$/.test(l.text.trim())) break;
  }
  if (addresseeLines.length > 0 && /[：:]$/.test(addresseeLines[addresseeLines.length - 1]!.text.trim())) {
    i += addresseeLines.length;
  } else {
    addresseeLines.length = 0;
    problems.push({ line: numberLine.no, message: `no addressee line ending in "：" after ${numberLine.text.trim()}` });
  }

  // Signature: an issuer-only line directly followed by a date line.
  let sig = -1;
  for (let j = i; j + 1 < end; j++) {
    if (ISSUER_ONLY.test(lines[j]!.text.trim()) && DATE_LINE.test(lines[j + 1]!.text.trim())) {
      sig = j;
      break;
    }
  }
  let signatureLine: SourceLine | null = null;
  let dateLine: SourceLine | null = null;
  let disclosureLine: SourceLine | null = null;
  let afterStart = end;
  let noticeEnd = end;
  if (sig >= 0) {
    signatureLine = lines[sig]!;
    dateLine = lines[sig + 1]!;
    noticeEnd = sig;
    afterStart = sig + 2;
    const next = lines[sig + 2];
    if (next !== undefined && sig + 2 < end && DISCLOSURE.test(next.text.trim())) {
      disclosureLine = next;
      afterStart = sig + 3;
    }
  } else {
    problems.push({ line: numberLine.no, message: `no signature and date found for ${numberLine.text.trim()}` });
  }
  return {
    titleLines,
    title,
    numberLine,
    docNumber: removeWhitespace(numberLine.text),
    org: m[1]!,
    year: Number(m[2]),
    num: Number(m[3]),
    issuer,
    addresseeLines,
    noticeLines: lines.slice(i, noticeEnd),
    signatureLine,
    dateLine,
    disclosureLine,
    afterLines: lines.slice(afterStart, end),
  };
}

export function parseDateLine(text: string): { y: number; m: number; d: number } | null {
  const m = DATE_LINE.exec(text.trim());
  return m ? { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) } : null;
}
