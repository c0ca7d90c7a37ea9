/**
 * "有什么补贴 / 能享受什么 / 怎么申请": the matching benefit clauses, each its
 * verbatim sentence with its marker; their units go to the one units line.
 * Citations keep the retrieval's ranking and count; a clause passage the
 * retrieval did not return takes the place of the lowest-ranked passage the
 * answer does not quote. Null when no clause fits (the policy composer runs).
 */
import { benefitAnswer } from "../../benefits/answer";
import type { BenefitClause } from "../../benefits/types";
import type { Engine } from "../../engine/engine";
import { citationOf } from "../citations";
import { quoteLine } from "../lines";
import type { AnswerUnit, Citation } from "../types";
import type { Composer } from "./types";

/** Clauses quoted in one answer: a citizen reads three on a phone; the rest are a tap away in the benefits panel. */
const MAX_CLAUSES = 3;

export const composeEntitlement: Composer = (ctx) => {
  const picked = benefitAnswer(ctx.query.text, ctx.engine.data.benefits);
  if (!picked || !ctx.citations.length) return null;
  // At most as many distinct passages as there are citation slots.
  const clauses: BenefitClause[] = [];
  const passages = new Set<string>();
  for (const clause of picked.clauses) {
    if (clauses.length >= MAX_CLAUSES) break;
    if (!passages.has(clause.source.chunkId) && passages.size >= ctx.citations.length) continue;
    passages.add(clause.source.chunkId);
    clauses.push(clause);
  }
  if (!clauses.length) return null;
  const citations = withPassages(ctx.engine, ctx.citations, passages);
  const numberOf = new Map(citations.map((c) => [c.chunkId, c]));
  const lines = clauses.map((clause) => quoteLine(clause.source.sentence, numberOf.get(clause.source.chunkId)!));
  const units: AnswerUnit[] = clauses.flatMap((clause) =>
    clause.units.map((u) => ({ name: u.name, canonical: u.canonical, role: u.role, docNumber: clause.source.docNumber })),
  );
  return {
    lines,
    used: citations.filter((c) => passages.has(c.chunkId)),
    quoted: clauses.map((c) => c.source.sentence),
    units,
    citations,
  };
};

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
