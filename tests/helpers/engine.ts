import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { buildIndex } from "../../src/cli/build-index";
import type { Engine } from "../../src/engine/engine";
import { loadEngine } from "../../src/node/load-engine";

let pending: Promise<Engine> | null = null;

/**
 * A lexical engine over the current corpus/corpus.json, built into a temporary
 * folder once per test file, so tests never depend on a stale committed index.
 */
export function testEngine(): Promise<Engine> {
  pending ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), "policy-qa-test-"));
    const corpusPath = resolve("corpus/corpus.json");
    await buildIndex({ corpusPath, indexDir: dir, modelsDir: join(dir, "no-models"), modelId: null, log: () => {} });
    return loadEngine({ indexDir: dir, corpusPath });
  })();
  return pending;
}
