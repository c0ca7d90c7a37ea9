import { foldWidth } from "../text/fold";
import { splitRuns } from "../text/runs";
import type { Segmenter } from "./segmenter";

/** Turns text into index terms for each lexical field. Used identically at index and query time. */
export interface Analyzer {
  /** jieba search-mode words, stopwords removed; Latin and numbers as whole tokens. */
  words(text: string): string[];
  /** Overlapping CJK character bigrams (a lone CJK character stays a unigram); Latin and numbers as whole tokens. */
  bigrams(text: string): string[];
}

export function createAnalyzer(segmenter: Segmenter, stopwords: ReadonlySet<string>): Analyzer {
  return memoized({
    words(text) {
      const terms: string[] = [];
      for (const run of splitRuns(foldWidth(text))) {
        if (run.kind === "alnum") {
          terms.push(run.text);
          continue;
        }
        for (const word of segmenter.cutForSearch(run.text)) {
          if (!stopwords.has(word)) terms.push(word);
        }
      }
      return terms;
    },
    bigrams(text) {
      return characterBigrams(text);
    },
  });
}

/** Questions and expansion terms repeat; segmenting each distinct text once saves most of the query-time jieba work. */
const MEMO_LIMIT = 2048;

function memoized(analyzer: Analyzer): Analyzer {
  const memo = (f: (text: string) => string[]) => {
    const cache = new Map<string, readonly string[]>();
    return (text: string): string[] => {
      let terms = cache.get(text);
      if (!terms) {
        terms = f(text);
        // Forget everything when full: simpler than LRU, and the working set refills at once.
        if (cache.size >= MEMO_LIMIT) cache.clear();
        cache.set(text, terms);
      }
      return [...terms];
    };
  };
  return { words: memo(analyzer.words), bigrams: memo(analyzer.bigrams) };
}

/** Pure and segmenter-free, so the Worker and the Node service agree on this field exactly. */
export function characterBigrams(text: string): string[] {
  const terms: string[] = [];
  for (const run of splitRuns(foldWidth(text))) {
    if (run.kind === "alnum") {
      terms.push(run.text);
      continue;
    }
    const chars = [...run.text];
    if (chars.length === 1) terms.push(chars[0]!);
    for (let i = 0; i + 1 < chars.length; i++) terms.push(chars[i]! + chars[i + 1]!);
  }
  return terms;
}

/** Stopword file format: one word per line, "#" starts a comment. */
export function parseStopwords(fileText: string): Set<string> {
  const words = new Set<string>();
  for (const line of fileText.split("\n")) {
    const word = line.replace(/#.*/, "").trim();
    if (word) words.add(word);
  }
  return words;
}
