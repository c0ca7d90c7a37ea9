/**
 * Whether to answer, and if not, why. The one refusal rule: the answer
 * orchestrator and the threshold calibration in eval/tune.ts both call it.
 *
 * In order:
 *  1. out of domain (weather, sports, shopping, chit-chat): not a policy question at all;
 *  2. a bare document reference that matches several documents (16号文): ask which;
 *  3. a fully written document number the collection does not hold: not here;
 *  4. a named document: answerable (its passages are there);
 *  5. the question's most specific words occur nowhere in the collection (驾照, 公积金提取): not here;
 *  6. no top passage covers the question's topic well enough: not here;
 *  7. (after composing, `factStated`) the topic is covered but no top passage states
 *     the asked value about it (an amount, a date, a person, a count, a contact): the
 *     documents do not say, and the answer says so.
 */
import { valueSpans } from "../search/answer-type";
import type { ParsedQuery } from "../search/query";
import type { SearchResult } from "../search/retriever";
import type { RefusalReason } from "./types";

export interface DecisionSettings {
  /** Minimum topic evidence (IDF-weighted coverage, 0–1) of a top passage; calibrated on the dev split. */
  refusalThreshold: number;
  /** Share of the question's weight carried by words the collection never uses, from which it is refused. */
  unknownShareLimit: number;
}

export type Decision = { answered: true } | { answered: false; reason: RefusalReason };

export function decide(result: SearchResult, settings: DecisionSettings): Decision {
  const query = result.query;
  if (query.intent === "out-of-domain") return { answered: false, reason: "out-of-domain" };
  if (result.hits.length === 0) return { answered: false, reason: "no-evidence" };
  if (isAmbiguousReference(query)) return { answered: false, reason: "ambiguous" };
  if (unknownDocumentNumbers(result).length) return { answered: false, reason: "no-evidence" };
  if (query.document !== null) return { answered: true };
  if (result.unknownShare >= settings.unknownShareLimit) return { answered: false, reason: "no-evidence" };
  if (result.topicEvidence < settings.refusalThreshold) return { answered: false, reason: "no-evidence" };
  return { answered: true };
}

/**
 * Asked values whose absence from the answer's first line means "the documents do
 * not say". Retrieval only knows that some top passage holds such a value; the
 * composer knows whether one states it *about the topic* ("免费乘坐公交" holds an
 * amount, not the 两项补贴 amount a caller asked for). A place is not on the list:
 * 去哪办 is answered by whom to contact, and places are written too many ways to check.
 */
const MUST_STATE: ReadonlySet<string> = new Set(["amount", "ratio", "date", "duration", "person", "count", "contact"]);

/**
 * Rule 7: whether the composed answer states the asked value. For policy and
 * benefit questions its first line must be a fact line; a phone number or an
 * address must appear in some line whatever the intent (an office's unit is not
 * its phone number).
 */
export function factStated(query: ParsedQuery, lines: readonly { kind: string; text: string }[]): boolean {
  if (query.asks === "contact") return lines.some((l) => valueSpans("contact", l.text).length > 0);
  // 原任什么职务: an appointment notice answers that only where it removes the person from a post.
  if (query.intent === "appointment" && /原任|原来|之前|以前|此前/u.test(query.text)) return lines.some((l) => l.text.startsWith("免去"));
  if (!MUST_STATE.has(query.asks) || (query.intent !== "policy" && query.intent !== "entitlement")) return true;
  return lines[0]?.kind === "fact";
}

/** `decide(…).answered`, for the threshold calibration. */
export function isAnswerable(result: SearchResult, settings: DecisionSettings): boolean {
  return decide(result, settings).answered;
}

/**
 * "16号文" with two 16号 documents, asked as a document lookup: the user must
 * choose. A question with a topic of its own (16号文 养老服务补贴谁牵头) is
 * answered from the passages that match the topic instead.
 */
export function isAmbiguousReference(query: ParsedQuery): boolean {
  return query.document === null && query.documentCandidates.length > 1 && query.intent === "document";
}

/** Fully written document numbers (with an issuer prefix) that no document has and no retrieved passage mentions. */
export function unknownDocumentNumbers(result: SearchResult): SearchResult["query"]["docNumbers"] {
  return result.query.docNumbers.filter(
    (m) => m.parts.prefix && m.candidates.length === 0 && !result.hits.some((h) => h.chunk.text.includes(m.text)),
  );
}
