/**
 * recall@10 of the HNSW index against exact brute force, across efSearch.
 *
 *   npx tsx bench/vector-recall.ts [--sizes 2000,20000] [--queries 200] [--dim 512] [--m 16] [--data embedding,isotropic]
 *
 * Two kinds of data:
 * - "embedding": imitates sentence embeddings, which live near a low-dimensional
 *   subspace and are not uniformly spread: a shared direction (bge vectors of
 *   unrelated Chinese texts still have cosine ≈ 0.3–0.5), topic clusters in a
 *   48-dimensional latent space projected to `dim`, plus a little full-rank noise.
 * - "isotropic": uniform random unit vectors, the worst case for any graph
 *   index: every point's neighbours beyond the nearest are near-ties.
 * Queries are data vectors plus noise, so each has a few close neighbours.
 */
import { performance } from "node:perf_hooks";
import { ExactIndex } from "../src/vector/exact-index";
import { DEFAULT_HNSW_OPTIONS, HnswIndex } from "../src/vector/hnsw-index";

const K = 10;
const TARGET_RECALL = 0.99;
const EF_VALUES = [10, 16, 24, 32, 48, 64, 96, 128, 256, 512];

function argument(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

const sizes = argument("sizes", "2000,20000").split(",").map(Number);
const queryCount = Number(argument("queries", "200"));
const dimension = Number(argument("dim", "512"));
const m = Number(argument("m", String(DEFAULT_HNSW_OPTIONS.m)));
const kinds = argument("data", "embedding,isotropic").split(",") as DataKind[];
const LATENT = 48;

type DataKind = "embedding" | "isotropic";

function seededRandom(seed: number): () => number {
  // mulberry32: deterministic, so runs are comparable.
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussianVector(random: () => number, scale = 1): Float32Array {
  return Float32Array.from({ length: dimension }, () => {
    const u = 1 - random();
    return scale * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  });
}

function unit(vector: Float32Array): Float32Array {
  const norm = Math.hypot(...vector);
  return vector.map((value) => value / norm);
}

function combine(...parts: [number, Float32Array][]): Float32Array {
  const out = new Float32Array(dimension);
  for (const [weight, vector] of parts) for (let i = 0; i < dimension; i++) out[i]! += weight * vector[i]!;
  return unit(out);
}

function gaussian(random: () => number, length: number): Float32Array {
  return Float32Array.from({ length }, () => {
    const u = 1 - random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  });
}

/** Returns the data set and a function that makes a query near a given data point. */
function dataset(kind: DataKind, size: number, random: () => number) {
  if (kind === "isotropic") {
    const vectors = Array.from({ length: size }, () => unit(gaussianVector(random)));
    const nearQuery = (source: Float32Array) => combine([1, source], [0.5, unit(gaussianVector(random))]);
    return { vectors, nearQuery };
  }
  const projection = Array.from({ length: LATENT }, () => unit(gaussianVector(random)));
  const project = (latent: Float32Array): Float32Array => {
    const out = new Float32Array(dimension);
    latent.forEach((weight, l) => {
      const basis = projection[l]!;
      for (let i = 0; i < dimension; i++) out[i]! += weight * basis[i]!;
    });
    return unit(out);
  };
  const latentUnit = () => unit(gaussian(random, LATENT));
  const common = project(latentUnit());
  const topics = Array.from({ length: Math.max(10, Math.round(size / 50)) }, () => project(latentUnit()));
  const vectors = Array.from({ length: size }, () => {
    const topic = topics[Math.floor(random() * topics.length)]!;
    return combine([0.6, common], [0.6, topic], [0.5, project(latentUnit())], [0.1, unit(gaussianVector(random))]);
  });
  const nearQuery = (source: Float32Array) =>
    combine([1, source], [0.3, project(latentUnit())], [0.1, unit(gaussianVector(random))]);
  return { vectors, nearQuery };
}

function recallAt(exact: number[][], approximate: number[][]): number {
  let found = 0;
  exact.forEach((truth, q) => {
    const got = new Set(approximate[q]);
    found += truth.filter((id) => got.has(id)).length;
  });
  return found / (exact.length * K);
}

for (const kind of kinds) {
  for (const size of sizes) {
    const random = seededRandom(size + kind.length);
    const { vectors, nearQuery } = dataset(kind, size, random);
    const queries = Array.from({ length: queryCount }, () => nearQuery(vectors[Math.floor(random() * size)]!));

    const exact = new ExactIndex(dimension);
    const hnsw = HnswIndex.create(dimension, { capacity: size, m });
    let started = performance.now();
    vectors.forEach((vector, id) => hnsw.add(id, vector));
    const buildSeconds = (performance.now() - started) / 1000;
    vectors.forEach((vector, id) => exact.add(id, vector));

    started = performance.now();
    const truth = queries.map((query) => exact.search(query, K).map((hit) => hit.id));
    const exactMs = (performance.now() - started) / queryCount;

    console.log(
      `\n${kind} data: ${size} vectors, dim ${dimension}, ${queryCount} queries; M=${m} efConstruction=${DEFAULT_HNSW_OPTIONS.efConstruction}; ` +
        `build ${buildSeconds.toFixed(1)} s; exact search ${exactMs.toFixed(2)} ms/query`,
    );
    console.log("| efSearch | recall@10 | ms/query |\n|---:|---:|---:|");
    let chosen: number | null = null;
    for (const ef of EF_VALUES) {
      hnsw.setEfSearch(ef);
      started = performance.now();
      const found = queries.map((query) => hnsw.search(query, K).map((hit) => hit.id));
      const ms = (performance.now() - started) / queryCount;
      const recall = recallAt(truth, found);
      if (chosen === null && recall >= TARGET_RECALL) chosen = ef;
      console.log(`| ${ef} | ${recall.toFixed(4)} | ${ms.toFixed(3)} |`);
    }
    console.log(`smallest efSearch with recall@10 ≥ ${TARGET_RECALL}: ${chosen ?? `none up to ${EF_VALUES.at(-1)}`}`);
  }
}
