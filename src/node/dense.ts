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
