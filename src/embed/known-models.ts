/**
 * How known retrieval models expect to be called. Using a model with the wrong
 * pooling or without its query instruction silently degrades retrieval, so the
 * loader looks the model up here instead of trusting one global default.
 */

export type Pooling = "mean" | "cls";

export interface ModelProfile {
  pooling: Pooling;
  /** Prepended to queries only. */
  queryInstruction: string;
  /** Prepended to passages only. */
  passagePrefix: string;
}

/** Transformers' sentence-embedding default: mean over tokens, no prefixes. */
export const DEFAULT_PROFILE: ModelProfile = { pooling: "mean", queryInstruction: "", passagePrefix: "" };

export const BGE_ZH_QUERY_INSTRUCTION = "为这个句子生成表示以用于检索相关文章：";
export const BGE_EN_QUERY_INSTRUCTION = "Represent this sentence for searching relevant passages: ";

// First match wins; patterns are tested against the lower-cased model id.
const PROFILES: { pattern: RegExp; profile: ModelProfile }[] = [
  { pattern: /bge-m3/, profile: { pooling: "cls", queryInstruction: "", passagePrefix: "" } },
  { pattern: /bge-[a-z]+-zh/, profile: { pooling: "cls", queryInstruction: BGE_ZH_QUERY_INSTRUCTION, passagePrefix: "" } },
  { pattern: /bge-[a-z]+-en/, profile: { pooling: "cls", queryInstruction: BGE_EN_QUERY_INSTRUCTION, passagePrefix: "" } },
  { pattern: /(^|[/-])e5-/, profile: { pooling: "mean", queryInstruction: "query: ", passagePrefix: "passage: " } },
];

/** Output dimensions published by the model authors; used to verify downloads. */
const DIMENSIONS: Record<string, number> = {
  "bge-small-zh-v1.5": 512,
  "bge-base-zh-v1.5": 768,
  "bge-large-zh-v1.5": 1024,
  "bge-small-en-v1.5": 384,
  "bge-base-en-v1.5": 768,
  "bge-large-en-v1.5": 1024,
  "bge-m3": 1024,
};

export function profileForModel(modelId: string): ModelProfile {
  const id = modelId.toLowerCase();
  return PROFILES.find(({ pattern }) => pattern.test(id))?.profile ?? DEFAULT_PROFILE;
}

/** The published output dimension, or null for models not in the table. */
export function knownDimension(modelId: string): number | null {
  const name = modelId.toLowerCase().split("/").pop() ?? "";
  return DIMENSIONS[name] ?? null;
}
