/**
 * BM25 over one field, as plain data plus pure functions so the index can be
 * serialised, bundled into a Worker and scored without any native code.
 */

export interface Bm25Params {
  k1: number;
  b: number;
}

export interface Posting {
  /** Ascending document (chunk) indexes. */
  ids: Uint32Array;
  /** Term frequency in each document, aligned with `ids`. */
  tfs: Uint16Array;
}

export interface FieldIndex {
  docCount: number;
  /** Term count of each document. */
  lengths: Uint32Array;
  avgLength: number;
  postings: Map<string, Posting>;
  /** Per-document length normalisation for the last parameters used (a cache, rebuilt when k1 or b change). */
  norms?: { k1: number; b: number; values: Float64Array };
}

export interface WeightedTerm {
  term: string;
  weight: number;
}

export function buildFieldIndex(termLists: readonly (readonly string[])[]): FieldIndex {
  const byTerm = new Map<string, { ids: number[]; tfs: number[] }>();
  const lengths = new Uint32Array(termLists.length);
  let total = 0;
  termLists.forEach((terms, docIndex) => {
    lengths[docIndex] = terms.length;
    total += terms.length;
    const counts = new Map<string, number>();
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    for (const [term, tf] of counts) {
      let posting = byTerm.get(term);
      if (!posting) byTerm.set(term, (posting = { ids: [], tfs: [] }));
      posting.ids.push(docIndex);
      posting.tfs.push(Math.min(tf, 0xffff));
    }
  });
  const postings = new Map<string, Posting>();
  for (const term of [...byTerm.keys()].sort()) {
    const p = byTerm.get(term)!;
    postings.set(term, { ids: Uint32Array.from(p.ids), tfs: Uint16Array.from(p.tfs) });
  }
  return {
    docCount: termLists.length,
    lengths,
    avgLength: termLists.length ? total / termLists.length : 0,
    postings,
  };
}

export function inverseDocumentFrequency(docCount: number, documentFrequency: number): number {
  return Math.log(1 + (docCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/**
 * Adds `scale` × BM25(query, doc) into `scores` for every document that has a query term.
 * Repeated query terms count once, with their highest weight: a user who types
 * a word twice does not mean it twice as much.
 */
export function accumulateBm25(
  field: FieldIndex,
  terms: readonly WeightedTerm[],
  params: Bm25Params,
  scores: Float64Array,
  scale = 1,
): void {
  const weights = new Map<string, number>();
  for (const { term, weight } of terms) weights.set(term, Math.max(weights.get(term) ?? 0, weight));
  const { k1 } = params;
  const norms = lengthNorms(field, params);
  for (const [term, weight] of weights) {
    const posting = field.postings.get(term);
    if (!posting || weight <= 0) continue;
    const idf = inverseDocumentFrequency(field.docCount, posting.ids.length) * weight * scale;
    const { ids, tfs } = posting;
    for (let i = 0; i < ids.length; i++) {
      const doc = ids[i]!;
      const tf = tfs[i]!;
      scores[doc]! += (idf * tf * (k1 + 1)) / (tf + norms[doc]!);
    }
  }
}

/** k1·(1 − b + b·len/avg) per document, computed once per parameter set: the inner loop's only division left is the BM25 one. */
function lengthNorms(field: FieldIndex, { k1, b }: Bm25Params): Float64Array {
  if (field.norms && field.norms.k1 === k1 && field.norms.b === b) return field.norms.values;
  const avg = field.avgLength || 1;
  const values = Float64Array.from(field.lengths, (length) => k1 * (1 - b + (b * length) / avg));
  field.norms = { k1, b, values };
  return values;
}

/** Compact JSON form: term → [delta-encoded ids, tfs]. */
export interface SerializedFieldIndex {
  docCount: number;
  lengths: number[];
  avgLength: number;
  postings: Record<string, [number[], number[]]>;
}

export function serializeFieldIndex(field: FieldIndex): SerializedFieldIndex {
  const postings: Record<string, [number[], number[]]> = {};
  for (const [term, p] of field.postings) {
    const deltas: number[] = [];
    let previous = 0;
    for (const id of p.ids) {
      deltas.push(id - previous);
      previous = id;
    }
    postings[term] = [deltas, Array.from(p.tfs)];
  }
  return { docCount: field.docCount, lengths: Array.from(field.lengths), avgLength: field.avgLength, postings };
}

export function deserializeFieldIndex(data: SerializedFieldIndex): FieldIndex {
  const postings = new Map<string, Posting>();
  for (const [term, [deltas, tfs]] of Object.entries(data.postings)) {
    const ids = new Uint32Array(deltas.length);
    let previous = 0;
    deltas.forEach((delta, i) => (ids[i] = previous += delta));
    postings.set(term, { ids, tfs: Uint16Array.from(tfs) });
  }
  return { docCount: data.docCount, lengths: Uint32Array.from(data.lengths), avgLength: data.avgLength, postings };
}
