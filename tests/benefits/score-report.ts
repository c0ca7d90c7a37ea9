/**
 * Prints extraction precision/recall against eval/benefits-expected.json and
 * lists what to review: `npx tsx tests/benefits/score-report.ts [--verbose]`.
 */
import { readFileSync } from "node:fs";
import type { Corpus } from "../../src/corpus/types";
import { scoreExtraction, type ExpectedClause } from "../../src/benefits/evaluate";
import { extractBenefits } from "../../src/benefits/extract";

const corpus = JSON.parse(readFileSync("corpus/corpus.json", "utf8")) as Corpus;
const expected = (JSON.parse(readFileSync("eval/benefits-expected.json", "utf8")) as { clauses: ExpectedClause[] }).clauses;
const clauses = extractBenefits(corpus);
const score = scoreExtraction(clauses, expected);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
console.log(
  `extracted ${score.extracted}, expected ${score.expected}; precision ${pct(score.precision)} (${score.matchedExtracted}/${score.extracted}), ` +
    `recall ${pct(score.recall)} (${score.matchedExpected}/${score.expected}); audience agreement ${pct(score.audienceAgreement)}, kind agreement ${pct(score.kindAgreement)}`,
);
if (process.argv.includes("--verbose")) {
  console.log("\n--- extracted, not expected ---");
  for (const c of score.extra) console.log(c.source.docNumber, c.audiences.join(","), c.kind, "|", c.source.sentence);
  console.log("\n--- expected, not extracted ---");
  for (const e of score.missed) console.log(e.docNumber, e.audience, e.kind, "|", e.snippet);
  console.log("\n--- audience/kind disagreements ---");
  for (const d of score.disagreements)
    console.log(d.expected.audience, d.expected.kind, "≠", d.clause.audiences.join(","), d.clause.kind, "|", d.clause.source.sentence.slice(0, 80));
}
