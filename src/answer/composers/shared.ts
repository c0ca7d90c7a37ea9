import { unitsForQuote } from "../quote-units";
import type { AnswerUnit, Citation } from "../types";

/** The units of the item a quoted sentence belongs to, as answer units. */
export function itemUnits(citation: Citation, sentence: string): AnswerUnit[] {
  return unitsForQuote(citation.text, citation.units, sentence).map((u) => ({
    name: u.name,
    canonical: u.canonical,
    role: u.role,
    docNumber: citation.docNumber,
  }));
}

/** Passages whose best sentence covers at least this share of the best one's coverage may add a quote. */
export const MIN_RELATIVE_COVERAGE = 0.6;

/** Supporting quotes after the first line, at most. */
export const MAX_SUPPORTING_QUOTES = 2;

/**
 * Whether the fact line already says most of the sentence it was cut from:
 * then quoting the sentence again only repeats it.
 */
export function repeatsSentence(factText: string, sentence: string): boolean {
  return factText.replace(/\[\d+\]$/u, "").length >= sentence.length * 0.8;
}
