/**
 * Policy content: the fact first, then at most two supporting quotes.
 *
 * When the question asks for a value (an amount, a date, a count, a place, a
 * person), the first line is the shortest verbatim run of clauses of a top
 * passage that carries both the topic and such a value, with the value
 * highlighted. Otherwise the first line quotes the sentence that covers the
 * question best.
 */
import type { Engine } from "../../engine/engine";
import { hasValuePattern, valueSpans, type FactType } from "../../search/answer-type";
import { coverage } from "../../search/evidence";
import { quoteLine } from "../lines";
import { bestSentence, clauseWindow, quotableSentences } from "../sentences";
import type { AnswerLine, Citation } from "../types";
import { itemUnits, MAX_SUPPORTING_QUOTES, MIN_RELATIVE_COVERAGE, repeatsSentence } from "./shared";
import type { ComposeContext, Composer, Composition } from "./types";

/** Passages the fact may come from, in rank order. */
const FACT_CANDIDATES = 3;
/** A lower-ranked passage's fact must beat the best one's coverage by this much to be preferred. */
const RANK_PENALTY = 0.08;
/**
 * A sentence with a value must cover at least this share of what the best
 * sentence about the topic covers: "免费乘坐公共汽车" states an amount, but not
 * the 两项补贴 amount a caller asked about.
 */
const MIN_TOPIC_SHARE = 0.7;

export interface FoundFact {
  citation: Citation;
  /** The whole sentence the fact was cut from. */
  sentence: string;
  /** The verbatim run of clauses shown as the fact. */
  text: string;
  /** [start, end) of the value inside `text`. */
  highlight: [number, number];
  coverage: number;
}

export const composePolicy: Composer = (ctx) => {
  const fact = valueAsked(ctx.query.asks) ? findFact(ctx, ctx.query.asks) : null;
  return fact ? factAnswer(ctx, fact) : quoteAnswer(ctx);
};

/** Whether the asked fact has a value the first line can show and highlight. */
export function valueAsked(type: FactType): boolean {
  return hasValuePattern(type) || type === "person";
}

/** The best (topic × value) span among the top passages, or null when none states such a value. */
export function findFact(ctx: Pick<ComposeContext, "engine" | "terms" | "citations" | "query">, type: FactType): FoundFact | null {
  const money = type === "amount" && asksForMoneyGiven(ctx.query.text);
  const measure = type === "count" ? askedMeasure(ctx.query.text) : null;
  let best: (FoundFact & { score: number }) | null = null;
  const passages = ctx.citations.slice(0, FACT_CANDIDATES).map((citation) => {
    const headings = (citation.docTitle + " " + citation.sectionPath.join(" ")).toLowerCase();
    // The section heading often names the topic the sentence leaves implicit (（三）托育服务 → 收费…1.5倍).
    const sentences = quotableSentences(citation, ctx.terms).map((s) => ({
      ...s,
      withHeadings: coverage(ctx.terms, s.text.toLowerCase() + " " + headings),
    }));
    return { citation, headings, sentences };
  });
  const topical = Math.max(0, ...passages.flatMap((p) => p.sentences.map((s) => s.withHeadings)));
  passages.forEach(({ citation, headings, sentences }, rank) => {
    for (const sentence of sentences) {
      if (sentence.coverage === 0 || sentence.withHeadings < topical * MIN_TOPIC_SHARE) continue;
      const values = valuesIn(ctx.engine, type, sentence.text).filter(([a, b]) => {
        const value = sentence.text.slice(a, b);
        return (!money || /元/u.test(value)) && (!measure || value.endsWith(measure));
      });
      if (!values.length) continue;
      const score = sentence.coverage + 0.5 * sentence.withHeadings - RANK_PENALTY * rank;
      if (best && score <= best.score) continue;
      const [vs, ve] = values.reduce((a, b) => (spanCoverage(ctx, sentence.text, b) > spanCoverage(ctx, sentence.text, a) ? b : a));
      const window = clauseWindow(sentence.text, vs, ve, ctx.terms, headings);
      const text = sentence.text.slice(window.start, window.end);
      best = { citation, sentence: sentence.text, text, highlight: [vs - window.start, ve - window.start], coverage: sentence.coverage, score };
    }
  });
  return best;
}

/**
 * "每月补多少钱" asks for a sum paid out: a fee cap (不高于…标准的1.5倍) or 免费 is not
 * such a sum. "要花多少钱" and "收费上限" ask what one pays, where they are.
 */
function asksForMoneyGiven(question: string): boolean {
  return /补|奖|发(放)?多少|给多少|领多少|拿多少/u.test(question) && !/花|收费|收多少|交多少|缴|价格|费用/u.test(question);
}

/**
 * The unit a count question measures in (多少张床位 → 张, 道路长度 公里 → 公里): a value in
 * another unit (7161平方米 for a road's length) is not the count asked for. Only physical
 * units: counters of institutions (家, 所, 个) are used interchangeably (多少家养老机构 → 44所).
 */
function askedMeasure(question: string): string | null {
  const m = /(?:多少|几)\s*(公里|千米|平方米|公顷|亩|米|张)/u.exec(question) ?? /(公里|千米|平方米|公顷|亩)\s*[？?]?$/u.exec(question.trim());
  return m ? m[1]! : null;
}

/** How much of the question the clause around a value covers (to pick among several values in one sentence). */
function spanCoverage(ctx: Pick<ComposeContext, "terms">, sentence: string, [start, end]: [number, number]): number {
  const window = clauseWindow(sentence, start, end, ctx.terms);
  return coverage(ctx.terms, sentence.slice(window.start, window.end).toLowerCase()) - (window.end - window.start) / 10_000;
}

/** Value spans of `type` in `text`: patterns for most types, the parsed rosters' names for people. */
export function valuesIn(engine: Engine, type: FactType, text: string): [number, number][] {
  if (type !== "person") return valueSpans(type, text);
  const spans: [number, number][] = [];
  for (const name of personNames(engine)) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) spans.push([at, at + name.length]);
  }
  return spans.sort((a, b) => a[0] - b[0]);
}

const namesOf = new WeakMap<Engine, string[]>();

/** Every person the parsed documents name (group members, appointments). */
function personNames(engine: Engine): string[] {
  let names = namesOf.get(engine);
  if (!names) {
    const set = new Set<string>();
    for (const doc of engine.data.documents) {
      for (const g of doc.groups) for (const m of g.members) if (m.person && m.person.length >= 2) set.add(m.person);
      for (const a of doc.appointments) if (a.person.length >= 2) set.add(a.person);
    }
    names = [...set];
    namesOf.set(engine, names);
  }
  return names;
}

function factAnswer(ctx: ComposeContext, fact: FoundFact): Composition {
  const lines: AnswerLine[] = [quoteLine(fact.text, fact.citation, "fact", fact.highlight)];
  const quoted = [fact.sentence];
  const used = [fact.citation];
  // The whole sentence when the fact is a cut of it, then another passage if it adds comparable evidence.
  const supports: { citation: Citation; text: string }[] = [];
  if (!repeatsSentence(fact.text, fact.sentence)) supports.push({ citation: fact.citation, text: fact.sentence });
  for (const citation of ctx.citations.slice(0, 3)) {
    if (supports.length >= MAX_SUPPORTING_QUOTES || citation === fact.citation) continue;
    const s = bestSentence(citation, ctx.terms);
    if (s && fact.coverage > 0 && s.coverage >= fact.coverage * MIN_RELATIVE_COVERAGE * 1.2 && !quoted.includes(s.text)) {
      supports.push({ citation, text: s.text });
    }
  }
  supports.sort((a, b) => a.citation.n - b.citation.n);
  for (const s of supports.slice(0, MAX_SUPPORTING_QUOTES)) {
    lines.push(quoteLine(s.text, s.citation));
    if (!quoted.includes(s.text)) quoted.push(s.text);
    if (!used.includes(s.citation)) used.push(s.citation);
  }
  const units = used.flatMap((c) => itemUnits(c, quoted.find((q) => c.text.includes(q)) ?? ""));
  return { lines, used, quoted, units };
}

/** No value to show: the sentences that cover the question best, in citation order. */
function quoteAnswer(ctx: ComposeContext): Composition | null {
  const picks: { citation: Citation; text: string; coverage: number }[] = [];
  for (const citation of ctx.citations.slice(0, MAX_SUPPORTING_QUOTES + 1)) {
    const best = bestSentence(citation, ctx.terms);
    if (best) picks.push({ citation, text: best.text, coverage: best.coverage });
  }
  if (!picks.length) return null;
  const top = Math.max(0, ...picks.map((p) => p.coverage));
  // The first citation always speaks; the others only when they add comparable evidence.
  const chosen = picks
    .filter((p, i) => i === 0 || (top > 0 && p.coverage >= top * MIN_RELATIVE_COVERAGE))
    .filter((p, i, all) => all.findIndex((o) => o.text === p.text) === i)
    .slice(0, MAX_SUPPORTING_QUOTES);
  return {
    lines: chosen.map((p) => quoteLine(p.text, p.citation)),
    used: chosen.map((p) => p.citation),
    quoted: chosen.map((p) => p.text),
    units: chosen.flatMap((p) => itemUnits(p.citation, p.text)),
  };
}
