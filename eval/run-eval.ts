/**
 * `npm run eval`: every question through the /api/ask code path, plus ablations and
 * peers, scored and written to eval/report.json, eval/report.md and eval/report.svg.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { DEFAULT_ANSWER_SETTINGS } from "../src/answer/compose";
import { loadEngine } from "../src/node/load-engine";
import { denseFrom } from "../src/node/dense";
import * as jiebaWasm from "jieba-wasm";
import { createJiebaSegmenter } from "../src/node/jieba-segmenter";
import { createJiebaWasmSegmenter } from "../src/worker/jieba-wasm-segmenter";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildIndex } from "../src/cli/build-index";
import type { Engine } from "../src/engine/engine";
import { evaluate, runAblation, runOurs, scorer, type SystemRun } from "./harness";
import type { QuestionRecord } from "./questions-schema";
import { createMiniSearchPeer, createOramaPeer } from "./peers";
import { loadAllQuestions } from "./load-questions";
import { buildReport, chartSvg, renderMarkdown } from "./report";
import { loadFacts } from "./facts-schema";
import { factMisses, factReport, renderFactsMarkdown, runFacts } from "./facts-eval";

async function main() {
  const indexDir = resolve(process.argv.includes("--index") ? process.argv[process.argv.indexOf("--index") + 1]! : "index");
  const modelsDir = resolve(process.env.MODELS_DIR ?? "models");
  const engine = await loadEngine({
    indexDir,
    corpusPath: resolve("corpus/corpus.json"),
    loadDense: denseFrom(modelsDir),
  });
  const questions = loadAllQuestions((path) => readFileSync(resolve(path), "utf8"));
  const peers = [
    await createOramaPeer(engine.data.chunks),
    // Out of the box: jieba's own dictionary. jieba-wasm, because nodejieba's dictionary is
    // process-wide and already holds this index's user words.
    createMiniSearchPeer(engine.data.chunks, createJiebaWasmSegmenter(jiebaWasm, []), "MiniSearch (jieba tokens)"),
    // A stronger reference than the brief asks for: MiniSearch given our user dictionary too.
    createMiniSearchPeer(engine.data.chunks, createJiebaSegmenter([]), "MiniSearch (jieba + our user dictionary)"),
  ];
  const runs = await evaluate({ engine, questions, ablations: true, peers, answerSettings: DEFAULT_ANSWER_SETTINGS });
  if (!engine.dense.enabled && !process.argv.includes("--no-fixture")) runs.push(...(await fixtureModelRuns(questions)));
  const report = buildReport(
    {
      generatedAt: new Date().toISOString(),
      indexBuildId: engine.data.manifest.buildId,
      dense: engine.dense,
      refusalThreshold: DEFAULT_ANSWER_SETTINGS.refusalThreshold,
      questions: questions.length,
    },
    runs,
    questions,
  );
  writeFileSync(resolve("eval/report.json"), JSON.stringify(report, null, 2) + "\n");
  writeFileSync(resolve("eval/report.svg"), chartSvg(report));
  writeFileSync(resolve("eval/report.md"), renderMarkdown(report, "report.svg"));
  for (const s of report.systems) {
    const t = s.bySplit.test!;
    console.log(
      `${s.name.padEnd(52)} test hit@5 ${t.hitAt[5].toFixed(3)} MRR ${t.mrrAt10.toFixed(3)} docR@5 ${t.docRecallAt5.toFixed(3)}` +
        (t.refusalAccuracy !== null ? ` refusal ${t.refusalAccuracy.toFixed(3)}` : "") +
        (t.unitRecall !== null ? ` unitR ${t.unitRecall.toFixed(3)}` : ""),
    );
  }
  console.log(`failures: ${report.failures.length}; wrote eval/report.md, eval/report.json, eval/report.svg`);

  // The answer a user reads, on the blind fact-level set.
  const facts = loadFacts(readFileSync(resolve("eval/facts.jsonl"), "utf8"));
  const outcomes = await runFacts(engine, facts, DEFAULT_ANSWER_SETTINGS);
  const factSummary = factReport(facts, outcomes);
  const misses = factMisses(facts, outcomes);
  writeFileSync(resolve("eval/facts-report.json"), JSON.stringify({ indexBuildId: engine.data.manifest.buildId, summary: factSummary, misses }, null, 2) + "\n");
  writeFileSync(resolve("eval/facts-report.md"), renderFactsMarkdown(factSummary, misses, engine.data.manifest.buildId));
  for (const split of ["test", "dev"] as const) {
    const f = factSummary[split].all;
    console.log(
      `facts ${split}: fact@first ${f.factAtFirst.toFixed(3)} fact@answer ${f.factAtAnswer.toFixed(3)} fact@cited ${f.factAtCited.toFixed(3)} ` +
        `wrongly refused ${f.wronglyRefused.toFixed(3)} false answers ${f.falseAnswers.toFixed(3)} (traps ${f.falseAnswersTrap.toFixed(3)}, far ${f.falseAnswersFar.toFixed(3)}) chars p50 ${f.charsP50}`,
    );
  }
  console.log("wrote eval/facts-report.md, eval/facts-report.json");
}

/**
 * The dense path measured with the project's tiny fixture model (tests/fixtures/models): it proves
 * the hybrid and dense-only code paths run end to end; its 32-d vectors are not semantic, so these
 * rows say nothing about quality and are labelled so.
 */
async function fixtureModelRuns(questions: readonly QuestionRecord[]): Promise<SystemRun[]> {
  const dir = mkdtempSync(join(tmpdir(), "policy-qa-eval-fixture-"));
  const modelsDir = resolve("tests/fixtures/models");
  try {
    await buildIndex({ corpusPath: resolve("corpus/corpus.json"), indexDir: dir, modelsDir, modelId: "fixture/tiny-zh-char", log: () => {} });
    const engine: Engine = await loadEngine({
      indexDir: dir,
      corpusPath: resolve("corpus/corpus.json"),
      loadDense: denseFrom(modelsDir),
    });
    const score = scorer(engine, questions);
    const hybrid = await runOurs(engine, questions, DEFAULT_ANSWER_SETTINGS);
    const dense = await runAblation(engine, questions, { name: "dense", overrides: {}, denseOnly: true }, engine.retriever.config);
    return [
      { name: "hybrid with FIXTURE model (path check, not semantic)", kind: "ablation", outcomes: hybrid, scores: score(hybrid) },
      { name: "dense alone, FIXTURE model (path check, not semantic)", kind: "ablation", outcomes: dense, scores: score(dense) },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`eval failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
