/**
 * Width and case folding shared by indexing and querying, so that
 * "朔政办发[2023]16号" and "朔政办发〔2023〕16号", "ＡＰＰ" and "app" meet.
 */

/** Full-width ASCII variants (U+FF01–FF5E) and the ideographic space become their ASCII forms; Latin is lower-cased. */
export function foldWidth(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - 0xfee0);
    else if (code === 0x3000) out += " ";
    else out += ch;
  }
  return out.toLowerCase();
}

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;

export function isCjk(ch: string): boolean {
  return CJK.test(ch);
}

/**
 * Text with whitespace and punctuation removed, width-folded: the comparison
 * form used to decide whether a passage "contains" a snippet.
 */
export function compactForMatch(text: string): string {
  return foldWidth(text).replace(/[\s\p{P}\p{S}]/gu, "");
}
