/**
 * Character-level helpers shared by the unit extractors.
 *
 * Every normaliser here maps one UTF-16 code unit to one code unit, so an
 * offset found in a normalised string is also an offset in the original
 * paragraph text. That is what lets the grammar match on a uniform view
 * while annotations still point at the text as printed.
 */

const HALF_TO_FULL: Readonly<Record<string, string>> = {
  ",": "，",
  ";": "；",
  ":": "：",
  "(": "（",
  ")": "）",
};

/** Half-width , ; : ( ) → full-width. The parser already does this next to Chinese; we accept both anyway. */
export function fullWidth(s: string): string {
  return s.replace(/[,;:()]/g, (ch) => HALF_TO_FULL[ch] ?? ch);
}

/** `fullWidth` plus 〔〕 → （）: the view used for parsing and for alias keys (NOTES §6.6 "for matching only"). */
export function matchView(s: string): string {
  return fullWidth(s).replace(/〔/g, "（").replace(/〕/g, "）");
}

/** A name as a lookup key: matching view without any whitespace. Not length-preserving. */
export function nameKey(s: string): string {
  return matchView(s).replace(/\s+/g, "");
}

export interface Span {
  start: number;
  end: number;
}

/**
 * All matched （…） pairs in a matching view, outermost first (by start,
 * then by length). Unmatched brackets are ignored, so one stray bracket does
 * not swallow every later marker.
 */
export function bracketPairs(view: string): Span[] {
  const pairs: Span[] = [];
  const stack: number[] = [];
  for (let i = 0; i < view.length; i++) {
    const ch = view[i];
    if (ch === "（") stack.push(i);
    else if (ch === "）" && stack.length > 0) {
      const open = stack.pop()!;
      pairs.push({ start: open, end: i + 1 });
    }
  }
  return pairs.sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * Splits `view[span]` at any of `separators` that stand outside brackets, so
 * 各县（市、区）人民政府 stays whole when splitting a list on 、.
 * Returns the pieces as spans (empty pieces dropped).
 */
export function splitTopLevel(view: string, span: Span, separators: string): Span[] {
  const parts: Span[] = [];
  let depth = 0;
  let from = span.start;
  for (let i = span.start; i < span.end; i++) {
    const ch = view[i]!;
    if (ch === "（") depth++;
    else if (ch === "）") depth = Math.max(0, depth - 1);
    else if (depth === 0 && separators.includes(ch)) {
      if (i > from) parts.push({ start: from, end: i });
      from = i + 1;
    }
  }
  if (span.end > from) parts.push({ start: from, end: span.end });
  return parts;
}

/** Narrows a span by whitespace on both sides. */
export function trimSpan(view: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(view[start]!)) start++;
  while (end > start && /\s/.test(view[end - 1]!)) end--;
  return { start, end };
}
