/**
 * scripts/fetch-model.ts against a local HTTP server on 127.0.0.1 that serves
 * the fixture model the way huggingface.co serves `<id>/resolve/main/<file>`.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkModelEmbeds, checkModelFiles, downloadModel, MODEL_FILES } from "../../scripts/fetch-model";
import { loadTransformersEmbedder } from "../../src/embed/transformers-embedder";
import { FIXTURE_MODEL_ID, FIXTURE_MODELS_DIR } from "./fixture";

const fixtureFile = (path: string) =>
  // The fixture has one ONNX graph; it serves as both the full and the quantized variant.
  readFileSync(join(FIXTURE_MODELS_DIR, FIXTURE_MODEL_ID, path.replace("model_quantized.onnx", "model.onnx")));

/** Paths the server treats specially, for failure cases. */
const misbehaviour = new Map<string, "truncate" | "html" | "500">();
const requests: string[] = [];

function startServer(): Promise<Server> {
  const server = createServer((request, response) => {
    requests.push(request.url ?? "");
    const prefix = `/${FIXTURE_MODEL_ID}/resolve/main/`;
    const path = (request.url ?? "").startsWith(prefix) ? request.url!.slice(prefix.length) : null;
    const fault = path === null ? undefined : misbehaviour.get(path);
    if (path === null || !MODEL_FILES.some((file) => file.path === path)) {
      response.writeHead(404).end("Entry not found");
    } else if (fault === "500") {
      response.writeHead(500, "Internal Server Error").end();
    } else if (fault === "html") {
      const page = Buffer.from(`<!DOCTYPE html><html>${"x".repeat(4000)}</html>`);
      response.writeHead(200, { "content-length": page.length }).end(page);
    } else if (fault === "truncate") {
      const bytes = fixtureFile(path);
      response.writeHead(200, { "content-length": bytes.length });
      response.write(bytes.subarray(0, 100));
      setTimeout(() => response.destroy(), 50); // connection drops mid-body
    } else {
      const bytes = fixtureFile(path);
      response.writeHead(200, { "content-length": bytes.length }).end(bytes);
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

describe("fetch-model", () => {
  let server: Server;
  let endpoint: string;
  const work = mkdtempSync(join(tmpdir(), "fetch-model-"));
  const quiet = { progress: { isTTY: false, write: () => true }, log: () => {} };

  beforeAll(async () => {
    server = await startServer();
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.close();
    rmSync(work, { recursive: true, force: true });
  });

  it("downloads every file from <endpoint>/<model>/resolve/main/ into models/<model>/, and the model then embeds", async () => {
    const modelsDir = join(work, "ok");
    const fetched = await downloadModel({ modelId: FIXTURE_MODEL_ID, modelsDir, endpoint, ...quiet });
    expect(fetched.map((file) => [file.path, file.status])).toEqual(MODEL_FILES.map((file) => [file.path, "downloaded"]));
    expect(requests).toContain(`/${FIXTURE_MODEL_ID}/resolve/main/onnx/model_quantized.onnx`);
    for (const file of MODEL_FILES) {
      expect(readFileSync(join(modelsDir, FIXTURE_MODEL_ID, file.path))).toEqual(fixtureFile(file.path));
    }
    expect(await checkModelFiles(modelsDir, FIXTURE_MODEL_ID)).toEqual([]);
    expect(await checkModelEmbeds(modelsDir, FIXTURE_MODEL_ID)).toEqual([]);
    const loaded = await loadTransformersEmbedder({ modelId: FIXTURE_MODEL_ID, modelsDir });
    expect("embedder" in loaded && loaded.embedder.dimension).toBe(32);
  });

  it("keeps files already present unless forced", async () => {
    const modelsDir = join(work, "ok");
    const again = await downloadModel({ modelId: FIXTURE_MODEL_ID, modelsDir, endpoint, ...quiet });
    expect(again.every((file) => file.status === "kept")).toBe(true);
    const forced = await downloadModel({ modelId: FIXTURE_MODEL_ID, modelsDir, endpoint, force: true, ...quiet });
    expect(forced.every((file) => file.status === "downloaded")).toBe(true);
  });

  it("fails with the URL and status on an HTTP error", async () => {
    misbehaviour.set("tokenizer.json", "500");
    try {
      await expect(downloadModel({ modelId: FIXTURE_MODEL_ID, modelsDir: join(work, "err"), endpoint, ...quiet })).rejects.toThrow(
        /GET http:\/\/127\.0\.0\.1:\d+\/fixture\/tiny-zh-char\/resolve\/main\/tokenizer\.json failed: HTTP 500/,
      );
    } finally {
      misbehaviour.clear();
    }
  });

  it("skips an optional file the server does not have, and fails on a required one", async () => {
    const modelsDir = join(work, "optional");
    const files = [{ path: "no-such-file.json", optional: true }, { path: "config.json" }];
    const fetched = await downloadModel({ modelId: FIXTURE_MODEL_ID, modelsDir, endpoint, files, ...quiet });
    expect(fetched.map((file) => file.status)).toEqual(["absent-optional", "downloaded"]);
    await expect(
      downloadModel({ modelId: FIXTURE_MODEL_ID, modelsDir, endpoint, files: [{ path: "no-such-file.json" }], ...quiet }),
    ).rejects.toThrow(/HTTP 404/);
  });

  it("leaves neither the file nor a temporary file behind when the connection drops mid-download", async () => {
    const modelsDir = join(work, "cut");
    misbehaviour.set("onnx/model.onnx", "truncate");
    try {
      await expect(downloadModel({ modelId: FIXTURE_MODEL_ID, modelsDir, endpoint, ...quiet })).rejects.toThrow(/fetch-model: download of .*onnx\/model\.onnx failed: \w+/);
    } finally {
      misbehaviour.clear();
    }
    const onnxFolder = join(modelsDir, FIXTURE_MODEL_ID, "onnx");
    expect(readdirSync(onnxFolder)).toEqual(["model_quantized.onnx"]); // the one finished before, nothing else
  });

  it("reports a file that is not what it claims to be", async () => {
    const modelsDir = join(work, "html");
    misbehaviour.set("onnx/model.onnx", "html");
    try {
      await downloadModel({ modelId: FIXTURE_MODEL_ID, modelsDir, endpoint, ...quiet });
    } finally {
      misbehaviour.clear();
    }
    writeFileSync(join(modelsDir, FIXTURE_MODEL_ID, "tokenizer_config.json"), "{ truncated");
    const problems = await checkModelFiles(modelsDir, FIXTURE_MODEL_ID);
    expect(problems).toEqual([
      expect.stringMatching(/^tokenizer_config\.json: not valid JSON/),
      expect.stringMatching(/^onnx\/model\.onnx: does not start like an ONNX model/),
    ]);
    expect(existsSync(join(modelsDir, FIXTURE_MODEL_ID, "config.json"))).toBe(true);
  });

  it("reports an embedding of the wrong dimension for a model whose dimension is published", async () => {
    // Serve the 32-d fixture under the default model's name: verification expects 512.
    const modelsDir = join(work, "impostor");
    const { cpSync } = await import("node:fs");
    cpSync(join(FIXTURE_MODELS_DIR, FIXTURE_MODEL_ID), join(modelsDir, "Xenova", "bge-small-zh-v1.5"), { recursive: true });
    const problems = await checkModelEmbeds(modelsDir, "Xenova/bge-small-zh-v1.5", [{ path: "onnx/model.onnx" }]);
    expect(problems).toEqual(["onnx/model.onnx: embeds to dimension 32, expected 512"]);
  });
});
