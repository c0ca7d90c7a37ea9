/**
 * Brute-force cosine search. Exact, so it is the reference the HNSW index is
 * measured against, and the fallback where native addons cannot run.
 * O(n·d) per query: fine for tens of thousands of chunks.
 */
import { checkId, checkK, checkVector, compareHits, type VectorHit, type VectorIndex } from "./vector-index";

export class ExactIndex implements VectorIndex {
  readonly dimension: number;
  private readonly ids: number[] = [];
  private readonly idSet = new Set<number>();
  /** Unit vectors, so cosine similarity is a dot product. */
  private readonly vectors: Float32Array[] = [];

  constructor(dimension: number) {
    if (!Number.isInteger(dimension) || dimension < 1) {
      throw new Error(`ExactIndex: dimension must be a positive integer, got ${dimension}`);
    }
    this.dimension = dimension;
  }

  get size(): number {
    return this.ids.length;
  }

  add(id: number, vector: Float32Array): void {
    checkId("ExactIndex", id);
    checkVector("ExactIndex", this.dimension, vector);
    if (this.idSet.has(id)) throw new Error(`ExactIndex: duplicate id ${id}`);
    this.idSet.add(id);
    this.ids.push(id);
    this.vectors.push(normalized(vector));
  }

  search(vector: Float32Array, k: number): VectorHit[] {
    checkVector("ExactIndex", this.dimension, vector);
    checkK("ExactIndex", k);
    const query = normalized(vector);
    const hits: VectorHit[] = this.vectors.map((stored, i) => ({ id: this.ids[i] as number, score: dot(stored, query) }));
    return hits.sort(compareHits).slice(0, k);
  }
}

function normalized(vector: Float32Array): Float32Array {
  const norm = Math.sqrt(dot(vector, vector));
  return vector.map((value) => value / norm);
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] as number) * (b[i] as number);
  return sum;
}
