/**
 * Scoring extraction against the reviewed list of expected clauses
 * (eval/benefits-expected.json).
 *
 * Matching: an extracted clause matches an expected one when both come from
 * the same document, the extracted sentence contains the expected snippet
 * with whitespace and punctuation ignored, and — when the expected entry names
 * a section — the clause's innermost heading contains that text.
 * precision = matched extracted / all extracted; recall = matched expected / all expected.
 */
import type { Audience, BenefitClause, BenefitKind } from "./types";
import { compactForMatch } from "../text/fold";

export interface ExpectedClause {
  docNumber: string;
  /** 8–40 characters of the clause sentence, verbatim. */
  snippet: string;
  audience: Audience;
  kind: BenefitKind;
  /** Disambiguates a snippet that occurs in two sections of one document. */
  section?: string;
  note?: string;
}

export interface ExtractionScore {
  extracted: number;
  expected: number;
  matchedExtracted: number;
  matchedExpected: number;
  precision: number;
  recall: number;
  /** Of matched pairs: share whose extracted audiences include the expected audience. */
  audienceAgreement: number;
  /** Of matched pairs: share with the same kind. */
  kindAgreement: number;
  /** Extracted clauses no expected entry accounts for (review these). */
  extra: BenefitClause[];
  /** Expected entries nothing extracted matches. */
  missed: ExpectedClause[];
  /** Matched pairs that disagree on audience or kind. */
  disagreements: Array<{ expected: ExpectedClause; clause: BenefitClause }>;
}

/**
 * Drops whitespace, punctuation and symbols (width-folded) so layout differences never decide a match:
 * an alias of compactForMatch (src/text/fold.ts), the project's one comparison form, kept for the tests.
 */
export const looseText = compactForMatch;

export function matches(clause: BenefitClause, expected: ExpectedClause): boolean {
  if (clause.source.docNumber !== expected.docNumber) return false;
  if (expected.section && !(clause.source.sectionPath.at(-1) ?? "").includes(expected.section)) return false;
  return looseText(clause.source.sentence).includes(looseText(expected.snippet));
}

export function scoreExtraction(clauses: readonly BenefitClause[], expected: readonly ExpectedClause[]): ExtractionScore {
  const extra = clauses.filter((c) => !expected.some((e) => matches(c, e)));
  const missed = expected.filter((e) => !clauses.some((c) => matches(c, e)));
  const pairs = expected.flatMap((e) => {
    const clause = clauses.find((c) => matches(c, e));
    return clause ? [{ expected: e, clause }] : [];
  });
  const audienceOk = pairs.filter((p) => p.clause.audiences.includes(p.expected.audience));
  const kindOk = pairs.filter((p) => p.clause.kind === p.expected.kind);
  const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
  return {
    extracted: clauses.length,
    expected: expected.length,
    matchedExtracted: clauses.length - extra.length,
    matchedExpected: expected.length - missed.length,
    precision: ratio(clauses.length - extra.length, clauses.length),
    recall: ratio(expected.length - missed.length, expected.length),
    audienceAgreement: ratio(audienceOk.length, pairs.length),
    kindAgreement: ratio(kindOk.length, pairs.length),
    extra,
    missed,
    disagreements: pairs.filter((p) => !p.clause.audiences.includes(p.expected.audience) || p.clause.kind !== p.expected.kind),
  };
}
