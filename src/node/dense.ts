import type { Chunk } from "../corpus/types";

export interface DenseBuildArgs {
  chunks: readonly Chunk[];
  modelsDir: string;
  modelId: string;
  log: (line: string) => void;
}

/** Embeds every chunk and serialises an HNSW index, or explains why it cannot. */
export async function buildDenseVectors(
  args: DenseBuildArgs,
): Promise<{ modelId: string; dimension: number; bytes: Uint8Array } | { reason: string }> {
  return { reason: `no embedding model wiring yet for ${args.modelId}` };
}

/** Builds the query-side dense search for an index that has vectors. */
export async function loadDenseSearch(
  manifest: import("../index/manifest").IndexManifest,
  _buildDir: string,
  _modelsDir: string,
): Promise<import("../search/retriever").DenseSearch> {
  throw new Error(`index ${manifest.buildId} has vectors for ${manifest.model?.id}, but dense loading is not wired yet`);
}
