/**
 * How much of a question a piece of text covers: the refusal evidence and the
 * sentence choice both weigh the question's content terms by how specific they
 * are in everyday language and ask which of them the text contains.
 */

export interface ContentTerm {
  term: string;
  /** General-language IDF, capped. */
  weight: number;
  /** Policy terms that count as this term being present. */
  alternatives: string[];
}

/** Weighted share of `terms` present in `text` (lower-cased). */
export function coverage(terms: readonly ContentTerm[], text: string): number {
  let total = 0;
  let covered = 0;
  for (const t of terms) {
    total += t.weight;
    if (mentions(text, t)) covered += t.weight;
  }
  return total ? covered / total : 0;
}

/**
 * Like `coverage`, but a term the passage names only as one item of an
 * enumeration (…银行、社保、医保、公积金开户纳入全流程管理) counts half: the
 * passage is about the list's purpose, not about 公积金, and a question about
 * 公积金 is not answered by it. A term that also appears in a clause of its own
 * counts in full.
 */
export function passageCoverage(terms: readonly ContentTerm[], text: string): number {
  const clauses = text.split(CLAUSE_BREAK);
  let total = 0;
  let covered = 0;
  for (const t of terms) {
    total += t.weight;
    const containing = clauses.filter((clause) => mentions(clause, t));
    if (containing.length === 0) continue;
    const onlyListed = containing.every((clause) => clause.split("、").length >= MIN_LIST_ITEMS);
    covered += onlyListed ? t.weight * LISTED_MENTION_CREDIT : t.weight;
  }
  return total ? covered / total : 0;
}

function mentions(text: string, t: ContentTerm): boolean {
  return text.includes(t.term) || t.alternatives.some((a) => text.includes(a));
}

/** Punctuation that ends a clause; the enumeration comma 、 does not. */
const CLAUSE_BREAK = /[，。；：！？,;:!?\n（）()“”]/u;
/** A clause with at least this many 、-separated items is an enumeration. */
const MIN_LIST_ITEMS = 3;
/** Credit for a term named only inside enumerations (measured on dev: 0.3–0.5 all help; 0.7 does not). */
const LISTED_MENTION_CREDIT = 0.5;
