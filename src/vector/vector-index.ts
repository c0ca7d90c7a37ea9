/**
 * The vector-search seam: nearest neighbours by cosine similarity.
 *
 * Implementations: exact-index.ts (brute force, pure TypeScript, runs
 * anywhere) and hnsw-index.ts (hnswlib-node, Node only, approximate).
 */
export interface VectorHit {
  id: number;
  /** Cosine similarity in [-1, 1]; higher is closer. */
  score: number;
}

export interface VectorIndex {
  readonly dimension: number;
  /** Number of vectors added. */
  readonly size: number;
  /** `id` is a non-negative integer, unique within the index (e.g. a chunk's position). */
  add(id: number, vector: Float32Array): void;
  /** At most `k` hits, best first; ties by ascending id. */
  search(vector: Float32Array, k: number): VectorHit[];
}

/** Shared argument checks, so every implementation rejects the same bad input with the same words. */
export function checkVector(owner: string, dimension: number, vector: Float32Array): void {
  if (vector.length !== dimension) {
    throw new Error(`${owner}: vector has dimension ${vector.length}, index has ${dimension}`);
  }
  let squares = 0;
  for (const value of vector) {
    if (!Number.isFinite(value)) throw new Error(`${owner}: vector contains ${value}`);
    squares += value * value;
  }
  // Cosine similarity is undefined for the zero vector.
  if (squares === 0) throw new Error(`${owner}: zero vector has no direction`);
}

export function checkId(owner: string, id: number): void {
  if (!Number.isSafeInteger(id) || id < 0) {
    throw new Error(`${owner}: id must be a non-negative integer, got ${id}`);
  }
}

export function checkK(owner: string, k: number): void {
  if (!Number.isInteger(k) || k < 0) throw new Error(`${owner}: k must be a non-negative integer, got ${k}`);
}

export function compareHits(a: VectorHit, b: VectorHit): number {
  return b.score - a.score || a.id - b.id;
}
