import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { benefitAnswer } from "../../src/benefits/answer";
import { looseText } from "../../src/benefits/evaluate";
import { questionRecordSchema } from "../../eval/questions-schema";
import { seedClauses, seedCorpus } from "./corpus";

const lines = readFileSync(resolve("eval/benefit-questions.jsonl"), "utf8").trim().split("\n");
const records = lines.map((line) => JSON.parse(line) as { id: string; question: string; persona: string; docNumbers: string[]; snippets: string[]; units?: string[] });

/** Longest run of characters the question shares with a text (citizens must not copy the gazette). */
function longestSharedRun(question: string, text: string): number {
  const q = looseText(question);
  let best = 0;
  for (let i = 0; i < q.length; i++) for (let j = i + best + 1; j <= q.length && text.includes(q.slice(i, j)); j++) best = j - i;
  return best;
}

describe("entitlement questions (eval/benefit-questions.jsonl)", () => {
  const corpus = seedCorpus();

  it("has at least 10 records in the evaluation format, ids b001…, asked by citizens and enterprises", () => {
    expect(records.length).toBeGreaterThanOrEqual(10);
    records.forEach((record, i) => {
      expect(record.id).toBe(`b${String(i + 1).padStart(3, "0")}`);
      // Same schema as eval/questions.jsonl; only the id prefix differs.
      const parsed = questionRecordSchema.safeParse({ ...record, id: record.id.replace(/^b/, "q") });
      expect(parsed.success, `${record.id}: ${parsed.error?.message}`).toBe(true);
      expect(["citizen", "enterprise"]).toContain(record.persona);
    });
  });

  it("uses gold snippets that are verbatim text of the gold document, and units it names", () => {
    for (const record of records) {
      const doc = corpus.documents.find((d) => d.docNumber === record.docNumbers[0])!;
      expect(doc, record.id).toBeDefined();
      for (const s of record.snippets) expect(doc.text.includes(s), `${record.id} ${s}`).toBe(true);
      for (const u of record.units ?? []) expect(doc.text.includes(u), `${record.id} ${u}`).toBe(true);
    }
  });

  it("asks in people's own words, not the gazette's (no shared run over 9 characters)", () => {
    const all = looseText(corpus.documents.map((d) => d.text).join(""));
    for (const record of records) expect(longestSharedRun(record.question, all), record.id).toBeLessThanOrEqual(9);
  });

  it("is answered by benefitAnswer with a clause that contains a gold snippet", () => {
    const clauses = seedClauses();
    const byId = new Map(clauses.map((c) => [c.id, c]));
    for (const record of records) {
      const answer = benefitAnswer(record.question, clauses);
      expect(answer, record.id).not.toBeNull();
      const answered = answer!.clauseIds.map((id) => byId.get(id)!);
      const hit = answered.some(
        (c) => record.docNumbers.includes(c.source.docNumber) && record.snippets.some((s) => looseText(c.source.sentence).includes(looseText(s))),
      );
      expect(hit, `${record.id} ${record.question}: ${answered.map((c) => c.source.sentence.slice(0, 20)).join(" | ")}`).toBe(true);
    }
  });
});
