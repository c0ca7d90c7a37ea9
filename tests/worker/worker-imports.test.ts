/**
 * What the Worker entry pulls in: no Node built-ins and none of the Node
 * service's native or heavy modules. (wrangler would refuse node: imports at
 * deploy; this names the offending module at test time.)
 */
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

describe("the Worker entry's import graph", () => {
  it("holds the shared app and core, and nothing Node-only", async () => {
    const result = await build({
      entryPoints: ["src/worker/index.ts"],
      bundle: true,
      write: false,
      metafile: true,
      format: "esm",
      platform: "neutral",
      mainFields: ["module", "main"],
      conditions: ["workerd", "worker", "browser", "import"],
      external: ["*.wasm", "@policy-qa/worker-index"],
      logLevel: "silent",
    });
    const inputs = Object.keys(result.metafile.inputs);
    const imports = Object.values(result.metafile.inputs).flatMap((input) => input.imports.map((i) => i.path));
    expect(inputs).toEqual(expect.arrayContaining(["src/http/app.ts", "src/engine/engine.ts", "src/search/retriever.ts", "src/answer/compose.ts"]));
    expect(inputs.filter((path) => /nodejieba|hnswlib|onnxruntime|@xenova|sharp|pino|src\/node\/|src\/cli\//.test(path))).toEqual([]);
    expect(imports.filter((path) => /^node:|^(fs|path|os|crypto|module|url|child_process)$/.test(path))).toEqual([]);
  });
});
