import type { Chunk, PolicyDocument } from "../corpus/types";
import { bracketPairs, matchView } from "../corpus/units/text";
import type { Engine } from "../engine/engine";
import type { AnswerUnit, AskRequest, AskResponse, Citation } from "../http/schemas";
import { TUNED_REFUSAL_THRESHOLD } from "../search/config";
import { coverage } from "../search/evidence";
import type { Hit, SearchResult } from "../search/retriever";
import { expiryNotice } from "./expiry";
import { resolveFollowUp } from "./followup";
import { composeEntitlements } from "./entitlements";
import { renderIntent } from "./intents";
import { splitSentences } from "../text/sentences";
import { answerUnits, unitsLine } from "./units";
import { toUnitRoles } from "../corpus/units/roles";

export interface AnswerSettings {
  /**
   * Minimum evidence (IDF-weighted question coverage of the best passage) to
   * answer; calibrated by `npm run eval` on the dev split's unanswerable questions.
   */
  refusalThreshold: number;
  /** Sentences quoted in a general answer. */
  maxSentences: number;
  now: () => Date;
}

export const DEFAULT_ANSWER_SETTINGS: AnswerSettings = {
  refusalThreshold: TUNED_REFUSAL_THRESHOLD,
  maxSentences: 3,
  now: () => new Date(),
};

export class AnswerError extends Error {
  constructor(
    readonly code: "unknown-document" | "unknown-unit",
    message: string,
  ) {
    super(message);
  }
}

export const REFUSAL_TEXT =
  "本库收录的政府文件中没有找到能回答这个问题的内容。建议拨打12345政务服务便民热线咨询。以下是相关度最高的文件，供参考：";

/** The whole /api/ask behaviour: retrieval, refusal, extractive composition, citations and units. */
export async function answerQuestion(
  engine: Engine,
  request: AskRequest,
  settings: AnswerSettings = DEFAULT_ANSWER_SETTINGS,
): Promise<AskResponse> {
  const started = performance.now();
  const { query: retrievalQuery } = resolveFollowUp(request.question, request.history);
  const filters = resolveFilters(engine, request.filters);
  const result = await engine.retriever.search(retrievalQuery, { k: request.topK ?? 5, filters });
  const citations: Citation[] = result.hits.map((hit, i) => toCitation(engine, hit, i + 1));
  const retrieval = {
    mode: result.mode,
    model: engine.retriever.denseModel,
    tookMs: 0,
  };
  const unknownNumbers = unknownDocumentNumbers(result);
  const answered = isAnswerable(result, settings.refusalThreshold);
  let answer: string;
  let usedCitations: Citation[];
  let answerUnitList: AnswerUnit[] = [];
  if (!answered) {
    const missing = unknownNumbers.map((m) => m.text);
    answer = [
      missing.length ? `本库未收录文号为${missing.join("、")}的文件。` + REFUSAL_TEXT : REFUSAL_TEXT,
      ...sourceLines(uniqueDocuments(engine, citations)),
    ].join("\n");
    usedCitations = [];
  } else {
    const entitlement = composeEntitlements(engine, request.question, citations);
    if (entitlement) citations.splice(0, citations.length, ...entitlement.citations);
    const special = entitlement?.composed ?? renderIntent(engine, result, citations);
    const composed = special ?? composeGeneral(engine, result, citations, settings);
    usedCitations = composed.used;
    const documents = uniqueDocuments(engine, usedCitations);
    const lines = [composed.text];
    answerUnitList = answerUnits(usedCitations, engine.documentById, composed.units);
    const unitText = unitsLine(answerUnitList.filter((u) => u.role !== "issuer"));
    if (unitText) lines.push(unitText);
    lines.push(...sourceLines(documents));
    const notice = expiryNotice(documents, composed.quoted, settings.now());
    if (notice) lines.push(notice);
    answer = lines.join("\n");
  }
  retrieval.tookMs = Math.round((performance.now() - started) * 100) / 100;
  return {
    answered,
    answer,
    citations,
    units: answerUnitList,
    retrieval,
  };
}

export interface Composed {
  text: string;
  /** Citations whose text the answer quotes. */
  used: Citation[];
  /** The quoted sentences (for the expiry check). */
  quoted: string[];
  /** Units the answer names from the parsed document rather than from a quoted passage (a group's office). */
  units?: AnswerUnit[];
}

/**
 * Quotes, for each of the best cited passages, its sentence that covers the
 * most of the question's terms (weighted), in citation order, each followed
 * by its marker. A passage whose best sentence covers much less than the top
 * one is left out. Nothing but corpus sentences and markers.
 */
export function composeGeneral(
  engine: Engine,
  result: SearchResult,
  citations: readonly Citation[],
  settings: Pick<AnswerSettings, "maxSentences">,
): Composed {
  const picks: { citation: Citation; text: string; coverage: number }[] = [];
  for (const citation of citations.slice(0, settings.maxSentences)) {
    const best = bestSentence(engine, result, citation);
    if (best) picks.push({ citation, ...best });
  }
  const top = Math.max(0, ...picks.map((p) => p.coverage));
  // The first citation always speaks; the others only when they add comparable evidence.
  const chosen = picks.filter((p, i) => i === 0 || (top > 0 && p.coverage >= top * MIN_RELATIVE_COVERAGE));
  return {
    text: chosen.map((p) => `${p.text}[${p.citation.n}]`).join(""),
    used: chosen.map((p) => p.citation),
    quoted: chosen.map((p) => p.text),
  };
}

/** The passage's body sentence (no heading, no bare annotation) that covers the most of the question's terms. */
export function bestSentence(
  engine: Engine,
  result: SearchResult,
  citation: Citation,
): { text: string; coverage: number } | null {
  const terms = engine.retriever.contentTerms(result.query);
  let best: { text: string; coverage: number } | null = null;
  for (const sentence of splitSentences(citation.text)) {
    if (isHeadingLine(sentence.text, citation.sectionPath) || isAside(sentence.text)) continue;
    const c = coverage(terms, sentence.text.toLowerCase());
    if (!best || c > best.coverage) best = { text: sentence.text, coverage: c };
  }
  return best;
}

/**
 * The refusal rule, shared with the threshold calibration in eval/tune.ts. A named
 * document is always answerable; otherwise the passages must cover the question and,
 * when a specific fact is asked (an amount, a date), state one (see SearchResult.evidence).
 * A document number the collection does not hold is a clear "not here", however well
 * its words match other passages.
 */
export function isAnswerable(result: SearchResult, refusalThreshold: number): boolean {
  if (result.hits.length === 0) return false;
  if (result.query.document !== null) return true;
  return (
    unknownDocumentNumbers(result).length === 0 && result.evidence >= refusalThreshold && result.answerTypeSupplied
  );
}

/** Fully written document numbers (with an issuer prefix) that no document has and no retrieved passage mentions. */
function unknownDocumentNumbers(result: SearchResult): SearchResult["query"]["docNumbers"] {
  return result.query.docNumbers.filter(
    (m) => m.parts.prefix && m.candidates.length === 0 && !result.hits.some((h) => h.chunk.text.includes(m.text)),
  );
}

/** A further passage is quoted only if its best sentence covers at least this share of what the best one covers. */
const MIN_RELATIVE_COVERAGE = 0.6;

export function toCitation(engine: Engine, hit: Hit, n: number): Citation {
  return citationOf(engine, hit.chunk, hit.score, n);
}

/** A chunk as the API cites it, with its document's issuer and date. */
export function citationOf(engine: Engine, chunk: Chunk, score: number, n: number): Citation {
  const doc = engine.documentById.get(chunk.docId);
  return {
    n,
    chunkId: chunk.id,
    docId: chunk.docId,
    docNumber: chunk.docNumber,
    docTitle: chunk.docTitle,
    issuer: doc?.issuer ?? "",
    date: doc?.date ?? "",
    sectionPath: chunk.sectionPath,
    text: chunk.text,
    score: Math.round(score * 10000) / 10000,
    units: toUnitRoles(chunk.units),
    issueId: chunk.issueId ?? null,
    page: chunk.page ?? null,
  };
}

function resolveFilters(engine: Engine, filters: AskRequest["filters"]) {
  if (!filters) return undefined;
  let docIds: string[] | undefined;
  let unitCanonical: string | undefined;
  if (filters.docNumber) {
    const doc = engine.findDocument(filters.docNumber);
    if (!doc) throw new AnswerError("unknown-document", `no document ${JSON.stringify(filters.docNumber)} in the corpus`);
    docIds = [doc.id];
  }
  if (filters.unit) {
    const mention = engine.units.find(filters.unit)[0];
    if (!mention) throw new AnswerError("unknown-unit", `no unit ${JSON.stringify(filters.unit)} in the corpus`);
    unitCanonical = mention.canonical;
  }
  return { docIds, unitCanonical };
}

function uniqueDocuments(engine: Engine, citations: readonly Citation[]): PolicyDocument[] {
  const ids = [...new Set(citations.map((c) => c.docId))];
  return ids.map((id) => engine.documentById.get(id)).filter((d): d is PolicyDocument => !!d);
}

/** "来源：《title》（朔政办发〔2023〕16号，2023年5月8日）" for each cited document. */
function sourceLines(docs: readonly PolicyDocument[]): string[] {
  if (!docs.length) return [];
  return [`来源：${docs.map((d) => `《${d.title}》（${d.docNumber}，${chineseDate(d.date)}）`).join("；")}`];
}

export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

const HEADING_MARKER = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+(?:\.\d+)*\.?\s|（\d+）|[①-⑳]|第[一二三四五六七八九十]+章|专栏\s*\d+|表\s*\d+)/u;

/**
 * A heading quoted alone ("6. 残疾人就业服务补贴。") tells the user nothing the
 * citation's section path does not; the answer quotes body sentences instead.
 */
export function isHeadingLine(sentence: string, sectionPath: readonly string[]): boolean {
  const bare = sentence.replace(/[。：:]$/u, "");
  if (sectionPath.some((title) => title.replace(/[。：:]$/u, "") === bare)) return true;
  return HEADING_MARKER.test(sentence) && [...bare].length <= 30 && !/[，；]/u.test(bare);
}

/**
 * A sentence that is only a parenthesised aside, typically a unit annotation
 * "（市市场监管局牵头负责，各县（市、区）人民政府配合）": quoted alone it says who, not
 * what, and the units line already says who.
 */
export function isAside(sentence: string): boolean {
  const bare = matchView(sentence.replace(/[。；]$/u, ""));
  return bracketPairs(bare).some((pair) => pair.start === 0 && pair.end === bare.length);
}
