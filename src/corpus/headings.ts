/**
 * Heading and list markers (NOTES §3.1) and the inline-heading split (§3.3).
 * Full- and half-width forms of a marker are the same level; every marker is
 * rewritten to one canonical form (（一）, "1. ", "1.1 ", …).
 */
import { CJK, chineseNumeral } from "./text";

export type MarkerType =
  | "preface" // 前言
  | "chapter" // 第一章
  | "dec2" // 1.1
  | "dec3" // 1.1.1
  | "cn" // 一、
  | "cn-paren" // （一）
  | "num" // 1.
  | "num-paren" // （1）
  | "circled" // ①
  | "dash" // ——
  | "box" // 专栏1
  | "table"; // 表4—1

export interface Marker {
  type: MarkerType;
  /** Position in its list (一 → 1, ③ → 3, 2.2.1 → 1); null for unnumbered markers. */
  ordinal: number | null;
  /** Canonical marker text, e.g. "（一）", "1. ", "2.2.1 ", "专栏1 ". */
  canonical: string;
  /** Text after the marker, leading spaces removed. */
  rest: string;
}

/** Types that are headings whatever their length (structure words, not list items). */
export const ALWAYS_HEADING: ReadonlySet<MarkerType> = new Set(["preface", "chapter", "dec2", "dec3", "box", "table"]);
/** Types with a fixed rank: a dec3 always nests in a dec2, a dec2 in a chapter. */
export const FIXED_RANK: Partial<Record<MarkerType, number>> = { preface: 0, chapter: 0, dec2: 1, dec3: 2 };

const CN_NUM = "[一二三四五六七八九十]+";
const PATTERNS: Array<{ type: MarkerType; re: RegExp; canon: (m: RegExpExecArray) => [string, number | null] }> = [
  { type: "preface", re: /^前\s*言$/, canon: () => ["前言", null] },
  { type: "chapter", re: new RegExp(`^第(${CN_NUM})章\\s*`), canon: (m) => [`第${m[1]}章 `, chineseNumeral(m[1]!)] },
  { type: "dec3", re: new RegExp(`^(\\d{1,2})\\.(\\d{1,2})\\.(\\d{1,2})(?![\\d.])\\s*(?=[${CJK}“《\\s])`), canon: (m) => [`${m[1]}.${m[2]}.${m[3]} `, Number(m[3])] },
  { type: "dec2", re: /^(\d{1,2})\.(\d{1,2})\s+(?=\S)/, canon: (m) => [`${m[1]}.${m[2]} `, Number(m[2])] },
  { type: "num", re: /^(\d{1,3})[.．、]\s*(?=[^\d\s.])/, canon: (m) => [`${Number(m[1])}. `, Number(m[1])] },
  { type: "num-paren", re: /^[（(]\s*(\d{1,3})\s*[)）]\s*/, canon: (m) => [`（${Number(m[1])}）`, Number(m[1])] },
  { type: "cn", re: new RegExp(`^(${CN_NUM})、\\s*`), canon: (m) => [`${m[1]}、`, chineseNumeral(m[1]!)] },
  { type: "cn-paren", re: new RegExp(`^[（(]\\s*(${CN_NUM})\\s*[)）]\\s*`), canon: (m) => [`（${m[1]}）`, chineseNumeral(m[1]!)] },
  { type: "circled", re: /^([\u2460-\u2473])\s*/, canon: (m) => [m[1]!, m[1]!.codePointAt(0)! - 0x2460 + 1] },
  { type: "dash", re: /^——(?!—)\s*/, canon: () => ["——", null] },
  { type: "box", re: /^专栏\s*(\d+)(?:\s*[：:]\s*|\s+|$)/, canon: (m) => [`专栏${m[1]} `, Number(m[1])] },
  { type: "table", re: /^表\s*(\d+(?:[—–-]\d+)?)(?![\d.])\s*/, canon: (m) => [`表${m[1]!.replace(/[–-]/, "—")} `, null] },
];

/** The marker a line starts with, or null. Expects normalised text. */
export function parseMarker(text: string): Marker | null {
  for (const p of PATTERNS) {
    const m = p.re.exec(text);
    if (!m) continue;
    const [canonical, ordinal] = p.canon(m);
    const rest = text.slice(m[0].length).trimStart();
    if (p.type !== "preface" && rest === "" && p.type !== "box") return null; // a bare "1." is not a heading
    return { type: p.type, ordinal, canonical: rest === "" ? canonical.trimEnd() : canonical, rest };
  }
  return null;
}

/** A line naming an attachment that is not printed: "…（见网络版）". */
export const ONLINE_ONLY = /（见网络版）$/;

/**
 * A line that is a heading and nothing else (J1 rule 3): it must not be joined
 * to the next line. Numbered lines longer than 30 characters, or with ，/、 in
 * them, are body fragments cut by a column break (NOTES §3.3, §6.1 "+5").
 */
export function isHeadingOnly(text: string, m: Marker | null): boolean {
  if (m === null) return false;
  if (ALWAYS_HEADING.has(m.type)) return true;
  if (ONLINE_ONLY.test(text)) return true;
  if ([...text].length > 30) return false;
  if (/[，、]/.test(m.rest)) return false;
  if (/[，、；]$/.test(text)) return false;
  return !/[。！？].+$/.test(m.rest);
}

/** Global, but only used with replace (no lastIndex state survives a call). */
const CJK_WRAP_SPACE = new RegExp(`(?<=[${CJK}])\\s+(?=[${CJK}])`, "g");

/** Removes wrap spaces between two Chinese characters (总 则 → 总则) inside a heading. */
export function collapseCjkSpaces(s: string): string {
  return s.replace(CJK_WRAP_SPACE, "");
}

/** Length of the candidate inline title (text before the first 。/：), or Infinity when it reads as a sentence. */
export function inlineTitleLength(m: Marker, headingOnly: boolean): number {
  const cut = m.rest.search(/[。：]/);
  if (cut < 0) return headingOnly ? [...m.rest].length : Infinity;
  const clause = m.rest.slice(0, cut);
  if (clause === "") return Infinity;
  const len = [...clause].length;
  if (/[，、；]/.test(clause)) {
    // A few headings legitimately hold a comma: "强化组织领导，聚集目标任务".
    const parts = clause.split(/[，、]/);
    if (/；/.test(clause) || len > 16 || parts.some((p) => [...p].length > 8 || p === "")) return Infinity;
  }
  return len;
}

export interface HeadingSplit {
  /** Heading paragraph text: canonical marker + title + its delimiter. */
  headingText: string;
  /** Section title: canonical marker + title, no trailing 。/：. */
  title: string;
  /** The body that followed on the same line, or "" . */
  body: string;
}

/** Splits "1. 巩固拓展…成果。脱贫攻坚…" into heading and body; `wholeLine` keeps the line whole. */
export function splitHeading(m: Marker, wholeLine: boolean): HeadingSplit {
  if (wholeLine) {
    const headingText = m.canonical + collapseCjkSpaces(m.rest);
    return { headingText, title: headingText.replace(/[。：；，、]+$/, ""), body: "" };
  }
  const cut = m.rest.search(/[。：]/);
  const clause = collapseCjkSpaces(m.rest.slice(0, cut));
  const delimiter = m.rest[cut]!;
  return {
    headingText: m.canonical + clause + delimiter,
    title: m.canonical + clause,
    body: m.rest.slice(cut + 1).trimStart(),
  };
}
