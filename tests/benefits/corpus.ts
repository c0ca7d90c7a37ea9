/** Shared fixtures: the built corpus, its clauses and the reviewed expected list. */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { ExpectedClause } from "../../src/benefits/evaluate";
import { extractBenefits } from "../../src/benefits/extract";
import type { BenefitClause } from "../../src/benefits/types";
import type { Corpus } from "../../src/corpus/types";

let corpus: Corpus | null = null;
let clauses: BenefitClause[] | null = null;

export function seedCorpus(): Corpus {
  corpus ??= JSON.parse(readFileSync(resolve("corpus/corpus.json"), "utf8")) as Corpus;
  return corpus;
}

export function seedClauses(): BenefitClause[] {
  clauses ??= extractBenefits(seedCorpus());
  return clauses;
}

export interface ExpectedFile {
  audiences: string[];
  kinds: string[];
  clauses: ExpectedClause[];
}

export function expectedFile(): ExpectedFile {
  return JSON.parse(readFileSync(resolve("eval/benefits-expected.json"), "utf8")) as ExpectedFile;
}
