import type { Bm25Params } from "./bm25";
import tuned from "../data/ranking-config.json";

/**
 * Every ranking weight in one place. Values are chosen by `npm run eval` on the
 * dev split (see eval/tune.ts and the README), never by hand on the test split.
 */
export interface RankingConfig {
  bm25: Bm25Params;
  /** Weight of each lexical field in the lexical score. 0 switches a field off. */
  fieldWeights: { words: number; bigrams: number; heading: number };
  /** Weight of colloquial-expansion terms relative to the user's own terms. */
  expansionWeight: number;
  /** How strongly everyday-language specificity scales query terms (0 = off; see Retriever.specificity). */
  specificityExponent: number;
  /** Reciprocal-rank fusion constant and list weights (only when dense retrieval is on). */
  rrfK: number;
  lexicalWeight: number;
  denseWeight: number;
  /** How many candidates each list contributes to fusion. */
  candidateDepth: number;
  /** Weight of the whole document's match strength added to each of its passages (0 = off). */
  documentContextWeight: number;
  /** Added to passages whose content fits the question's intent (units in a role for "who is responsible", the 任免 notice for appointments). */
  intentBoost: number;
  /** Added (on a 0–1 scale) to passages of a document the question names by number. */
  docNumberBoost: number;
  /** Added to passages where a unit the question names has a role. */
  unitRoleBoost: number;
  /** Added to passages that state the kind of fact the question asks for (an amount for 多少钱, a date for 几号). */
  answerTypeBoost: number;
  /** At most this many passages from one section in a result list. */
  maxPerSection: number;
}

/** Starting point of tuning; kept to document what the tuned values moved from. */
export const UNTUNED_RANKING: RankingConfig = {
  bm25: { k1: 1.2, b: 0.75 },
  fieldWeights: { words: 1, bigrams: 1, heading: 0.3 },
  expansionWeight: 0.4,
  specificityExponent: 0,
  rrfK: 60,
  lexicalWeight: 1,
  denseWeight: 1,
  // Candidates past 50 never changed a dev-split ranking (measured 30/50/100); fewer is faster.
  candidateDepth: 50,
  documentContextWeight: 0,
  intentBoost: 0,
  docNumberBoost: 0.5,
  unitRoleBoost: 0.2,
  answerTypeBoost: 0,
  maxPerSection: 2,
};

/** The weights `npm run eval:tune` chose on the dev split (src/data/ranking-config.json). */
export const DEFAULT_RANKING: RankingConfig = withOverrides(UNTUNED_RANKING, tuned.ranking);

/** The refusal threshold calibrated on the dev split's unanswerable questions. */
export const TUNED_REFUSAL_THRESHOLD: number = tuned.refusalThreshold;

export type RankingOverrides = {
  [K in keyof RankingConfig]?: RankingConfig[K] extends object ? Partial<RankingConfig[K]> : RankingConfig[K];
};

export function withOverrides(base: RankingConfig, overrides: RankingOverrides = {}): RankingConfig {
  return {
    ...base,
    ...overrides,
    bm25: { ...base.bm25, ...overrides.bm25 },
    fieldWeights: { ...base.fieldWeights, ...overrides.fieldWeights },
  } as RankingConfig;
}
