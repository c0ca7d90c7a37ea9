/**
 * The raw file as numbered lines. Line numbers are 1-based and never change:
 * every paragraph, warning and citation points back at them.
 */
import { cleanLine } from "./normalise";

export interface SourceLine {
  /** 1-based line number in the source file. */
  no: number;
  /** After the single-line repairs of normalise.ts (bullets, LaTeX, punctuation, label spaces). */
  text: string;
  /** Blank lines between this line and the previous non-empty line. */
  gapBefore: number;
  /** A `- ` converter bullet was removed. */
  bulletStripped: boolean;
  /** Contains a TAB: a table row (or a format-B TOC entry). */
  hasTab: boolean;
}

/** Splits text into lines (LF, CRLF or CR) and drops a leading BOM. */
export function splitRawLines(text: string): string[] {
  return text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
}

/** Non-empty lines with their numbers and the size of the gap before them. */
export function readLines(text: string): SourceLine[] {
  const out: SourceLine[] = [];
  let gap = 0;
  splitRawLines(text).forEach((raw, i) => {
    if (raw.trim() === "") {
      gap++;
      return;
    }
    const cleaned = cleanLine(raw);
    if (cleaned.text.trim() === "") {
      gap++;
      return;
    }
    out.push({ no: i + 1, text: cleaned.text, gapBefore: gap, bulletStripped: cleaned.bulletStripped, hasTab: cleaned.text.includes("\t") });
    gap = 0;
  });
  return out;
}

/** Share of characters that cannot occur in a text gazette (NUL, other C0 controls, U+FFFD). */
export function binaryShare(text: string): number {
  if (text.length === 0) return 0;
  let bad = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) bad++;
  }
  return bad / text.length;
}
