import nodejieba from "nodejieba";
import type { Segmenter } from "../search/segmenter";

let loaded = false;
const inserted = new Set<string>();

/**
 * nodejieba with the corpus's user dictionary. nodejieba's dictionary is
 * process-global, so words are inserted once and only ever added: a reload
 * with a newer dictionary adds its new words; stale extra words only make
 * segmentation finer-grained where the bigram field already covers recall.
 */
export function createJiebaSegmenter(userWords: readonly string[]): Segmenter {
  if (!loaded) {
    nodejieba.load();
    loaded = true;
  }
  for (const word of userWords) {
    if (!inserted.has(word)) {
      nodejieba.insertWord(word);
      inserted.add(word);
    }
  }
  return { cutForSearch: (text) => nodejieba.cutForSearch(text) };
}

