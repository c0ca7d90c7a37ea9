/**
 * Retrieval-accuracy metrics over ranked passage lists. Pure: the harness feeds
 * it what any system (ours, a peer, an ablation) returned for each question.
 */
import { compactForMatch } from "../src/text/fold";

export interface RankedPassage {
  text: string;
  docNumber: string;
}

export interface GoldQuestion {
  id: string;
  answerable: boolean;
  docNumbers: string[];
  snippets: string[];
  units?: string[];
}

/** What one system did for one question. */
export interface QuestionOutcome {
  ranked: RankedPassage[];
  /** Whether the system answered (null for systems that never refuse, e.g. peers). */
  answered: boolean | null;
  /** Canonical units the system named (null when the system does not name units). */
  units: string[] | null;
  tookMs: number;
}

export interface QuestionScore {
  /** 1-based rank of the first passage containing a gold snippet, or null. */
  firstHitRank: number | null;
  docRecallAt5: number;
  ndcgAt10: number;
  refusalCorrect: boolean | null;
  unitRecall: number | null;
  unitPrecision: number | null;
}

/** A passage is relevant when, whitespace and punctuation removed, it contains a gold snippet. */
export function isRelevant(passageText: string, snippets: readonly string[]): boolean {
  return containsSnippet(compactForMatch(passageText), snippets.map(compactForMatch));
}

/** `isRelevant` on text already passed through compactForMatch, for callers that test many pairs. */
export function containsSnippet(compactPassage: string, compactSnippets: readonly string[]): boolean {
  return compactSnippets.some((s) => compactPassage.includes(s));
}

/**
 * @param relevantInCorpus how many passages of the whole corpus contain a gold
 *   snippet: the ideal ranking for nDCG.
 * @param canonicalUnit maps a unit as written to its canonical name, so 市人社局
 *   and 市人力资源和社会保障局 count as the same unit.
 */
export function scoreQuestion(
  gold: GoldQuestion,
  outcome: QuestionOutcome,
  relevantInCorpus: number,
  canonicalUnit: (name: string) => string,
): QuestionScore {
  const relevance: number[] = outcome.ranked.slice(0, 10).map((p) => (isRelevant(p.text, gold.snippets) ? 1 : 0));
  const first = relevance.indexOf(1);
  const top5Docs = new Set(outcome.ranked.slice(0, 5).map((p) => p.docNumber));
  const docRecallAt5 = gold.docNumbers.length
    ? gold.docNumbers.filter((d) => top5Docs.has(d)).length / gold.docNumbers.length
    : 0;
  const dcg = relevance.reduce((sum, rel, i) => sum + rel / Math.log2(i + 2), 0);
  const ideal = Array.from({ length: Math.min(10, Math.max(1, relevantInCorpus)) }, (_, i) => 1 / Math.log2(i + 2)).reduce(
    (a, b) => a + b,
    0,
  );
  let unitRecall: number | null = null;
  let unitPrecision: number | null = null;
  if (gold.units?.length && outcome.units) {
    const expected = new Set(gold.units.map(canonicalUnit));
    const named = new Set(outcome.units.map(canonicalUnit));
    const found = [...expected].filter((u) => named.has(u)).length;
    unitRecall = found / expected.size;
    unitPrecision = named.size ? [...named].filter((u) => expected.has(u)).length / named.size : 0;
  }
  return {
    firstHitRank: gold.answerable && first >= 0 ? first + 1 : null,
    docRecallAt5,
    ndcgAt10: gold.answerable ? dcg / ideal : 0,
    refusalCorrect: outcome.answered === null ? null : outcome.answered === gold.answerable,
    unitRecall,
    unitPrecision,
  };
}

export interface Summary {
  questions: number;
  answerable: number;
  hitAt: Record<1 | 3 | 5 | 10, number>;
  docRecallAt5: number;
  mrrAt10: number;
  ndcgAt10: number;
  refusalAccuracy: number | null;
  unitRecall: number | null;
  unitPrecision: number | null;
  latencyMs: { p50: number; p95: number };
}

export function summarize(
  golds: readonly GoldQuestion[],
  scores: readonly QuestionScore[],
  outcomes: readonly QuestionOutcome[],
): Summary {
  const answerable = scores.filter((_, i) => golds[i]!.answerable);
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const hitAt = (k: number) => mean(answerable.map((s) => (s.firstHitRank !== null && s.firstHitRank <= k ? 1 : 0)));
  const refusal = scores.map((s) => s.refusalCorrect).filter((r): r is boolean => r !== null);
  const unitR = scores.map((s) => s.unitRecall).filter((r): r is number => r !== null);
  const unitP = scores.map((s) => s.unitPrecision).filter((r): r is number => r !== null);
  const latencies = outcomes.map((o) => o.tookMs);
  return {
    questions: scores.length,
    answerable: answerable.length,
    hitAt: { 1: hitAt(1), 3: hitAt(3), 5: hitAt(5), 10: hitAt(10) },
    docRecallAt5: mean(answerable.map((s) => s.docRecallAt5)),
    mrrAt10: mean(answerable.map((s) => (s.firstHitRank ? 1 / s.firstHitRank : 0))),
    ndcgAt10: mean(answerable.map((s) => s.ndcgAt10)),
    refusalAccuracy: refusal.length ? mean(refusal.map((r) => (r ? 1 : 0))) : null,
    unitRecall: unitR.length ? mean(unitR) : null,
    unitPrecision: unitP.length ? mean(unitP) : null,
    latencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95) },
  };
}

export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}
