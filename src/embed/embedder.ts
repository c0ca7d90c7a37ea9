/**
 * The dense-retrieval seam: turns text into vectors. Queries and passages are
 * separate calls because retrieval models embed them differently (bge puts an
 * instruction in front of queries only, e5 prefixes both).
 *
 * Implementations: transformers-embedder.ts (transformers.js, Node). A Worker
 * build supplies its own implementation of the same interface.
 */
export interface Embedder {
  /** Model id as given to the loader, e.g. "Xenova/bge-small-zh-v1.5". */
  readonly modelId: string;
  /** Length of every vector this embedder returns. */
  readonly dimension: number;
  /** One L2-normalised vector for a search query. */
  embedQuery(text: string): Promise<Float32Array>;
  /** One L2-normalised vector per passage, in input order. */
  embedPassages(
    texts: string[],
    onProgress?: (done: number, total: number) => void,
  ): Promise<Float32Array[]>;
}

/** Whether dense retrieval is on, for /health and logs. `reason` says why not. */
export interface DenseStatus {
  enabled: boolean;
  model: string | null;
  reason: string | null;
}

/** What a loader hands back: an embedder, or the reason there is none (never fake vectors). */
export type EmbedderLoadResult = { embedder: Embedder } | { unavailable: string };

export function denseStatusOf(result: EmbedderLoadResult): DenseStatus {
  if ("embedder" in result) {
    return { enabled: true, model: result.embedder.modelId, reason: null };
  }
  return { enabled: false, model: null, reason: result.unavailable };
}
