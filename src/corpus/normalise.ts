/**
 * Pure text repairs applied to single source lines (NOTES §6.6–6.9).
 * Every function here is idempotent: normalising twice changes nothing.
 */
import { CJK, isCjkOrPunct } from "./text";

const HALF_TO_FULL: Record<string, string> = { ",": "，", ";": "；", ":": "：", "(": "（", ")": "）" };
const OPEN = new Set(["(", "（"]);
const CLOSE = new Set([")", "）"]);

/**
 * P1: half-width , ; : ( ) next to Chinese become full-width.
 *
 * Brackets are decided per matched pair (either width), so "(16—59周岁)" turns
 * full-width while "(%)", "(m ²)", "(0349)", "(RCEP)" and standard codes such as
 * "(LY/T5007—2014)" — pairs with no Chinese inside — keep their half-width form.
 * Unpaired brackets (cut by a column break) fall back to the adjacency rule, so
 * normalising the two halves of a broken line gives the same result as
 * normalising the joined line. Coordinates (E; 39°) and URLs have no Chinese
 * neighbour and are left alone.
 */
export function normalisePunctuation(line: string): string {
  const chars = [...line];
  const out = chars.slice();
  const pairOf = new Map<number, number>();
  const stack: number[] = [];
  chars.forEach((ch, i) => {
    if (OPEN.has(ch)) stack.push(i);
    else if (CLOSE.has(ch) && stack.length > 0) {
      const open = stack.pop()!;
      pairOf.set(open, i);
      pairOf.set(i, open);
    }
  });
  const adjacentCjk = (i: number) => isCjkOrPunct(chars[i - 1]) || isCjkOrPunct(chars[i + 1]);
  chars.forEach((ch, i) => {
    const full = HALF_TO_FULL[ch];
    if (full === undefined) return;
    if (ch === "(" || ch === ")") {
      const other = pairOf.get(i);
      if (other !== undefined) {
        const [a, b] = other < i ? [other, i] : [i, other];
        const inner = chars.slice(a + 1, b).join("");
        if (hasChinese(inner)) out[i] = full;
      } else if (adjacentCjk(i)) {
        out[i] = full;
      }
      return;
    }
    // , ; : — but never inside digit groups or URLs ("http://").
    if (ch === ":" && chars[i + 1] === "/" && chars[i + 2] === "/") return;
    if (adjacentCjk(i)) {
      out[i] = full;
      // "附件: 1." — the space that follows half-width punctuation by convention goes with it.
      for (let j = i + 1; j < chars.length && chars[j] === " "; j++) out[j] = "";
    }
  });
  return out.join("");
}

const CHINESE_RE = new RegExp(`[${CJK}]`);
function hasChinese(s: string): boolean {
  return CHINESE_RE.test(s);
}

/** `$\geq 10\text{m}$` → `≥10m` (NOTES §6.8); spaces that padded the formula inside Chinese text go too. */
export function fixLatex(line: string): string {
  if (!line.includes("$")) return line;
  return line.replace(/\s?\$([^$]*\\[a-zA-Z]+[^$]*)\$\s?/g, (_m, body: string) =>
    body
      .replace(/\\geq?/g, "≥")
      .replace(/\\leq?/g, "≤")
      .replace(/\\times/g, "×")
      .replace(/\\text\{([^}]*)\}/g, "$1")
      .replace(/\\[a-zA-Z]+/g, "")
      .replace(/[{}\s]/g, ""),
  );
}

/** `(<http://x/>)` → `(http://x/)`. */
export function fixAutolink(line: string): string {
  return line.replace(/<(https?:\/\/[^>\s]+)>/g, "$1");
}

/** `- ` converter bullets in front of list markers, 附件/附表, labels or roster rows (NOTES §6.8). */
export function stripConverterBullet(line: string): { text: string; stripped: boolean } {
  const m = /^-\s+(?=[（(]|附|[\u3400-\u9fff])/.exec(line);
  return m ? { text: line.slice(m[0].length), stripped: true } : { text: line, stripped: false };
}

// Global regexes below are only used with replace/matchAll, which never leave lastIndex state behind.
const AND_LEAK = new RegExp(`(?<=[${CJK}])\\s+and\\s+(?=[${CJK}])`, "g");
const LEAK_WORD = new RegExp(`(?<=[${CJK}，、；：]\\s?)([a-z]{3,})(?=\\s?[${CJK}，、；：。])`, "g");

/** ` and ` between Chinese characters is a converter leak for 和 (NOTES §6.9). */
export function fixAndLeak(line: string): string {
  return line.replace(AND_LEAK, "和");
}

/** Lowercase English words sitting inside Chinese text that are not on the allow-list (e.g. "workflows"). */
export function suspectedLeakWords(line: string): string[] {
  return [...line.matchAll(LEAK_WORD)].map((m) => m[1]!).filter((w) => !ALLOWED_LATIN.has(w));
}
const ALLOWED_LATIN = new Set(["app", "http", "https", "www"]);

/**
 * Roster labels (组长, 副主任, 成员 …), the one list every rule uses. Order
 * matters for the regexes built from it: a longer label before its prefix.
 */
export const ROSTER_LABELS = ["副秘书长", "秘书长", "副组长", "组长", "副主任", "主任", "委员", "成员单位", "成员"] as const;
/** Labels that open a block of their own: the roster labels plus 工作职责. */
export const BLOCK_LABELS = [...ROSTER_LABELS, "工作职责"] as const;

/** Roster / header labels written with spaces: 组 长, 副 组 长, 秘 书 长, 成 员 … */
const LABEL_WORDS = [...BLOCK_LABELS, "前言"];
const LABEL_SPACED = new RegExp(
  `^(${LABEL_WORDS.map((w) => [...w].join("\\s*")).join("|")})(?=\\s*[:：]|$)`,
);

/** `组 长：` → `组长：`, `前 言` → `前言`; only at line start, only known label words. */
export function collapseLabelSpaces(line: string): string {
  const m = LABEL_SPACED.exec(line);
  if (!m) return line;
  return m[1]!.replace(/\s+/g, "") + line.slice(m[0].length).replace(/^\s+(?=[:：])/, "");
}

const ROSTER_LABEL_RE = new RegExp(`^(${ROSTER_LABELS.join("|")})[:：]\\s*`);
/** The label of a roster line (组长, 副主任, 成员 …) or null. Expects a collapsed line. */
export function rosterLabel(line: string): { label: string; rest: string } | null {
  const m = ROSTER_LABEL_RE.exec(line);
  return m ? { label: m[1]!, rest: line.slice(m[0].length) } : null;
}

const NAME_TOKEN = new RegExp(`^[${CJK}]{1,3}$`);
/**
 * Collapses padded two-character names in a roster value (NOTES §6.7, App. B):
 * "刘 亮 市委常委" → "刘亮 市委常委"; "彭 雁 李润军" → "彭雁 李润军". Two single
 * characters in a row are one name; nothing else is touched.
 */
export function collapsePaddedNames(value: string): string {
  const tokens = value.split(/\s+/).filter((t) => t !== "");
  const merged: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    if ([...t].length === 1 && NAME_TOKEN.test(t) && next !== undefined && [...next].length === 1 && NAME_TOKEN.test(next)) {
      merged.push(t + next);
      i++;
    } else merged.push(t);
  }
  return merged.join(" ");
}

/** All single-line repairs except roster-specific ones, in the order NOTES §8 gives. */
export function cleanLine(raw: string): { text: string; bulletStripped: boolean } {
  let s = raw.replace(/^[ \u3000\u00a0]+|[ \u3000\u00a0]+$/g, "");
  const bullet = stripConverterBullet(s);
  s = bullet.text;
  s = fixLatex(s);
  s = fixAutolink(s);
  s = fixAndLeak(s);
  s = normalisePunctuation(s);
  s = collapseLabelSpaces(s);
  return { text: s, bulletStripped: bullet.stripped };
}
