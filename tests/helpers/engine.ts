import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { buildIndex } from "../../src/cli/build-index";
import type { Engine } from "../../src/engine/engine";
import { loadEngine } from "../../src/node/load-engine";

let pendingIndex: Promise<string> | null = null;
let pendingEngine: Promise<Engine> | null = null;

/**
 * A lexical index over the current corpus/corpus.json, built into a temporary
 * folder once per test file, so tests never depend on a stale committed index.
 * Everything in the file that needs an index (the Node engine, the Worker bundle)
 * shares this one build.
 */
export function testIndexDir(): Promise<string> {
  pendingIndex ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), "policy-qa-test-"));
    await buildIndex({ corpusPath: resolve("corpus/corpus.json"), indexDir: dir, modelsDir: join(dir, "no-models"), modelId: null, log: () => {} });
    return dir;
  })();
  return pendingIndex;
}

/** A lexical engine over testIndexDir(), loaded once per test file. */
export function testEngine(): Promise<Engine> {
  pendingEngine ??= (async () => loadEngine({ indexDir: await testIndexDir(), corpusPath: resolve("corpus/corpus.json") }))();
  return pendingEngine;
}
