import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ExpansionEntry } from "../search/expansion";

const dataDir = fileURLToPath(new URL("../data/", import.meta.url));

/** The analysis data files as text, exactly as hashed into the index manifest. */
export interface AnalysisDataText {
  stopwords: string;
  expansions: string;
}

export function readAnalysisData(): AnalysisDataText {
  return {
    stopwords: readFileSync(dataDir + "stopwords.txt", "utf8"),
    expansions: readFileSync(dataDir + "query-expansion.json", "utf8"),
  };
}

const require = createRequire(import.meta.url);

/** jieba's general-language IDF table, shipped inside the nodejieba package. */
export function readJiebaIdfTable(): string {
  return readFileSync(join(dirname(require.resolve("nodejieba/package.json")), "submodules/cppjieba/dict/idf.utf8"), "utf8");
}

/** jieba's main dictionary, one "word frequency tag" line per word (index build only: word discovery). */
export function readJiebaDictionaryWords(): Set<string> {
  const text = readFileSync(join(dirname(require.resolve("nodejieba/package.json")), "submodules/cppjieba/dict/jieba.dict.utf8"), "utf8");
  const words = new Set<string>();
  for (const line of text.split("\n")) {
    const word = line.slice(0, line.indexOf(" "));
    if (word.length >= 2) words.add(word);
  }
  return words;
}

export function parseExpansions(text: string): ExpansionEntry[] {
  return JSON.parse(text) as ExpansionEntry[];
}
