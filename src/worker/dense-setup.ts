import type { IndexData } from "../engine/engine";
import type { DenseSetup } from "./index-bundle";
import { DEFAULT_DENSE_MODEL, type WorkerEnv } from "./env";
import { createVectorizeDenseSearch, vectorNamespace } from "./vectorize-dense";
import { BGE_M3_DIMENSION, createWorkersAiEmbedder } from "./workers-ai-embedder";

/**
 * Hybrid only when both platform services are bound: Workers AI for the question,
 * Vectorize for the passages. Anything less is lexical, and /health says why.
 */
export function workerDense(env: WorkerEnv, data: IndexData): DenseSetup {
  const missing = [env.AI ? null : "AI (Workers AI)", env.VECTORIZE ? null : "VECTORIZE"].filter((m) => m !== null);
  if (missing.length)
    return {
      dense: null,
      status: {
        enabled: false,
        model: null,
        reason: `no ${missing.join(" and no ")} binding on this Worker: answering with lexical retrieval (BM25) only`,
      },
    };
  const modelId = env.DENSE_MODEL || DEFAULT_DENSE_MODEL;
  const embedder = createWorkersAiEmbedder(env.AI!, modelId, BGE_M3_DIMENSION);
  return {
    dense: createVectorizeDenseSearch(embedder, env.VECTORIZE!, data.chunks, vectorNamespace(data.manifest)),
    status: { enabled: true, model: modelId, reason: null },
  };
}
