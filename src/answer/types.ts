/**
 * The answer layer's own types. The HTTP layer maps these to its zod schemas
 * (src/http/schemas.ts checks at compile time that they agree); nothing here
 * knows about HTTP.
 */
import type { UnitRoleKind } from "../corpus/types";
import type { UnitRoleRef } from "../corpus/units/roles";
import type { Turn } from "../search/followup";

/** One line of an answer, in reading order. */
export type LineKind =
  /** The short answer: the asked fact, verbatim (or a labelled field), with the value highlighted. */
  | "fact"
  /** A verbatim corpus sentence with its citation. */
  | "quote"
  /** A labelled field read from the parsed document (文号, 成文日期, 组长 …). */
  | "field"
  /** The responsible units of what was quoted, grouped by role. */
  | "units"
  /** The documents cited: title, number, date. */
  | "source"
  /** System text about the answer: an expired period, a replaced document, partial coverage. */
  | "notice"
  /** A question back to the user (which of these documents?). */
  | "clarify"
  /** Why there is no answer. */
  | "refusal"
  /** Whom to contact next. */
  | "next-step";

export const LINE_KINDS: readonly LineKind[] = ["fact", "quote", "field", "units", "source", "notice", "clarify", "refusal", "next-step"];

export interface AnswerLine {
  kind: LineKind;
  text: string;
  /** Citation number [n] the line's text comes from. */
  cite?: number;
  /** [start, end) of the asked value inside `text`. */
  highlight?: [number, number];
}

/** Why `answered` is false. */
export type RefusalReason = "no-evidence" | "out-of-domain" | "fact-not-stated" | "ambiguous";

export const REFUSAL_REASONS: readonly RefusalReason[] = ["no-evidence", "out-of-domain", "fact-not-stated", "ambiguous"];

export interface Citation {
  n: number;
  chunkId: string;
  docId: string;
  docNumber: string;
  docTitle: string;
  issuer: string;
  date: string;
  sectionPath: string[];
  text: string;
  score: number;
  units: UnitRoleRef[];
  /** Gazette issue the passage was printed in (2023-03); null for a web page or Word file. */
  issueId?: string | null;
  /** Printed page where the passage starts (PDF sources); null when unknown. */
  page?: number | null;
}

export interface AnswerUnit {
  name: string;
  canonical: string;
  role: UnitRoleKind | "issuer";
  docNumber: string;
}

/** A document the user may have meant, offered when a reference is ambiguous. */
export interface DocumentCandidate {
  docId: string;
  docNumber: string;
  title: string;
  date: string;
}

export interface AskInput {
  question: string;
  topK?: number;
  history?: Turn[];
  filters?: { docNumber?: string; unit?: string };
}

export interface Answer {
  answered: boolean;
  /** Set when `answered` is false. */
  reason?: RefusalReason;
  /** `lines` rendered as plain text, one per line: what the CLI prints and a client without `lines` shows. */
  answer: string;
  lines: AnswerLine[];
  citations: Citation[];
  units: AnswerUnit[];
  /** With reason "ambiguous": the documents to choose from. */
  candidates?: DocumentCandidate[];
  /** The question analysis the answer was built from (intent and asked fact), for clients and the question log. */
  analysis: { intent: string; asks: string; audience: string };
  retrieval: { mode: "hybrid" | "lexical"; model: string | null; tookMs: number };
}

/** The answer layer's errors; the HTTP layer maps each code to a status. */
export class AnswerError extends Error {
  constructor(
    readonly code: "unknown-document" | "unknown-unit",
    message: string,
  ) {
    super(message);
  }
}
