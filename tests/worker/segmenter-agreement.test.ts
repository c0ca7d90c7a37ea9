/**
 * Query-side segmentation on the Worker (jieba-wasm, i.e. jieba-rs) against the
 * index build's (nodejieba, i.e. cppjieba), set up alike: same user dictionary at
 * the same weight, search mode, no HMM. Measured on the evaluation questions
 * (word-level agreement) and on retrieval (hit@5, top document), in-process.
 * Both implement the same dictionary DAG, so on the CJK runs the analyzer feeds
 * them they agree word for word; with HMM switched on they would not (≈93%).
 */
import { readFileSync } from "node:fs";
import * as jiebaWasmNode from "jieba-wasm";
import { beforeAll, describe, expect, it } from "vitest";
import { answerQuestion, DEFAULT_ANSWER_SETTINGS } from "../../src/answer/compose";
import type { Corpus } from "../../src/corpus/types";
import { createEngine, type Engine } from "../../src/engine/engine";
import { corpusUserWords } from "../../src/cli/build-index";
import { readAnalysisData } from "../../src/node/data-files";
import { parseExpansions } from "../../src/search/expansion";
import { createJiebaSegmenter } from "../../src/node/jieba-segmenter";
import { createAnalyzer, parseStopwords, type Analyzer } from "../../src/search/analyzer";
import { createJiebaWasmSegmenter } from "../../src/worker/jieba-wasm-segmenter";
import { parseQuestions } from "../../eval/load-questions";
import { scoreQuestion, summarize, type QuestionOutcome } from "../../eval/metrics";
import { testEngine } from "../helpers/engine";

const questions = parseQuestions(readFileSync("eval/questions.jsonl", "utf8"));

/** Micro-averaged multiset Jaccard of two term lists per text, and the share of texts segmented identically. */
function agreement(texts: readonly string[], a: Analyzer, b: Analyzer): { words: number; identical: number } {
  let shared = 0;
  let union = 0;
  let identical = 0;
  for (const text of texts) {
    const [x, y] = [a.words(text), b.words(text)];
    const counts = new Map<string, number>();
    for (const w of x) counts.set(w, (counts.get(w) ?? 0) + 1);
    let common = 0;
    for (const w of y) {
      const n = counts.get(w) ?? 0;
      if (n > 0) {
        common++;
        counts.set(w, n - 1);
      }
    }
    shared += common;
    union += x.length + y.length - common;
    if (x.join("|") === y.join("|")) identical++;
  }
  return { words: union ? shared / union : 1, identical: identical / texts.length };
}

describe("jieba-wasm (Worker) against nodejieba (index build)", () => {
  let nodeEngine: Engine;
  let wasmEngine: Engine;
  let nodeAnalyzer: Analyzer;
  let wasmAnalyzer: Analyzer;

  beforeAll(async () => {
    nodeEngine = await testEngine();
    const corpus = JSON.parse(readFileSync("corpus/corpus.json", "utf8")) as Corpus;
    // The index's own dictionary: named terms plus the words discovered at build time.
    const { userWords } = corpusUserWords(corpus);
    const analysis = readAnalysisData();
    const stopwords = parseStopwords(analysis.stopwords);
    nodeAnalyzer = createAnalyzer(createJiebaSegmenter(userWords), stopwords);
    wasmAnalyzer = createAnalyzer(createJiebaWasmSegmenter(jiebaWasmNode, userWords), stopwords);
    // The Node engine's index, queried the way the Worker queries it.
    wasmEngine = createEngine(nodeEngine.data, {
      analyzer: wasmAnalyzer,
      expansions: parseExpansions(analysis.expansions),
      config: nodeEngine.retriever.config,
      dense: null,
      denseStatus: nodeEngine.dense,
    });
  }, 120_000);

  it("keeps user-dictionary words whole, as nodejieba does", () => {
    for (const word of ["市乡村振兴局", "房证同交"]) {
      expect(wasmAnalyzer.words(`${word}负责`)).toContain(word);
      expect(nodeAnalyzer.words(`${word}负责`)).toContain(word);
    }
  });

  it("segments the evaluation questions into mostly the same words", () => {
    const q = agreement(questions.map((x) => x.question), nodeAnalyzer, wasmAnalyzer);
    const passages = agreement(nodeEngine.data.chunks.map((c) => c.text), nodeAnalyzer, wasmAnalyzer);
    console.log(
      `segmentation agreement: questions ${(q.words * 100).toFixed(1)}% of words, ${(q.identical * 100).toFixed(1)}% identical; ` +
        `passages ${(passages.words * 100).toFixed(1)}% of words, ${(passages.identical * 100).toFixed(1)}% identical`,
    );
    expect(q.words).toBeGreaterThan(0.99);
    expect(passages.words).toBeGreaterThan(0.99);
  });

  it("retrieves as well with Worker-side segmentation: hit@5 within 2 points, same top document on ≥95%", async () => {
    const run = async (engine: Engine) => {
      const outcomes: QuestionOutcome[] = [];
      for (const q of questions) {
        const r = await answerQuestion(engine, { question: q.question, topK: 10 }, DEFAULT_ANSWER_SETTINGS);
        outcomes.push({ ranked: r.citations.map((c) => ({ text: c.text, docNumber: c.docNumber })), answered: r.answered, units: null, tookMs: 0 });
      }
      return outcomes;
    };
    const [node, wasm] = [await run(nodeEngine), await run(wasmEngine)];
    const hit = (o: QuestionOutcome[]) => summarize(questions, questions.map((q, i) => scoreQuestion(q, o[i]!, 1, (u) => u)), o).hitAt;
    const sameTop = questions.filter((_, i) => node[i]!.ranked[0]?.docNumber === wasm[i]!.ranked[0]?.docNumber).length;
    const sameTopPassage = questions.filter((_, i) => node[i]!.ranked[0]?.text === wasm[i]!.ranked[0]?.text).length;
    const [h1, h2] = [hit(node), hit(wasm)];
    console.log(
      `segmenter impact: hit@1 ${(h1[1] * 100).toFixed(1)}% → ${(h2[1] * 100).toFixed(1)}%, hit@5 ${(h1[5] * 100).toFixed(1)}% → ${(h2[5] * 100).toFixed(1)}%, ` +
        `hit@10 ${(h1[10] * 100).toFixed(1)}% → ${(h2[10] * 100).toFixed(1)}%; same top document ${sameTop}/${questions.length}, same top passage ${sameTopPassage}/${questions.length}`,
    );
    expect(Math.abs(h1[5] - h2[5])).toBeLessThanOrEqual(0.02);
    expect(sameTop / questions.length).toBeGreaterThanOrEqual(0.95);
  }, 60_000);
});
