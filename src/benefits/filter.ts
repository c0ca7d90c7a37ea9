/**
 * GET /api/benefits filtering: by audience and by words of the clause.
 */
import { looseText } from "./evaluate";
import type { Audience, BenefitClause } from "./types";

export interface BenefitFilter {
  audience?: Audience;
  /** Space-separated words; every word must occur in the clause sentence, its headings, document title or units. */
  q?: string;
}

export function filterBenefits(clauses: readonly BenefitClause[], filter: BenefitFilter): BenefitClause[] {
  const words = (filter.q ?? "").split(/\s+/).map(looseText).filter(Boolean);
  return clauses.filter((clause) => {
    if (filter.audience && !clause.audiences.includes(filter.audience)) return false;
    if (words.length === 0) return true;
    const haystack = looseText(
      [clause.source.sentence, ...clause.source.sectionPath, clause.source.docTitle, clause.source.docNumber, ...clause.units.map((u) => `${u.name}${u.canonical}`)].join(" "),
    );
    return words.every((w) => haystack.includes(w));
  });
}
