/**
 * `npm run bench`: index build time, index size, resident memory and search
 * latency (p50/p95/p99 over the evaluation questions) for lexical and hybrid
 * retrieval on this machine, then the same for corpora 10× and 100× the seed.
 * Each measurement runs in its own process so memory figures do not mix.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { buildIndex } from "../src/cli/build-index";
import type { Corpus } from "../src/corpus/types";
import { denseFrom } from "../src/node/dense";
import { readIndex } from "../src/node/index-store";
import { loadEngine } from "../src/node/load-engine";
import { parseQuestions } from "../eval/load-questions";
import { percentile } from "../eval/metrics";
import { replicateCorpus } from "./synthetic-corpus";

interface Measurement {
  label: string;
  chunks: number;
  buildSeconds: number;
  indexMiB: number;
  rssMiB: number;
  queries: number;
  p50: number;
  p95: number;
  p99: number;
}

/** Builds the (replicated) corpus index in `dir`; runs in its own process. */
async function build(dir: string, factor: number, dense: boolean) {
  const seed = JSON.parse(readFileSync(resolve("corpus/corpus.json"), "utf8")) as Corpus;
  const corpusPath = join(dir, "corpus.json");
  writeFileSync(corpusPath, JSON.stringify(replicateCorpus(seed, factor)));
  const started = performance.now();
  await buildIndex({
    corpusPath,
    indexDir: join(dir, "index"),
    modelsDir: FIXTURE_MODELS,
    modelId: dense ? "fixture/tiny-zh-char" : null,
    log: () => {},
  });
  const { manifest } = await readIndex(join(dir, "index"));
  return {
    chunks: manifest.counts.chunks,
    buildSeconds: (performance.now() - started) / 1000,
    indexMiB: Object.values(manifest.files).reduce((sum, f) => sum + f.bytes, 0) / 2 ** 20,
  };
}

/** Loads the index like the server does and times searches; runs in a fresh process so RSS is the serving footprint. */
async function serve(dir: string, dense: boolean) {
  const engine = await loadEngine({
    indexDir: join(dir, "index"),
    corpusPath: join(dir, "corpus.json"),
    loadDense: dense ? denseFrom(FIXTURE_MODELS) : undefined,
  });
  const questions = parseQuestions(readFileSync(resolve("eval/questions.jsonl"), "utf8")).map((q) => q.question);
  for (const q of questions.slice(0, 30)) await engine.retriever.search(q, { k: 10 }); // warm-up
  const times: number[] = [];
  for (let round = 0; round < 3; round++)
    for (const q of questions) {
      const t = performance.now();
      await engine.retriever.search(q, { k: 10 });
      times.push(performance.now() - t);
    }
  return {
    rssMiB: process.memoryUsage().rss / 2 ** 20,
    queries: times.length,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
  };
}

const FIXTURE_MODELS = resolve("tests/fixtures/models");

function child(args: string[]): unknown {
  const out = execFileSync(process.execPath, ["--import", "tsx", "bench/search-bench.ts", ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 24,
    stdio: ["ignore", "pipe", "inherit"],
  });
  return JSON.parse(out);
}

function measure(label: string, factor: number, mode: string): Measurement {
  const dir = mkdtempSync(join(tmpdir(), "policy-qa-bench-"));
  try {
    const built = child(["--build", dir, String(factor), mode]) as Omit<Measurement, "label" | "rssMiB" | "queries" | "p50" | "p95" | "p99">;
    const served = child(["--serve", dir, mode]) as Pick<Measurement, "rssMiB" | "queries" | "p50" | "p95" | "p99">;
    return { label, ...built, ...served };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function row(m: Measurement): string {
  return `| ${m.label} | ${m.chunks.toLocaleString("en")} | ${m.buildSeconds.toFixed(2)} s | ${m.indexMiB.toFixed(1)} MiB | ${m.rssMiB.toFixed(0)} MiB | ${m.p50.toFixed(2)} ms | ${m.p95.toFixed(2)} ms | ${m.p99.toFixed(2)} ms |`;
}

async function main(argv: string[]) {
  if (argv[0] === "--build") {
    process.stdout.write(JSON.stringify(await build(argv[1]!, Number(argv[2]), argv[3] === "hybrid")));
    return;
  }
  if (argv[0] === "--serve") {
    process.stdout.write(JSON.stringify(await serve(argv[1]!, argv[2] === "hybrid")));
    return;
  }
  const runs: [string, number, string][] = [
    ["seed, lexical", 1, "lexical"],
    ["seed, hybrid (32-d fixture model)", 1, "hybrid"],
    ["10× seed, lexical", 10, "lexical"],
    ["100× seed, lexical", 100, "lexical"],
  ];
  if (argv.includes("--quick")) runs.splice(2);
  console.log("| corpus | chunks | index build | index size | serving memory (RSS) | search p50 | p95 | p99 |");
  console.log("|---|---|---|---|---|---|---|---|");
  for (const [label, factor, mode] of runs) console.log(row(measure(label, factor, mode)));
  console.log(`\nnode ${process.version}, ${(await import("node:os")).cpus().length} cores; search = engine.retriever.search(question, k=10) over the ${parseQuestions(readFileSync(resolve("eval/questions.jsonl"), "utf8")).length} evaluation questions ×3 after warm-up.`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
