import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

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
/** A file of nodejieba's bundled cppjieba dictionary folder. */
function readJiebaDictFile(name: string): string {
  return readFileSync(join(dirname(require.resolve("nodejieba/package.json")), "submodules/cppjieba/dict", name), "utf8");
}

export function readJiebaIdfTable(): string {
  return readJiebaDictFile("idf.utf8");
}

/** The words (two characters or more) of jieba's main dictionary, "word frequency tag" lines (index build only: word discovery). */
export function readJiebaDictionaryWords(): string[] {
  return readJiebaDictFile("jieba.dict.utf8")
    .split("\n")
    .map((line) => line.slice(0, line.indexOf(" ")))
    .filter((word) => word.length >= 2);
}
