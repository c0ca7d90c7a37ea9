/**
 * The Worker's bindings, typed by hand to the few calls we make (no
 * @cloudflare/workers-types dependency). Every binding but ASSETS is optional:
 * the Worker runs lexically without AI/VECTORIZE and unthrottled without RATE_LIMITER.
 */

import type { D1Database } from "./d1-store";

/** Static assets binding ([assets] in wrangler.toml). */
export interface AssetsBinding {
  fetch(request: Request): Promise<Response>;
}

/** Workers AI ([ai] binding). Text-embedding models answer { shape, data }. */
export interface AiBinding {
  run(model: string, inputs: { text: string[] }): Promise<{ shape?: number[]; data: number[][] }>;
}

export interface VectorizeMatch {
  id: string;
  score: number;
}

/** Vectorize ([[vectorize]] binding); only the query call is used at request time. */
export interface VectorizeBinding {
  query(
    vector: number[] | Float32Array,
    options: { topK: number; namespace?: string; returnValues?: boolean; returnMetadata?: boolean | "none" | "indexed" | "all" },
  ): Promise<{ matches: VectorizeMatch[]; count?: number }>;
}

/** The rate-limiting binding ([[ratelimits]] in wrangler.toml). */
export interface RateLimitBinding {
  limit(options: { key: string }): Promise<{ success: boolean }>;
}

export interface WorkerEnv {
  /** D1 database ([[d1_databases]] binding "DB") for the question log and feedback; absent = feedback off. */
  DB?: D1Database;
  /** Bearer token for /admin (a Workers secret: wrangler secret put ADMIN_TOKEN). */
  ADMIN_TOKEN?: string;
  ASSETS?: AssetsBinding;
  AI?: AiBinding;
  VECTORIZE?: VectorizeBinding;
  RATE_LIMITER?: RateLimitBinding;
  /** Workers AI model for query embeddings; must be the model deploy:vectors used for passages. */
  DENSE_MODEL?: string;
}

/** The bge-m3 model Workers AI serves: multilingual (Chinese included), 1024 dimensions. */
export const DEFAULT_DENSE_MODEL = "@cf/baai/bge-m3";
