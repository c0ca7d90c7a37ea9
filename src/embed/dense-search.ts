/**
 * Glue between the two seams: passages → Embedder → VectorIndex at build
 * time, question → Embedder → VectorIndex at query time. Ids are positions in
 * the passage list (chunk indexes), so hits map straight back to chunks.
 */
import type { DenseSearch } from "../search/retriever";
import type { VectorIndex } from "../vector/vector-index";
import type { Embedder } from "./embedder";

/** Embed `passages` and add passage i under id i. */
export async function indexPassages(
  embedder: Embedder,
  index: VectorIndex,
  passages: string[],
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  checkSameDimension(embedder, index);
  const vectors = await embedder.embedPassages(passages, onProgress);
  vectors.forEach((vector, i) => index.add(i, vector));
}

export function createDenseSearcher(embedder: Embedder, index: VectorIndex): DenseSearch {
  checkSameDimension(embedder, index);
  return {
    modelId: embedder.modelId,
    async search(question, k) {
      const hits = index.search(await embedder.embedQuery(question), k);
      return hits.map((hit) => ({ chunkIndex: hit.id, score: hit.score }));
    },
  };
}

function checkSameDimension(embedder: Embedder, index: VectorIndex): void {
  // A model swapped under an existing index would otherwise fail only at the first query.
  if (embedder.dimension !== index.dimension) {
    throw new Error(
      `dense-search: ${embedder.modelId} embeds to dimension ${embedder.dimension}, the vector index has ${index.dimension}`,
    );
  }
}
