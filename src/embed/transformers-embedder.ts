/**
 * Embedder backed by transformers.js (ONNX runtime). `createTransformersEmbedder`
 * wraps any feature-extraction function, so tests can inject a fake one;
 * `loadTransformersEmbedder` builds the real pipeline from local model files.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Embedder, EmbedderLoadResult } from "./embedder";
import { profileForModel, type Pooling } from "./known-models";
import { checkModelFolder, modelFolder } from "./model-files";

export const DEFAULT_MODEL_ID = "Xenova/bge-small-zh-v1.5";
export const DEFAULT_MODELS_DIR = "models";
export const DEFAULT_BATCH_SIZE = 16;

export interface TransformersEmbedderOptions {
  /** Hugging Face style id; files live in `<modelsDir>/<modelId>/`. */
  modelId?: string;
  modelsDir?: string;
  /** Let transformers.js download from the hub. Off by default: startup must not touch the network. */
  allowRemote?: boolean;
  /** Overrides the known-models table (bge: "为这个句子生成表示以用于检索相关文章："). */
  queryInstruction?: string;
  /** Overrides the known-models table (e5: "passage: "). */
  passagePrefix?: string;
  /** Overrides the known-models table (bge: cls, default: mean). */
  pooling?: Pooling;
  /** Passages per model call. */
  batchSize?: number;
  /** Prefer onnx/model_quantized.onnx when both variants exist. */
  preferQuantized?: boolean;
}

/** The call shape of a transformers.js feature-extraction pipeline. */
export type FeatureExtractor = (
  texts: string[],
  options: { pooling: Pooling; normalize: boolean },
) => Promise<{ dims: number[]; data: ArrayLike<number> }>;

export interface EmbedderSettings {
  modelId: string;
  dimension: number;
  pooling: Pooling;
  queryInstruction: string;
  passagePrefix: string;
  batchSize: number;
}

export function createTransformersEmbedder(extract: FeatureExtractor, settings: EmbedderSettings): Embedder {
  const { modelId, dimension, pooling, queryInstruction, passagePrefix, batchSize } = settings;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new Error(`transformers-embedder: batchSize must be a positive integer, got ${batchSize}`);
  }

  // Checked before any model call, so a bad text late in a long run fails at once.
  function checkNotEmpty(texts: string[]): void {
    texts.forEach((text, i) => {
      // An empty text has no meaning to embed, and a model may return a zero vector that normalises to NaN.
      if (text.trim() === "") throw new Error(`transformers-embedder: text ${i} is empty`);
    });
  }

  async function embedBatch(texts: string[], prefix: string): Promise<Float32Array[]> {
    const output = await extract(
      texts.map((text) => prefix + text),
      { pooling, normalize: true },
    );
    const [rows, columns] = output.dims;
    if (output.dims.length !== 2 || rows !== texts.length || columns !== dimension) {
      throw new Error(
        `transformers-embedder: ${modelId} returned shape [${output.dims.join(", ")}], expected [${texts.length}, ${dimension}]`,
      );
    }
    const vectors: Float32Array[] = [];
    for (let row = 0; row < texts.length; row++) {
      const vector = Float32Array.from({ length: dimension }, (_, j) => output.data[row * dimension + j] as number);
      if (!vector.every(Number.isFinite)) {
        throw new Error(`transformers-embedder: ${modelId} returned a non-finite vector for text ${row}`);
      }
      vectors.push(vector);
    }
    return vectors;
  }

  return {
    modelId,
    dimension,
    async embedQuery(text) {
      checkNotEmpty([text]);
      const [vector] = await embedBatch([text], queryInstruction);
      return vector as Float32Array;
    },
    async embedPassages(texts, onProgress) {
      checkNotEmpty(texts);
      const vectors: Float32Array[] = [];
      for (let start = 0; start < texts.length; start += batchSize) {
        vectors.push(...(await embedBatch(texts.slice(start, start + batchSize), passagePrefix)));
        onProgress?.(vectors.length, texts.length);
      }
      return vectors;
    },
  };
}

/**
 * Load a local model through transformers.js. Resolves to `{ unavailable }`
 * with a reason a person can act on when the files are missing or broken;
 * it never throws for that and never falls back to fake vectors.
 *
 * transformers.js keeps its settings in a process-wide `env`; this sets
 * `env.localModelPath` and `env.allowRemoteModels` for the whole process.
 */
export async function loadTransformersEmbedder(
  options: TransformersEmbedderOptions = {},
): Promise<EmbedderLoadResult> {
  const {
    modelId = DEFAULT_MODEL_ID,
    modelsDir = DEFAULT_MODELS_DIR,
    allowRemote = false,
    batchSize = DEFAULT_BATCH_SIZE,
    preferQuantized = true,
  } = options;
  const profile = profileForModel(modelId);
  const pooling = options.pooling ?? profile.pooling;
  const queryInstruction = options.queryInstruction ?? profile.queryInstruction;
  const passagePrefix = options.passagePrefix ?? profile.passagePrefix;

  const check = await checkModelFolder(modelsDir, modelId, preferQuantized);
  if (check.missing.length > 0 && !allowRemote) {
    return { unavailable: missingModelReason(modelId, check.folder, check.missing) };
  }

  try {
    const transformers = await import("@xenova/transformers");
    transformers.env.localModelPath = modelsDir;
    transformers.env.allowLocalModels = true;
    transformers.env.allowRemoteModels = allowRemote;
    const extractor = await transformers.pipeline("feature-extraction", modelId, {
      quantized: check.quantized ?? preferQuantized,
    });
    const extract: FeatureExtractor = async (texts, callOptions) => {
      const tensor = await extractor(texts, callOptions);
      return { dims: tensor.dims, data: tensor.data as ArrayLike<number> };
    };
    // The vector length is the truth (some models project away from hidden_size); probe once.
    const probe = await extract(["维度"], { pooling, normalize: true });
    const dimension = probe.dims[probe.dims.length - 1];
    if (dimension === undefined || dimension < 1) {
      return { unavailable: `dense retrieval disabled: ${modelId} returned no vector (shape [${probe.dims.join(", ")}])` };
    }
    return {
      embedder: createTransformersEmbedder(extract, {
        modelId,
        dimension,
        pooling,
        queryInstruction,
        passagePrefix,
        batchSize,
      }),
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      unavailable: `dense retrieval disabled: model ${modelId} in ${check.folder} failed to load (${message}). ${fetchHint(modelId, "again")}`,
    };
  }
}

/** hidden_size from the model's config.json, or null. Used to cross-check downloads. */
export async function configuredHiddenSize(modelsDir: string, modelId: string): Promise<number | null> {
  try {
    const config = JSON.parse(await readFile(join(modelFolder(modelsDir, modelId), "config.json"), "utf8")) as { hidden_size?: unknown };
    return typeof config.hidden_size === "number" ? config.hidden_size : null;
  } catch {
    return null;
  }
}

function missingModelReason(modelId: string, folder: string, missing: string[]): string {
  return `dense retrieval disabled: model ${modelId} not found in ${folder} (missing ${missing.join(", ")}). ${fetchHint(modelId)}`;
}

function fetchHint(modelId: string, again?: "again"): string {
  const command = modelId === DEFAULT_MODEL_ID ? "npm run model:fetch" : `npm run model:fetch -- --model ${modelId}`;
  return `Run \`${command}\` to download it${again ? " again" : ""}.`;
}
