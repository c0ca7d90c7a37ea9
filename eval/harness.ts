/**
 * Runs the question set through our system (the /api/ask code path), its
 * ablations and the peer baselines, and scores everything the same way.
 */
import { answerQuestion, DEFAULT_ANSWER_SETTINGS, type AnswerSettings } from "../src/answer/compose";
import type { Chunk } from "../src/corpus/types";
import type { Engine } from "../src/engine/engine";
import { withOverrides, type RankingConfig, type RankingOverrides } from "../src/search/config";
import { compactForMatch } from "../src/text/fold";
import { containsSnippet, scoreQuestion, summarize, type QuestionOutcome, type QuestionScore, type Summary } from "./metrics";
import type { PeerSystem } from "./peers";
import type { QuestionRecord } from "./questions-schema";

export interface SystemRun {
  name: string;
  kind: "ours" | "ablation" | "peer";
  outcomes: QuestionOutcome[];
  scores: QuestionScore[];
}

export interface EvaluationOptions {
  engine: Engine;
  questions: readonly QuestionRecord[];
  answerSettings?: AnswerSettings;
  ablations?: boolean;
  peers?: readonly PeerSystem[];
}

export interface Ablation {
  name: string;
  overrides: RankingOverrides;
  lexicalOnly?: boolean;
  denseOnly?: boolean;
}

/** Plain BM25 has no boosts and no diversity cap: it is the baseline the extras must beat. */
const PLAIN: RankingOverrides = { docNumberBoost: 0, unitRoleBoost: 0, maxPerSection: 1000, expansionWeight: 0 };

export function ablationsFor(engine: Engine): Ablation[] {
  const list: Ablation[] = [
    { name: "BM25 words", overrides: { ...PLAIN, fieldWeights: { words: 1, bigrams: 0, heading: 0 } }, lexicalOnly: true },
    { name: "BM25 bigrams", overrides: { ...PLAIN, fieldWeights: { words: 0, bigrams: 1, heading: 0 } }, lexicalOnly: true },
    { name: "ours without query expansion", overrides: { expansionWeight: 0 } },
  ];
  if (engine.dense.enabled) {
    list.push({ name: `dense alone (${engine.dense.model})`, overrides: {}, denseOnly: true });
    list.push({ name: "ours lexical only", overrides: {}, lexicalOnly: true });
  }
  return list;
}

export async function runOurs(
  engine: Engine,
  questions: readonly QuestionRecord[],
  settings: AnswerSettings,
): Promise<QuestionOutcome[]> {
  const outcomes: QuestionOutcome[] = [];
  for (const q of questions) {
    const started = performance.now();
    const response = await answerQuestion(engine, { question: q.question, topK: 10 }, settings);
    outcomes.push({
      ranked: response.citations.map((c) => ({ text: c.text, docNumber: c.docNumber })),
      answered: response.answered,
      units: response.units.filter((u) => u.role !== "issuer").map((u) => u.canonical),
      tookMs: performance.now() - started,
    });
  }
  return outcomes;
}

export async function runAblation(engine: Engine, questions: readonly QuestionRecord[], ablation: Ablation, base: RankingConfig) {
  const config = withOverrides(base, ablation.overrides);
  const outcomes: QuestionOutcome[] = [];
  for (const q of questions) {
    const started = performance.now();
    const result = await engine.retriever.search(q.question, {
      k: 10,
      config,
      lexicalOnly: ablation.lexicalOnly,
      denseOnly: ablation.denseOnly,
    });
    outcomes.push({
      ranked: result.hits.map((h) => ({ text: h.chunk.text, docNumber: h.chunk.docNumber })),
      answered: null,
      units: null,
      tookMs: performance.now() - started,
    });
  }
  return outcomes;
}

async function runPeer(peer: PeerSystem, chunks: readonly Chunk[], questions: readonly QuestionRecord[]) {
  const outcomes: QuestionOutcome[] = [];
  for (const q of questions) {
    const started = performance.now();
    const ids = await peer.search(q.question, 10);
    outcomes.push({
      ranked: ids.map((i) => ({ text: chunks[i]!.text, docNumber: chunks[i]!.docNumber })),
      answered: null,
      units: null,
      tookMs: performance.now() - started,
    });
  }
  return outcomes;
}

/** Scores outcomes of any system against the question set, the same way evaluate() does. */
export function scorer(engine: Engine, questions: readonly QuestionRecord[]) {
  // Compacted once: 343 questions × 556 passages would otherwise recompact every passage per question.
  const passages = engine.data.chunks.map((c) => compactForMatch(c.text));
  const relevantCounts = questions.map((q) => {
    if (!q.answerable) return 0;
    const snippets = q.snippets.map(compactForMatch);
    return passages.filter((p) => containsSnippet(p, snippets)).length;
  });
  const canonical = (name: string) => engine.units.find(name)[0]?.canonical ?? name;
  return (outcomes: QuestionOutcome[]) => outcomes.map((o, i) => scoreQuestion(questions[i]!, o, relevantCounts[i]!, canonical));
}

export async function evaluate(options: EvaluationOptions): Promise<SystemRun[]> {
  const { engine, questions } = options;
  const settings = options.answerSettings ?? DEFAULT_ANSWER_SETTINGS;
  const score = scorer(engine, questions);

  const runs: SystemRun[] = [];
  const oursName = engine.dense.enabled ? `ours: hybrid (${engine.dense.model})` : "ours: lexical (BM25 words + bigrams + headings)";
  const ours = await runOurs(engine, questions, settings);
  runs.push({ name: oursName, kind: "ours", outcomes: ours, scores: score(ours) });
  if (options.ablations) {
    const baseConfig = engine.retriever.config;
    for (const ablation of ablationsFor(engine)) {
      const outcomes = await runAblation(engine, questions, ablation, baseConfig);
      runs.push({ name: ablation.name, kind: "ablation", outcomes, scores: score(outcomes) });
    }
  }
  for (const peer of options.peers ?? []) {
    const outcomes = await runPeer(peer, engine.data.chunks, questions);
    runs.push({ name: peer.name, kind: "peer", outcomes, scores: score(outcomes) });
  }
  return runs;
}

/** Summary of one run restricted to the questions `keep` selects. */
export function summarizeSubset(
  run: SystemRun,
  questions: readonly QuestionRecord[],
  keep: (q: QuestionRecord) => boolean,
): Summary {
  const idx = questions.map((q, i) => (keep(q) ? i : -1)).filter((i) => i >= 0);
  return summarize(
    idx.map((i) => questions[i]!),
    idx.map((i) => run.scores[i]!),
    idx.map((i) => run.outcomes[i]!),
  );
}
