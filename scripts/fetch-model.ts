/**
 * Download an embedding model for transformers.js into models/<modelId>/.
 *
 *   npm run model:fetch                       # Xenova/bge-small-zh-v1.5
 *   npm run model:fetch -- --model <id> [--models-dir models] [--force]
 *
 * HF_ENDPOINT overrides https://huggingface.co (e.g. a mirror). Each file is
 * written to a temporary name and renamed when complete, so an interrupted
 * run never leaves a half file under the real name. Afterwards the files are
 * checked and the model is loaded and asked to embed one sentence.
 */
import { createWriteStream } from "node:fs";
import { mkdir, open, readFile, rename, rm, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { pathToFileURL } from "node:url";
import { knownDimension } from "../src/embed/known-models";
import { FULL_ONNX, modelFolder, QUANTIZED_ONNX } from "../src/embed/model-files";
import { createProgressReporter, formatBytes, type ProgressSink } from "../src/embed/progress";
import {
  configuredHiddenSize,
  DEFAULT_MODEL_ID,
  DEFAULT_MODELS_DIR,
  loadTransformersEmbedder,
} from "../src/embed/transformers-embedder";

export interface ModelFile {
  path: string;
  /** transformers.js does not read it; a model without it is still usable. */
  optional?: boolean;
}

export const MODEL_FILES: ModelFile[] = [
  { path: "config.json" },
  { path: "tokenizer.json" },
  { path: "tokenizer_config.json" },
  { path: "special_tokens_map.json", optional: true },
  { path: QUANTIZED_ONNX },
  { path: FULL_ONNX },
];

export interface FetchModelOptions {
  modelId?: string;
  modelsDir?: string;
  /** Defaults to $HF_ENDPOINT, then https://huggingface.co. */
  endpoint?: string;
  files?: ModelFile[];
  /** Download files again even when they are already there. */
  force?: boolean;
  /** Injected in tests; defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Where progress goes; defaults to process.stderr. */
  progress?: ProgressSink;
  log?: (line: string) => void;
}

export interface FetchedFile {
  path: string;
  bytes: number;
  status: "downloaded" | "kept" | "absent-optional";
}

const ONNX_MIN_BYTES = 1024;

/** Download the model files. Throws on an HTTP error or a short body, leaving no partial file behind. */
export async function downloadModel(options: FetchModelOptions = {}): Promise<FetchedFile[]> {
  const {
    modelId = DEFAULT_MODEL_ID,
    modelsDir = DEFAULT_MODELS_DIR,
    endpoint = process.env.HF_ENDPOINT ?? "https://huggingface.co",
    files = MODEL_FILES,
    force = false,
    fetch: fetchFile = fetch,
    progress = process.stderr,
    log = (line) => process.stderr.write(`${line}\n`),
  } = options;
  const folder = modelFolder(modelsDir, modelId);
  const results: FetchedFile[] = [];

  for (const file of files) {
    const target = join(folder, file.path);
    const existing = await stat(target).catch(() => null);
    if (existing && existing.size > 0 && !force) {
      log(`${file.path}: already present (${formatBytes(existing.size)}), kept; --force downloads it again`);
      results.push({ path: file.path, bytes: existing.size, status: "kept" });
      continue;
    }
    const url = `${endpoint.replace(/\/+$/, "")}/${modelId}/resolve/main/${file.path}`;
    let response: Response;
    try {
      response = await fetchFile(url, { redirect: "follow" });
    } catch (error) {
      throw new Error(`fetch-model: GET ${url} failed: ${describe(error)}`);
    }
    if (response.status === 404 && file.optional) {
      log(`${file.path}: not published for ${modelId}, skipped (optional)`);
      results.push({ path: file.path, bytes: 0, status: "absent-optional" });
      continue;
    }
    if (!response.ok || !response.body) {
      throw new Error(`fetch-model: GET ${url} failed: HTTP ${response.status} ${response.statusText}`.trim());
    }
    const length = response.headers.get("content-length");
    const expected = length === null ? null : Number(length);
    const report = createProgressReporter({
      label: file.path,
      sink: progress,
      ci: process.env.CI === "true",
      everyPercent: 25,
      formatCount: formatBytes,
    });
    const bytes = await writeAtomically(target, response.body, expected, (received) => {
      if (expected) report(received, expected);
    });
    if (!expected) log(`${file.path}: ${formatBytes(bytes)}`);
    results.push({ path: file.path, bytes, status: "downloaded" });
  }
  return results;
}

/** Stream `body` to `<target>.part-<pid>`, check its length, then rename it into place. */
async function writeAtomically(
  target: string,
  body: ReadableStream<Uint8Array>,
  expected: number | null,
  onBytes: (received: number) => void,
): Promise<number> {
  await mkdir(dirname(target), { recursive: true });
  const temporary = `${target}.part-${process.pid}`;
  let received = 0;
  try {
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        received += chunk.length;
        onBytes(received);
        done(null, chunk);
      },
    });
    const source = Readable.fromWeb(body as import("node:stream/web").ReadableStream<Uint8Array>);
    await pipeline(source, counter, createWriteStream(temporary));
    if (expected !== null && received !== expected) {
      throw new Error(`fetch-model: ${target}: received ${received} bytes, the server announced ${expected}`);
    }
    await rename(temporary, target);
    return received;
  } catch (error) {
    await rm(temporary, { force: true });
    const message = describe(error);
    throw new Error(message.startsWith("fetch-model:") ? message : `fetch-model: download of ${target} failed: ${message}`);
  }
}

/** Node's fetch says only "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND…) is in `cause`. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? error.cause.message : null;
  return cause && cause !== error.message ? `${error.message} (${cause})` : error.message;
}

/** Problems with the files on disk (empty, unparsable JSON, not an ONNX graph); empty when all is well. */
export async function checkModelFiles(modelsDir: string, modelId: string, files: ModelFile[] = MODEL_FILES): Promise<string[]> {
  const folder = modelFolder(modelsDir, modelId);
  const problems: string[] = [];
  for (const file of files) {
    const path = join(folder, file.path);
    const size = (await stat(path).catch(() => null))?.size;
    if (size === undefined) {
      if (!file.optional) problems.push(`${file.path}: missing`);
      continue;
    }
    if (size === 0) {
      problems.push(`${file.path}: empty`);
    } else if (file.path.endsWith(".json")) {
      try {
        JSON.parse(await readFile(path, "utf8"));
      } catch (error) {
        problems.push(`${file.path}: not valid JSON (${(error as Error).message})`);
      }
    } else if (file.path.endsWith(".onnx")) {
      const problem = await onnxProblem(path, size);
      if (problem) problems.push(`${file.path}: ${problem}`);
    }
  }
  return problems;
}

/**
 * An ONNX file is a protobuf ModelProto whose first field is ir_version
 * (field 1, varint): its first byte is 0x08. An HTML error page or a Git LFS
 * pointer saved by mistake starts otherwise.
 */
async function onnxProblem(path: string, size: number): Promise<string | null> {
  if (size < ONNX_MIN_BYTES) return `only ${size} bytes, too small for a model`;
  const handle = await open(path, "r");
  try {
    const head = Buffer.alloc(16);
    await handle.read(head, 0, 16, 0);
    if (head[0] !== 0x08) return `does not start like an ONNX model (first bytes ${JSON.stringify(head.toString("latin1", 0, 12))})`;
    return null;
  } finally {
    await handle.close();
  }
}

/**
 * Load each downloaded ONNX variant through the real embedder and embed one
 * sentence. Returns problems; empty when the model works.
 */
export async function checkModelEmbeds(modelsDir: string, modelId: string, files: ModelFile[] = MODEL_FILES): Promise<string[]> {
  const expectedDimension = knownDimension(modelId) ?? (await configuredHiddenSize(modelsDir, modelId));
  const variants = files.map((file) => file.path).filter((path) => path === QUANTIZED_ONNX || path === FULL_ONNX);
  const problems: string[] = [];
  for (const variant of variants) {
    const result = await loadTransformersEmbedder({ modelId, modelsDir, preferQuantized: variant === QUANTIZED_ONNX });
    if ("unavailable" in result) {
      problems.push(`${variant}: ${result.unavailable}`);
      continue;
    }
    const vector = await result.embedder.embedQuery("朔州市人民政府关于促进就业的通知");
    const norm = Math.hypot(...vector);
    if (expectedDimension !== null && vector.length !== expectedDimension) {
      problems.push(`${variant}: embeds to dimension ${vector.length}, expected ${expectedDimension}`);
    } else if (Math.abs(norm - 1) > 1e-3) {
      problems.push(`${variant}: vector norm ${norm}, expected 1`);
    }
  }
  return problems;
}

async function main(argv: string[]): Promise<number> {
  const value = (flag: string) => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const modelId = value("--model") ?? DEFAULT_MODEL_ID;
  const modelsDir = value("--models-dir") ?? DEFAULT_MODELS_DIR;
  try {
    const fetched = await downloadModel({ modelId, modelsDir, force: argv.includes("--force") });
    const total = fetched.reduce((sum, file) => sum + file.bytes, 0);
    console.error(`${modelId}: ${fetched.length} files, ${formatBytes(total)} in ${modelFolder(modelsDir, modelId)}`);
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
  const problems = [...(await checkModelFiles(modelsDir, modelId))];
  if (problems.length === 0) problems.push(...(await checkModelEmbeds(modelsDir, modelId)));
  if (problems.length > 0) {
    console.error(`${modelId} is not usable:\n  ${problems.join("\n  ")}\nDelete the folder and run again with --force.`);
    return 1;
  }
  console.error(`${modelId}: verified (loads, embeds a sentence to the expected dimension)`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
