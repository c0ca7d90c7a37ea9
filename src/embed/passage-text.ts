import type { Chunk } from "../corpus/types";

/**
 * What a passage is embedded as: its place in the document gives the model
 * context. Every embedding path (transformers.js on Node, Workers AI uploads)
 * must use this one function, or query and passage vectors stop matching.
 */
export function passageForEmbedding(chunk: Chunk): string {
  return `${chunk.docTitle} ${chunk.sectionPath.join(" ")}\n${chunk.text}`;
}
