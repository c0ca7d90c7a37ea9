/**
 * The /api/ask behaviour: analyse the question once, retrieve, decide whether
 * to answer, compose with the intent's composer, then add the shared lines
 * (units, sources, notices, next step). Everything shown as policy is corpus
 * text with its citation marker; everything else is a labelled field or a
 * plainly worded system line (see LineKind).
 */
import type { PolicyDocument } from "../corpus/types";
import type { Engine } from "../engine/engine";
import { TUNED_REFUSAL_THRESHOLD } from "../search/config";
import { toCitation } from "./citations";
import { compose, type ComposeContext, type Composition } from "./composers";
import { decide, factStated, type DecisionSettings } from "./decide";
import { expiryNotice } from "./expiry";
import { nextStepLine, renderLines, sourceLine, unitsLine } from "./lines";
import { refuse } from "./refusals";
import { replacementNotice } from "./replaced";
import { AnswerError, type Answer, type AnswerLine, type AskInput, type RefusalReason } from "./types";
import { answerUnits } from "./units";

export { AnswerError } from "./types";
export { toCitation, citationOf } from "./citations";

export interface AnswerSettings extends DecisionSettings {
  now: () => Date;
}

export const DEFAULT_ANSWER_SETTINGS: AnswerSettings = {
  refusalThreshold: TUNED_REFUSAL_THRESHOLD,
  unknownShareLimit: 0.5,
  now: () => new Date(),
};


/** Cited passages whose units the response's `units` list carries. */
const UNIT_PASSAGES = 3;

/** Citizens asking how or where to get something are told whom to contact. */
const WANTS_CONTACT = /怎么(领|办|申请|办理|弄|拿)|咋(领|办|弄|申请)|如何(申请|办理|领取)|去哪|在哪(里|儿)?办|哪里办|找谁|找哪/u;

export async function answerQuestion(engine: Engine, input: AskInput, settings: AnswerSettings = DEFAULT_ANSWER_SETTINGS): Promise<Answer> {
  const started = performance.now();
  const query = engine.retriever.analyse(input.question, input.history);
  const filters = resolveFilters(engine, input.filters);
  const result = await engine.retriever.search(query, { k: input.topK ?? 5, filters });
  const ctx: ComposeContext = {
    engine,
    query,
    result,
    citations: result.hits.map((hit, i) => toCitation(engine, hit, i + 1)),
    terms: engine.retriever.contentTerms(query),
  };
  const decision = decide(result, settings);
  let composed: Composition | null = null;
  let reason: RefusalReason | null = decision.answered ? null : decision.reason;
  if (!reason) {
    composed = compose(ctx);
    if (!composed) reason = "no-evidence";
    else if (!factStated(query, composed.lines)) reason = "fact-not-stated";
  }
  const body = reason ? refusalBody(ctx, reason) : answerBody(ctx, composed!, settings);
  return {
    answered: reason === null,
    ...(reason ? { reason } : {}),
    answer: renderLines(body.lines),
    lines: body.lines,
    citations: body.citations,
    units: body.units,
    ...(body.candidates ? { candidates: body.candidates } : {}),
    analysis: { intent: query.intent, asks: query.asks, audience: query.audience },
    retrieval: {
      mode: result.mode,
      model: engine.retriever.denseModel,
      tookMs: Math.round((performance.now() - started) * 100) / 100,
    },
  };
}

type Body = Pick<Answer, "lines" | "citations" | "units" | "candidates">;

function refusalBody(ctx: ComposeContext, reason: RefusalReason): Body {
  const refusal = refuse(ctx, reason);
  return { lines: refusal.lines, citations: refusal.citations, units: refusal.units, candidates: refusal.candidates };
}

function answerBody(ctx: ComposeContext, composed: Composition, settings: AnswerSettings): Body {
  const { engine, query } = ctx;
  const citations = composed.citations ?? [...ctx.citations];
  const documents = uniqueDocuments(engine, composed.used);
  const lines: AnswerLine[] = [...composed.lines];
  if (!composed.unitsShown) {
    const line = unitsLine(composed.units);
    if (line) lines.push(line);
  }
  const source = sourceLine(documents);
  if (source) lines.push(source);
  const replaced = replacementNotice(documents, engine.documentById);
  if (replaced) lines.push({ kind: "notice", text: replaced });
  const notice = expiryNotice(documents, composed.quoted, settings.now());
  if (notice) lines.push({ kind: "notice", text: notice });
  if (query.audience !== "operator" && (query.asks === "procedure" || query.asks === "place" || WANTS_CONTACT.test(query.text)))
    lines.push(nextStepLine(composed.units));
  // The structured unit list covers the quoted passages and the best three cited ones: an operator
  // filtering by unit needs them all; the units line shows only the quoted items' units.
  const withUnits = citations.filter((c) => c.units.length > 0).slice(0, UNIT_PASSAGES);
  const cited = [...composed.used, ...withUnits.filter((c) => !composed.used.includes(c))];
  return { lines, citations, units: answerUnits(cited, engine.documentById, composed.units) };
}

function resolveFilters(engine: Engine, filters: AskInput["filters"]) {
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

function uniqueDocuments(engine: Engine, citations: readonly { docId: string }[]): PolicyDocument[] {
  const ids = [...new Set(citations.map((c) => c.docId))];
  return ids.map((id) => engine.documentById.get(id)).filter((d): d is PolicyDocument => !!d);
}
