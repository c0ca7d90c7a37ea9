import { readFileSync } from "node:fs";
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

export function parseExpansions(text: string): ExpansionEntry[] {
  return JSON.parse(text) as ExpansionEntry[];
}
