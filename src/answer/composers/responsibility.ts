/**
 * "谁牵头 / 哪个部门负责": the units of the duty item that matches the question,
 * first and highlighted, then that item's sentence. Each passage's units are
 * read per item (quote-units), so the answer names who holds *this* task,
 * not the first unit of a long list.
 */
import { quoteLine, rolesText } from "../lines";
import { bestSentence } from "../sentences";
import type { AnswerLine, AnswerUnit, Citation } from "../types";
import { itemUnits, MIN_RELATIVE_COVERAGE } from "./shared";
import type { Composer } from "./types";

/** Passages that may speak: the answer quotes the best item and, when as good, one more. */
const RESPONSIBILITY_CANDIDATES = 3;

export const composeResponsibility: Composer = (ctx) => {
  const items: { citation: Citation; sentence: string; coverage: number; units: AnswerUnit[] }[] = [];
  for (const citation of ctx.citations.filter((c) => c.units.some((u) => u.canonical)).slice(0, RESPONSIBILITY_CANDIDATES)) {
    const sentence = bestSentence(citation, ctx.terms);
    if (!sentence) continue;
    const units = itemUnits(citation, sentence.text);
    if (units.length) items.push({ citation, sentence: sentence.text, coverage: sentence.coverage, units });
  }
  if (!items.length) return null;
  // Rank order unless a later item covers the question clearly better (the top passage may be about the topic
  // in general while the second names the duty).
  const best = items.reduce((a, b) => (b.coverage > a.coverage + 0.15 ? b : a));
  const { text, first } = rolesText(best.units);
  const lines: AnswerLine[] = [
    { kind: "fact", text: `${text}[${best.citation.n}]`, cite: best.citation.n, ...(first ? { highlight: first } : {}) },
    quoteLine(best.sentence, best.citation),
  ];
  const used = [best.citation];
  const quoted = [best.sentence];
  // A second item of comparable relevance with other units: a caller may need either.
  const other = items.find(
    (i) => i !== best && i.coverage >= best.coverage * MIN_RELATIVE_COVERAGE && rolesText(i.units).text !== text,
  );
  if (other) {
    lines.push({ kind: "field", text: `另见：${rolesText(other.units).text}——${other.sentence}[${other.citation.n}]`, cite: other.citation.n });
    used.push(other.citation);
    quoted.push(other.sentence);
  }
  return { lines, used, quoted, units: best.units, unitsShown: true };
};
