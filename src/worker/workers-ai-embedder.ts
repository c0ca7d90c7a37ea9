import type { Embedder } from "../embed/embedder";
import type { AiBinding } from "./env";

/** bge-m3's output size; a different model must say its own. */
export const BGE_M3_DIMENSION = 1024;

/**
 * Query embeddings from Workers AI. bge-m3 takes queries and passages as they
 * are (no instruction prefix), so both calls send plain text; passages are
 * embedded by scripts/deploy-vectors.ts through the REST API with the same model.
 */
export function createWorkersAiEmbedder(ai: AiBinding, modelId: string, dimension = BGE_M3_DIMENSION): Embedder {
  const embed = async (texts: string[]): Promise<Float32Array[]> => {
    const result = await ai.run(modelId, { text: texts });
    if (!Array.isArray(result?.data) || result.data.length !== texts.length)
      throw new Error(`workers-ai: ${modelId} returned ${result?.data?.length ?? "no"} vectors for ${texts.length} texts`);
    return result.data.map((values) => {
      if (values.length !== dimension)
        throw new Error(`workers-ai: ${modelId} returned ${values.length} dimensions, expected ${dimension}`);
      return normalise(Float32Array.from(values));
    });
  };
  return {
    modelId,
    dimension,
    embedQuery: async (text) => (await embed([text]))[0]!,
    embedPassages: async (texts, onProgress) => {
      const vectors = await embed(texts);
      onProgress?.(texts.length, texts.length);
      return vectors;
    },
  };
}

/** The Embedder contract promises unit vectors; bge-m3's are, but cosine ranking must not depend on it. */
export function normalise(vector: Float32Array): Float32Array {
  let sum = 0;
  for (const x of vector) sum += x * x;
  const norm = Math.sqrt(sum);
  if (norm > 0) for (let i = 0; i < vector.length; i++) vector[i]! /= norm;
  return vector;
}
