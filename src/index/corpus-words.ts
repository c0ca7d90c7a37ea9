import type { Corpus } from "../corpus/types";

/**
 * Words of this corpus that jieba's general dictionary does not know, found by
 * classic new-word discovery over the corpus text.
 *
 * Without them jieba cuts 托育 into 托/育 and 普惠 into 普/惠 (its HMM is off, so
 * unknown words fall apart into characters), and the words field, refusal
 * evidence and answer-sentence choice all lose the gazette's key terms. A
 * character pair becomes a word when, in this corpus,
 *  - often enough (`minFragments`), both characters stand outside every word of
 *    jieba's dictionary (and of the named terms) that could cover them there:
 *    jieba has no choice but to cut them apart. Judged on the dictionary, not on
 *    nodejieba's process-wide state, so a second build gives the same words;
 *  - the characters stick together (pointwise mutual information ≥ `minPmi`);
 *  - the pair stands free: varied neighbours on both sides (boundary entropy ≥
 *    `minEntropy`), so it is not the middle of a longer word (普惠托育 → not 惠托);
 *  - neither character is a function character (的, 和, 由 …) that only glues words.
 */
export interface CorpusWordOptions {
  minFragments: number;
  minPmi: number;
  minEntropy: number;
}

export const CORPUS_WORD_DEFAULTS: CorpusWordOptions = { minFragments: 4, minPmi: 2.5, minEntropy: 1.0 };

const FUNCTION_CHARS = /[的了和在是等对按为将及与或于把被从向以其之而并也都就所各有该此这那个中上下内外要不由你我更]/u;
const CJK_RUN = /[\u4e00-\u9fff]+/gu;

/** Longest dictionary word worth looking for around a character. */
const MAX_WORD = 8;

/** jieba's dictionary plus the named terms, as discovery asks about it. */
export interface WordDictionary {
  has(word: string): boolean;
  /** Whether some word starts with `prefix`: lets the scan stop early. */
  hasPrefix(prefix: string): boolean;
}

export function wordDictionary(words: Iterable<string>): WordDictionary {
  const all = new Set<string>();
  const prefixes = new Set<string>();
  for (const word of words) {
    all.add(word);
    for (let end = 1; end < word.length; end++) prefixes.add(word.slice(0, end));
  }
  return { has: (w) => all.has(w), hasPrefix: (p) => prefixes.has(p) || all.has(p) };
}

export function discoverCorpusWords(
  corpus: Pick<Corpus, "documents">,
  dictionary: WordDictionary,
  options: CorpusWordOptions = CORPUS_WORD_DEFAULTS,
): string[] {
  const runs = corpus.documents.flatMap((d) => d.paragraphs.flatMap((p) => [...p.text.matchAll(CJK_RUN)].map((m) => m[0])));
  const chars = new Map<string, number>();
  const pairs = new Map<string, PairStats>();
  let total = 0;
  // Runs are BMP CJK only, so string offsets are character offsets.
  for (const run of runs) {
    total += run.length;
    const free = freePositions(run, dictionary);
    for (let i = 0; i < run.length; i++) {
      count(chars, run[i]!);
      if (i + 1 >= run.length) continue;
      const pair = run.slice(i, i + 2);
      let stats = pairs.get(pair);
      if (!stats) pairs.set(pair, (stats = { frequency: 0, fragments: 0, left: new Map(), right: new Map() }));
      stats.frequency++;
      if (free[i] && free[i + 1]) stats.fragments++;
      count(stats.left, i > 0 ? run[i - 1]! : "^");
      count(stats.right, i + 2 < run.length ? run[i + 2]! : "$");
    }
  }
  const words: string[] = [];
  for (const [pair, stats] of pairs) {
    if (stats.fragments < options.minFragments || FUNCTION_CHARS.test(pair)) continue;
    const pmi = Math.log((stats.frequency * total) / (chars.get(pair[0]!)! * chars.get(pair[1]!)!));
    const entropy = Math.min(entropyOf(stats.left), entropyOf(stats.right));
    if (pmi >= options.minPmi && entropy >= options.minEntropy) words.push(pair);
  }
  return words.sort();
}

/** Per character: true when no dictionary word of two or more characters in the run contains it. */
function freePositions(run: string, dictionary: WordDictionary): boolean[] {
  const free = new Array<boolean>(run.length).fill(true);
  for (let start = 0; start < run.length; start++) {
    for (let end = start + 2; end <= Math.min(run.length, start + MAX_WORD); end++) {
      const piece = run.slice(start, end);
      if (dictionary.has(piece)) for (let k = start; k < end; k++) free[k] = false;
      if (!dictionary.hasPrefix(piece)) break;
    }
  }
  return free;
}

interface PairStats {
  frequency: number;
  /** Occurrences where no dictionary word covers either character. */
  fragments: number;
  left: Map<string, number>;
  right: Map<string, number>;
}

function count(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function entropyOf(neighbours: ReadonlyMap<string, number>): number {
  let n = 0;
  for (const v of neighbours.values()) n += v;
  let h = 0;
  for (const v of neighbours.values()) h -= (v / n) * Math.log(v / n);
  return h;
}
