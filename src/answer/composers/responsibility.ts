/**
 * "谁牵头 / 哪个部门负责": the units of the duty item that matches the question,
 * first and highlighted, then that item's sentence. Each passage's units are
 * read per item (quote-units), so the answer names who holds *this* task,
 * not the first unit of a long list.
 */
import { quoteLine, rolesText } from "../lines";
import { itemAnnotation } from "../quote-units";
import { bestSentence, clauseWindow } from "../sentences";
import type { AnswerLine, AnswerUnit, Citation } from "../types";
import { itemUnits, MIN_RELATIVE_COVERAGE, repeatsSentence } from "./shared";
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
  const best = items.reduce((a, b) => (b.coverage > a.coverage + 0.3 ? b : a));
  const { text } = rolesText(best.units);
  const fact = factLine(best.citation, best.sentence, best.units, ctx.terms);
  const lines: AnswerLine[] = [fact];
  if (!repeatsSentence(fact.text, best.sentence)) lines.push(quoteLine(best.sentence, best.citation));
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

/**
 * The verbatim words that say who holds the item, with the leading unit
 * highlighted: the item's annotation ("（市工商联牵头负责）"), or the clause of the
 * sentence that names the unit as the duty's subject ("市规划和自然资源局负责牵头组织协调…");
 * failing both, the roles as a labelled field.
 */
function factLine(citation: Citation, sentence: string, units: readonly AnswerUnit[], terms: ComposeTerms): AnswerLine {
  const lead = [...units].sort((a, b) => ROLE_RANK[a.role] - ROLE_RANK[b.role]);
  const annotation = itemAnnotation(citation.text, sentence, lead[0]?.name);
  if (annotation) {
    const text = citation.text.slice(annotation.start, annotation.end);
    const unit = lead.find((u) => text.includes(u.name));
    if (unit) return highlighted(text, unit.name, citation);
  }
  const unit = lead.find((u) => sentence.includes(u.name));
  if (unit) {
    const at = sentence.indexOf(unit.name);
    const w = clauseWindow(sentence, at, at + unit.name.length, terms);
    return highlighted(sentence.slice(w.start, w.end), unit.name, citation);
  }
  const { text, first } = rolesText(units);
  return { kind: "fact", text: `${text}[${citation.n}]`, cite: citation.n, ...(first ? { highlight: first } : {}) };
}

type ComposeTerms = Parameters<typeof clauseWindow>[3];

const ROLE_RANK: Record<AnswerUnit["role"], number> = { lead: 0, responsible: 1, participating: 2, issuer: 3 };

function highlighted(text: string, name: string, citation: Citation): AnswerLine {
  const at = text.indexOf(name);
  return { kind: "fact", text: `${text}[${citation.n}]`, cite: citation.n, highlight: [at, at + name.length] };
}
