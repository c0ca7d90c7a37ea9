import type { Segmenter } from "../search/segmenter";

/** The two jieba-wasm calls we use; the Worker passes the web build, tests the Node build. */
export interface JiebaWasmApi {
  cut_for_search(text: string, hmm?: boolean | null): string[];
  add_word(word: string, freq?: number | null, tag?: string | null): number;
}

/**
 * cppjieba (nodejieba, used at index build) gives a user word the median
 * frequency of its dictionary, which is 3; jieba-rs would otherwise pick a
 * frequency that forces the word whole. Same weight, closer segmentation.
 */
export const NODEJIEBA_USER_WORD_FREQ = 3;

const added = new WeakMap<JiebaWasmApi, Set<string>>();

/**
 * jieba-wasm (jieba-rs) behind the Segmenter seam, set up like nodejieba is in
 * src/node/jieba-segmenter.ts: the index's user dictionary added once, search
 * mode without HMM (nodejieba's cutForSearch default).
 */
export function createJiebaWasmSegmenter(jieba: JiebaWasmApi, userWords: readonly string[]): Segmenter {
  let seen = added.get(jieba);
  if (!seen) added.set(jieba, (seen = new Set()));
  for (const word of userWords) {
    if (seen.has(word)) continue;
    jieba.add_word(word, NODEJIEBA_USER_WORD_FREQ);
    seen.add(word);
  }
  return { cutForSearch: (text) => jieba.cut_for_search(text, false) };
}
