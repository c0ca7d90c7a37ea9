/**
 * Ingestion: every file format is read into the line model the gazette parser
 * (src/corpus/) already reads, so the page-break and column repairs are the
 * same for a text file, a PDF, a web page and a Word file. Readers are pure
 * functions over bytes or strings; the library calls that need Node sit in
 * src/node/ and hand these modules plain data.
 */

/** The formats a corpus file can be in. */
export type SourceFormat = "txt" | "pdf" | "html" | "docx";

/** Why a file was skipped instead of indexed. */
export type SkipReason =
  | "no-text-layer" // a scanned PDF: pages but (almost) no text
  | "unreadable-font" // text that extracts as U+FFFD / private-use / control characters (no ToUnicode map)
  | "encrypted" // password-protected PDF
  | "corrupt" // truncated or malformed file the library cannot open
  | "wrong-format" // the bytes are not what the extension says
  | "unsupported-format" // an extension no reader handles (.doc, .xls …)
  | "no-document"; // readable, but no official document (文号 line) found in it

/** A file read into text lines, ready for the gazette parser. */
export interface IngestedText {
  format: SourceFormat;
  /** Lines separated by "\n"; blank lines separate paragraphs, as in the hand-extracted seed issue. */
  text: string;
  /** Printed page of each line (index = line number − 1); null when the format has no pages. */
  linePages: Array<number | null> | null;
  /**
   * A gazette issue (masthead, TOC, many documents) or one document on its
   * own (a web page, a Word attachment), which has no masthead.
   */
  kind: "issue" | "document";
  /** Fields read from a web page's metadata table (索引号, 发文机关, 成文日期, 发文字号, 主题分类 …), as printed. */
  fields: Record<string, string>;
  /** Lines removed as page furniture or site boilerplate (for reports and tests). */
  removed: string[];
  /** PDF: paragraphs cut by a page break and joined again by geometry. */
  pageBreakJoins?: number;
}

/** A file that could not be read: the build skips it and says why. */
export interface Skipped {
  file: string;
  reason: SkipReason;
  message: string;
}

export type ReadResult = { ok: true; value: IngestedText } | { ok: false; reason: SkipReason; message: string };

export function skip(reason: SkipReason, message: string): ReadResult {
  return { ok: false, reason, message };
}

/** A masthead line (2024年第1期, 2023 第3期) near the top: the file is a whole gazette issue, not one document. */
const MASTHEAD = /\d{4}\s*年?\s*第\s*\d+\s*期/;

export function kindOfText(text: string): IngestedText["kind"] {
  return text.split("\n").filter((l) => l.trim() !== "").slice(0, 12).some((l) => MASTHEAD.test(l)) ? "issue" : "document";
}
