/**
 * Is extracted text real text? Chinese official documents are often set in
 * fonts without a ToUnicode map; their text then extracts as U+FFFD, as
 * private-use code points or as control characters. Such a file is reported
 * as unreadable rather than indexed as noise. A scanned PDF has pages but
 * (almost) no text at all.
 */
import { skip, type ReadResult } from "./types";

export interface TextQuality {
  /** Non-whitespace characters. */
  chars: number;
  /** U+FFFD, private-use (U+E000–U+F8FF and planes 15–16) and C0/C1 controls other than TAB/LF/CR. */
  bad: number;
  /** CJK ideographs. */
  cjk: number;
}

/** More than this share of bad characters: the font has no usable ToUnicode map. */
export const MAX_BAD_SHARE = 0.02;
/** Fewer than this many characters per page: no text layer (a scan). */
export const MIN_CHARS_PER_PAGE = 20;

export function textQuality(text: string): TextQuality {
  let chars = 0;
  let bad = 0;
  let cjk = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c === 9 || c === 10 || c === 13 || c === 32 || c === 0x3000) continue;
    chars++;
    if (c === 0xfffd || (c >= 0xe000 && c <= 0xf8ff) || c >= 0xf0000 || c < 32 || (c >= 0x7f && c <= 0x9f)) bad++;
    else if (c >= 0x4e00 && c <= 0x9fff) cjk++;
  }
  return { chars, bad, cjk };
}

/** null when the text is fit to index, else why not. */
export function unreadableReason(text: string, pages: number): ReadResult | null {
  const q = textQuality(text);
  if (q.chars < MIN_CHARS_PER_PAGE * Math.max(1, pages)) {
    return skip("no-text-layer", `only ${q.chars} characters of text on ${pages} page(s): a scan without a text layer? (OCR it first)`);
  }
  if (q.bad / q.chars > MAX_BAD_SHARE) {
    const share = ((q.bad / q.chars) * 100).toFixed(1);
    return skip("unreadable-font", `${share}% of the extracted characters are U+FFFD, private-use or control characters: its fonts have no ToUnicode map, so the text cannot be read`);
  }
  return null;
}
