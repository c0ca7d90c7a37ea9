/**
 * Character classes shared by the gazette parser. Kept in one place so every
 * rule agrees on what "a CJK character" or "a sentence end" is.
 */

/** CJK unified ideographs (basic block + extension A + compatibility). */
export const CJK = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff";
/** Full-width CJK punctuation that counts as "Chinese context" for P1. */
export const CJK_PUNCT = "\\u3000-\\u303f\\uff01-\\uff0f\\uff1a-\\uff20\\uff3b-\\uff40\\uff5b-\\uff65\\u2018-\\u201d\\u2014\\u2026\\u00b7";

const CJK_OR_PUNCT_RE = new RegExp(`[${CJK}${CJK_PUNCT}]`);
const CJK_GLOBAL = new RegExp(`[${CJK}]`, "g");

export function isCjkOrPunct(ch: string | undefined): boolean {
  return ch !== undefined && CJK_OR_PUNCT_RE.test(ch);
}

/** The CJK ideographs of `s`, in order (used by content-preservation checks). */
export function cjkSequence(s: string): string {
  return (s.match(CJK_GLOBAL) ?? []).join("");
}

/** Characters that end a sentence or clause (full-width; HALF_END holds the half-width forms). */
export const CLAUSE_END = "。！？；：";
const HALF_END = ".!?;:";

/** True when the line ends a sentence or clause (J1 rule 2). */
export function endsClause(line: string): boolean {
  const last = line.trimEnd().slice(-1);
  return last !== "" && (CLAUSE_END.includes(last) || HALF_END.includes(last));
}

/** Number of brackets opened and not closed ( full- and half-width mixed, as in the source ). */
export function unclosedBrackets(s: string): number {
  let depth = 0;
  for (const ch of s) {
    if (ch === "（" || ch === "(") depth++;
    else if ((ch === "）" || ch === ")") && depth > 0) depth--;
  }
  return depth;
}

export function removeWhitespace(s: string): string {
  return s.replace(/\s+/g, "");
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 → 1, 十二 → 12, 二十三 → 23 (up to 99). Returns null for anything else. */
export function chineseNumeral(s: string): number | null {
  if (s === "") return null;
  if (s === "十") return 10;
  const ten = s.indexOf("十");
  if (ten < 0) return s.length === 1 && s in CN_DIGITS ? CN_DIGITS[s]! : null;
  const tensPart = s.slice(0, ten);
  const unitPart = s.slice(ten + 1);
  const tens = tensPart === "" ? 1 : CN_DIGITS[tensPart];
  const units = unitPart === "" ? 0 : CN_DIGITS[unitPart];
  if (tens === undefined || units === undefined || unitPart.length > 1 || tensPart.length > 1) return null;
  return tens * 10 + units;
}
