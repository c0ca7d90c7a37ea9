/**
 * GET /api/benefits filtering: by audience and by words of the clause.
 */
import { compactForMatch } from "../text/fold";
import type { Audience, BenefitClause } from "./types";

export interface BenefitFilter {
  audience?: Audience;
  /** Space-separated words; every word must occur in the clause sentence, its headings, document title or units. */
  q?: string;
}

export function filterBenefits(clauses: readonly BenefitClause[], filter: BenefitFilter): BenefitClause[] {
  const words = (filter.q ?? "").split(/\s+/).map(compactForMatch).filter(Boolean);
  return clauses.filter((clause) => {
    if (filter.audience && !clause.audiences.includes(filter.audience)) return false;
    if (words.length === 0) return true;
    const haystack = filterText(clause);
    return words.every((w) => haystack.includes(w));
  });
}

const filterable = new WeakMap<BenefitClause, string>();

/** The clause sentence, headings, document title and number and unit names without spaces or punctuation, computed once per clause. */
function filterText(clause: BenefitClause): string {
  let text = filterable.get(clause);
  if (text === undefined) {
    text = compactForMatch(
      [clause.source.sentence, ...clause.source.sectionPath, clause.source.docTitle, clause.source.docNumber, ...clause.units.map((u) => `${u.name}${u.canonical}`)].join(" "),
    );
    filterable.set(clause, text);
  }
  return text;
}
