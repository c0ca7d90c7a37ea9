/**
 * Choosing what to quote: the sentence of a passage that covers most of the
 * question, and the clauses of a sentence that carry the asked value.
 */
import { bracketPairs, matchView } from "../corpus/units/text";
import { coverage, type ContentTerm } from "../search/evidence";
import { splitSentences, type SentenceSpan } from "../text/sentences";
import type { Citation } from "./types";

export interface ScoredSentence extends SentenceSpan {
  coverage: number;
}

/** The passage's quotable sentences (no heading, no bare annotation), each with its coverage of the question. */
export function quotableSentences(citation: Pick<Citation, "text" | "sectionPath">, terms: readonly ContentTerm[]): ScoredSentence[] {
  return withTableRows(citation.text, splitSentences(citation.text))
    .filter((s) => !isHeadingLine(s.text, citation.sectionPath) && !isAside(s.text))
    .map((s) => ({ ...s, coverage: coverage(terms, s.text.toLowerCase()) }));
}

/**
 * A table row ("指标：5. 重度残疾人护理补贴覆盖率(%)；2025年：100") is one statement:
 * its cells are separated by ；, which otherwise ends a sentence, and a row cut
 * at its first cell loses the value.
 */
function withTableRows(text: string, sentences: SentenceSpan[]): SentenceSpan[] {
  const rows: SentenceSpan[] = [];
  let offset = 0;
  for (const line of text.split("\n")) {
    if (TABLE_ROW.test(line)) rows.push({ start: offset, end: offset + line.length, text: line });
    offset += line.length + 1;
  }
  if (!rows.length) return sentences;
  const outside = sentences.filter((s) => !rows.some((r) => s.start >= r.start && s.end <= r.end));
  return [...outside, ...rows].sort((a, b) => a.start - b.start);
}

/** "header：value；header：value" with at least two cells. */
const TABLE_ROW = /^[^：；\n]{1,30}：[^；\n]*；[^：；\n]{1,30}：/u;

/** The quotable sentence that covers the most of the question; the first on a tie. */
export function bestSentence(citation: Pick<Citation, "text" | "sectionPath">, terms: readonly ContentTerm[]): ScoredSentence | null {
  let best: ScoredSentence | null = null;
  for (const s of quotableSentences(citation, terms)) if (!best || s.coverage > best.coverage) best = s;
  return best;
}

/** Clause boundaries inside a sentence: a span between them reads as a unit of its own. */
const CLAUSE_END = /[，；：,;:。！？!?]/u;

/**
 * The shortest run of whole clauses of `sentence` that contains [valueStart,
 * valueEnd) and covers as much of the question as the whole sentence does:
 * "…原则不高于普惠民办幼儿园最高收费标准的1.5倍" rather than the three clauses before it.
 * Offsets are relative to the sentence.
 */
export function clauseWindow(
  sentence: string,
  valueStart: number,
  valueEnd: number,
  terms: readonly ContentTerm[],
  /** The passage's title and section headings: a topic they name need not be repeated in the clause. */
  headings = "",
): { start: number; end: number } {
  const bounds = [0];
  for (let i = 0; i < sentence.length; i++) if (CLAUSE_END.test(sentence[i]!)) bounds.push(i + 1);
  if (bounds[bounds.length - 1] !== sentence.length) bounds.push(sentence.length);
  const context = headings ? " " + headings.toLowerCase() : "";
  const target = coverage(terms, sentence.toLowerCase() + context);
  let best: { start: number; end: number } = { start: 0, end: sentence.length };
  let bestCoverage = -1;
  for (let a = 0; a < bounds.length - 1; a++) {
    if (bounds[a]! > valueStart) break;
    for (let b = a + 1; b < bounds.length; b++) {
      if (bounds[b]! < valueEnd) continue;
      const start = bounds[a]!;
      const end = bounds[b]!;
      const c = coverage(terms, sentence.slice(start, end).toLowerCase() + context);
      const better = c > bestCoverage + 1e-9 || (Math.abs(c - bestCoverage) < 1e-9 && end - start < best.end - best.start);
      if (better) {
        best = { start, end };
        bestCoverage = c;
      }
      if (c >= target - 1e-9) break; // wider windows from this start only add length
    }
  }
  return trimWindow(sentence, best);
}

/** Leading clause punctuation and a trailing comma are not part of the quote. */
function trimWindow(sentence: string, w: { start: number; end: number }): { start: number; end: number } {
  let { start, end } = w;
  while (start < end && /[，；：,;:\s]/u.test(sentence[start]!)) start++;
  while (end > start && /[，；：,;:\s]/u.test(sentence[end - 1]!)) end--;
  return { start, end };
}

const HEADING_MARKER = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+(?:\.\d+)*\.?\s|（\d+）|[①-⑳]|第[一二三四五六七八九十]+章|专栏\s*\d+|表\s*\d+)/u;

/**
 * A heading quoted alone ("6. 残疾人就业服务补贴。") tells the user nothing the
 * citation's section path does not; the answer quotes body sentences instead.
 */
export function isHeadingLine(sentence: string, sectionPath: readonly string[]): boolean {
  const bare = sentence.replace(/[。：:]$/u, "");
  if (sectionPath.some((title) => title.replace(/[。：:]$/u, "") === bare)) return true;
  return HEADING_MARKER.test(sentence) && [...bare].length <= 30 && !/[，；]/u.test(bare);
}

/**
 * A sentence that is only a parenthesised aside, typically a unit annotation
 * "（市市场监管局牵头负责，各县（市、区）人民政府配合）": quoted alone it says who, not
 * what, and the units line already says who.
 */
export function isAside(sentence: string): boolean {
  const bare = matchView(sentence.replace(/[。；]$/u, ""));
  return bracketPairs(bare).some((pair) => pair.start === 0 && pair.end === bare.length);
}
