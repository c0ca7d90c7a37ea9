import type { Chunk } from "../corpus/types";
import type { Embedder } from "../embed/embedder";
import type { IndexManifest } from "../index/manifest";
import type { DenseSearch } from "../search/retriever";
import type { VectorizeBinding } from "./env";

/** Vectorize answers at most 100 matches when values and metadata are not returned. */
export const VECTORIZE_MAX_TOP_K = 100;

/**
 * The Vectorize namespace holding this index build's passage vectors: derived
 * from the checksum of chunks.json, so vectors of other passage texts (an older
 * build) never match, and an unchanged corpus keeps its uploaded vectors.
 */
export function vectorNamespace(manifest: Pick<IndexManifest, "files">): string {
  const entry = manifest.files["chunks.json"];
  if (!entry) throw new Error("index manifest lists no chunks.json");
  return `chunks-${entry.sha256.slice(0, 32)}`;
}

/**
 * Dense search on Workers: the question embedded by Workers AI, the passages
 * found in Vectorize. Vector ids are chunk ids (scripts/deploy-vectors.ts);
 * ids this bundle does not know are dropped rather than guessed at.
 */
export function createVectorizeDenseSearch(
  embedder: Embedder,
  vectorize: VectorizeBinding,
  chunks: readonly Pick<Chunk, "id">[],
  namespace: string,
): DenseSearch {
  const indexById = new Map(chunks.map((chunk, i) => [chunk.id, i]));
  return {
    modelId: embedder.modelId,
    async search(question, k) {
      const vector = await embedder.embedQuery(question);
      const { matches } = await vectorize.query([...vector], {
        topK: Math.min(k, VECTORIZE_MAX_TOP_K),
        namespace,
        returnValues: false,
        returnMetadata: "none",
      });
      return matches.flatMap((m) => {
        const chunkIndex = indexById.get(m.id);
        return chunkIndex === undefined ? [] : [{ chunkIndex, score: m.score }];
      });
    },
  };
}
