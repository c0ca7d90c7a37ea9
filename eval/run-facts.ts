/**
 * `npx tsx eval/run-facts.ts [--split dev|test] [--misses]`: the fact-level
 * evaluation alone, for working on the answer layer. Tune only with
 * `--split dev`; the test split is for the report (`npm run eval`).
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { loadEngine } from "../src/node/load-engine";
import { loadFacts, type Split } from "./facts-schema";
import { factMisses, runFacts, summarizeFacts } from "./facts-eval";

async function main() {
  const splitArg = process.argv.includes("--split") ? process.argv[process.argv.indexOf("--split") + 1] : "dev";
  if (splitArg !== "dev" && splitArg !== "test") throw new Error(`--split must be dev or test, not ${splitArg}`);
  const split: Split = splitArg;
  const engine = await loadEngine({ indexDir: resolve("index"), corpusPath: resolve("corpus/corpus.json") });
  const records = loadFacts(readFileSync(resolve("eval/facts.jsonl"), "utf8")).filter((r) => r.split === split);
  const outcomes = await runFacts(engine, records);
  const s = summarizeFacts(records, outcomes);
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  console.log(
    `${split}: ${s.answerable} answerable, ${s.traps} traps, ${s.far} far | fact@first ${pct(s.factAtFirst)} fact@answer ${pct(s.factAtAnswer)} ` +
      `fact@cited ${pct(s.factAtCited)} | wrongly refused ${pct(s.wronglyRefused)} | false answers ${pct(s.falseAnswers)} ` +
      `(traps ${pct(s.falseAnswersTrap)}, far ${pct(s.falseAnswersFar)}) | chars p50 ${s.charsP50} p90 ${s.charsP90}`,
  );
  if (process.argv.includes("--misses"))
    for (const m of factMisses(records, outcomes)) console.log(`${m.id} ${m.kind}\n  Q: ${m.question}\n  expected: ${m.expected}\n  given: ${m.given}`);
}

main().catch((error: unknown) => {
  console.error(`run-facts failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
