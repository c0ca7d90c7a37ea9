import { benefitAnswer, unitList } from "../benefits/answer";
import type { BenefitClause } from "../benefits/types";
import type { Engine } from "../engine/engine";
import type { Citation } from "../http/schemas";
import { expectedAnswerType, suppliesAnswerType } from "../search/answer-type";
import { citationOf, type Composed } from "./compose";

/**
 * "有什么补贴 / 能享受什么 / 怎么申请": the matching benefit clauses one by one,
 * each the verbatim clause sentence with its marker and the units to contact.
 * Citations keep the retrieval's ranking and count; a clause passage the
 * retrieval did not return takes the place of the lowest-ranked passage the
 * answer does not quote. Null when no clause fits (the general answer runs).
 */
export function composeEntitlements(
  engine: Engine,
  question: string,
  retrieved: readonly Citation[],
): { composed: Composed; citations: Citation[] } | null {
  const picked = benefitAnswer(question, engine.data.benefits);
  if (!picked || !retrieved.length) return null;
  // 收费上限是多少钱 asks for one figure, not for a list of benefits: only clauses that
  // state a figure of that kind answer it; with none, the general answer quotes the
  // retrieved passage that does.
  const asked = expectedAnswerType(question);
  const fitting = picked.clauses.filter((clause) => suppliesAnswerType(asked, clause.source.sentence));
  // At most as many distinct passages as there are citation slots.
  const clauses: BenefitClause[] = [];
  const passages = new Set<string>();
  for (const clause of fitting) {
    if (!passages.has(clause.source.chunkId) && passages.size >= retrieved.length) continue;
    passages.add(clause.source.chunkId);
    clauses.push(clause);
  }
  if (!clauses.length) return null;
  const citations = withPassages(engine, retrieved, passages);
  const numberOf = new Map(citations.map((c) => [c.chunkId, c.n]));
  const lines = clauses.map((clause, i) => {
    const units = unitList(clause);
    return `${i + 1}. ${clause.source.sentence}[${numberOf.get(clause.source.chunkId)}]${units ? `（责任单位：${units}）` : ""}`;
  });
  return {
    composed: {
      text: lines.join("\n"),
      used: citations.filter((c) => passages.has(c.chunkId)),
      quoted: clauses.map((c) => c.source.sentence),
    },
    citations,
  };
}

/** The retrieved citations, with missing `required` passages swapped in from the bottom up, renumbered 1…n. */
function withPassages(engine: Engine, retrieved: readonly Citation[], required: ReadonlySet<string>): Citation[] {
  const list = [...retrieved];
  const missing = [...required].filter((id) => !list.some((c) => c.chunkId === id));
  for (let slot = list.length - 1; slot >= 0 && missing.length; slot--) {
    if (required.has(list[slot]!.chunkId)) continue;
    const chunk = engine.chunkById.get(missing.shift()!);
    if (chunk) list[slot] = citationOf(engine, chunk, 0, 0);
  }
  return list.map((c, i) => ({ ...c, n: i + 1 }));
}
