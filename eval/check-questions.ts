/**
 * Gold checker for the evaluation question set.
 *
 *   npx tsx eval/check-questions.ts                 check, print a summary, exit 1 on any error
 *   npx tsx eval/check-questions.ts --write-splits  rewrite eval/questions.jsonl with the computed splits, then check
 *
 * `checkQuestionSet` is a pure function over plain data (records, gazette
 * text, optional parsed corpus) so tests/eval/questions.test.ts runs the very
 * same checks and `npm test` fails on bad gold.
 */
import { pathToFileURL } from "node:url";
import type { Corpus } from "../src/corpus/types";
import { PERSONAS, INTENTS, SPLITS, questionRecordSchema } from "./questions-schema";
import type { Persona, QuestionRecord, Split } from "./questions-schema";
import { compactForMatch } from "../src/text/fold";
import { containsSnippet } from "./metrics";

// ---------------------------------------------------------------------------
// Types

export interface SourceText {
  /** File name, for messages. */
  name: string;
  text: string;
}

export interface CheckInput {
  /** Parsed JSONL lines, unvalidated. */
  records: unknown[];
  /** Raw gazette text file(s) under corpus/. */
  sources: SourceText[];
  /** corpus/corpus.json when the parser has written it; enables the chunk-level checks. */
  corpus?: Corpus | null;
}

export interface QuestionSetRequirements {
  minQuestions: number;
  /** Target share per persona and the allowed absolute deviation. */
  personaShares: Record<Persona, number>;
  personaTolerance: number;
  minUnanswerable: number;
  minPairs: number;
  /** Every document found in the sources must be gold for at least this many questions. */
  minQuestionsPerDocument: number;
  /** Allowed share of the test split, overall and within each persona × answerability stratum. */
  testShareOverall: [number, number];
  testShareStratum: [number, number];
  /** Citizens and enterprises must not copy the text: longest shared run (normalised chars) allowed. */
  maxCopiedRun: number;
}

export const DEFAULT_REQUIREMENTS: QuestionSetRequirements = {
  minQuestions: 170,
  personaShares: { citizen: 0.4, operator: 0.3, enterprise: 0.3 },
  personaTolerance: 0.05,
  minUnanswerable: 30,
  minPairs: 20,
  minQuestionsPerDocument: 1,
  testShareOverall: [0.25, 0.35],
  testShareStratum: [0.2, 0.4],
  maxCopiedRun: 9,
};

export interface CheckIssue {
  questionId: string | null;
  snippet?: string;
  message: string;
}

export interface CountRow {
  key: string;
  total: number;
  dev: number;
  test: number;
}

export interface QuestionSetSummary {
  questions: number;
  byPersona: CountRow[];
  byIntent: CountRow[];
  byAnswerable: CountRow[];
  bySplit: CountRow[];
  byDocument: CountRow[];
  pairs: number;
}

export interface CheckReport {
  ok: boolean;
  errors: CheckIssue[];
  warnings: CheckIssue[];
  summary: QuestionSetSummary;
}

/** Where one official document lies in a source file (1-based, inclusive). */
export interface SourceDocumentSpan {
  docNumber: string;
  source: string;
  startLine: number;
  endLine: number;
  /** normalizeForMatch of the span, lines joined. */
  normalized: string;
  /** normalizeForMatch of each physical line of the span. */
  normalizedLines: string[];
}

// ---------------------------------------------------------------------------
// Matching

/**
 * The comparison view shared by snippets and corpus text: width-folded
 * (NFKC), lower-cased, without whitespace and punctuation. It makes gold
 * robust to the PDF artefacts (mixed 。/. ，/, （/(, spaced names, line breaks).
 */
export function normalizeForMatch(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/[\s\p{P}]+/gu, "");
}

const DOC_NUMBER_LINE = /^朔政[\u4e00-\u9fff]{0,3}〔\d{4}〕\d+号$/;
const ISSUER_LINE = /^朔州市人民政府/;
const BACK_MATTER_LINE = /^《.+公报》简介$/;

/**
 * Finds the documents of a gazette by their document-number anchor lines
 * (NOTES.md §1.3). A document starts at its title (the issuer line at most
 * three non-empty lines above the anchor) and ends where the next title or
 * the back matter begins, so displaced text after the last disclosure note
 * (D20's 3331–3333) still belongs to its document.
 */
export function locateSourceDocuments(source: SourceText): SourceDocumentSpan[] {
  const lines = source.text.split(/\r?\n/);
  const anchors: { docNumber: string; titleLine: number }[] = [];
  lines.forEach((line, index) => {
    const trimmed = line.trim();
    if (!DOC_NUMBER_LINE.test(trimmed)) return;
    let titleLine = index;
    let nonEmptySeen = 0;
    for (let back = index - 1; back >= 0 && nonEmptySeen < 3; back--) {
      const candidate = lines[back]!.trim();
      if (candidate === "") continue;
      nonEmptySeen++;
      // Title lines between the issuer and the anchor never start with the
      // issuer name, so the nearest issuer line is the title's first line.
      if (ISSUER_LINE.test(candidate)) {
        titleLine = back;
        break;
      }
    }
    anchors.push({ docNumber: trimmed, titleLine });
  });
  const backMatter = lines.findIndex((line) => BACK_MATTER_LINE.test(line.trim()));
  const endOfBody = backMatter >= 0 ? backMatter : lines.length;
  return anchors.map((anchor, i) => {
    const endExclusive = i + 1 < anchors.length ? anchors[i + 1]!.titleLine : endOfBody;
    const spanLines = lines.slice(anchor.titleLine, endExclusive);
    return {
      docNumber: anchor.docNumber,
      source: source.name,
      startLine: anchor.titleLine + 1,
      endLine: endExclusive,
      normalized: normalizeForMatch(spanLines.join("\n")),
      normalizedLines: spanLines.map(normalizeForMatch).filter((line) => line.length > 0),
    };
  });
}

/** Length of the longest run of `needle` (already normalised) that occurs in `haystack`. */
export function longestSharedRun(needle: string, haystack: string): number {
  let best = 0;
  for (let start = 0; start + best < needle.length; start++) {
    let length = best + 1;
    while (start + length <= needle.length && haystack.includes(needle.slice(start, start + length))) {
      best = length;
      length++;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------
// Splits

/**
 * Seed of the dev/test assignment. Changing it reshuffles the test split, which
 * would leak tuned-on questions into test: never change it once results exist.
 * Picked once among v1…v400 as the one whose 30 % cut came closest to 30 % in
 * every persona × answerability stratum and gave every document with three or
 * more questions at least one test question.
 */
export const SPLIT_SEED = "policy-qa-eval-v158";
export const TEST_PER_MILLE = 300;

function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/**
 * A question's split depends only on its own unit key (its pairId, else its
 * id), so adding questions never moves existing ones between splits, and both
 * halves of a paraphrase pair always land together.
 */
export function splitForUnit(unitKey: string, seed: string = SPLIT_SEED): Split {
  return fnv1a32(`${seed}:${unitKey}`) % 1000 < TEST_PER_MILLE ? "test" : "dev";
}

export function expectedSplit(record: Pick<QuestionRecord, "id" | "pairId">, seed: string = SPLIT_SEED): Split {
  return splitForUnit(record.pairId ?? record.id, seed);
}

// ---------------------------------------------------------------------------
// The check

export function checkQuestionSet(
  input: CheckInput,
  requirements: QuestionSetRequirements = DEFAULT_REQUIREMENTS,
): CheckReport {
  const errors: CheckIssue[] = [];
  const warnings: CheckIssue[] = [];
  const error = (questionId: string | null, message: string, snippet?: string) =>
    errors.push(snippet === undefined ? { questionId, message } : { questionId, message, snippet });
  const warn = (questionId: string | null, message: string, snippet?: string) =>
    warnings.push(snippet === undefined ? { questionId, message } : { questionId, message, snippet });

  // 1. Schema.
  const records: QuestionRecord[] = [];
  input.records.forEach((raw, index) => {
    const parsed = questionRecordSchema.safeParse(raw);
    if (parsed.success) {
      records.push(parsed.data);
      return;
    }
    const id = typeof raw === "object" && raw !== null && "id" in raw ? String((raw as { id: unknown }).id) : null;
    for (const issue of parsed.error.issues) {
      error(id ?? `line ${index + 1}`, `schema: ${issue.path.join(".") || "(record)"}: ${issue.message}`);
    }
  });

  // 2. Identity and duplicates.
  const seenIds = new Set<string>();
  const seenQuestions = new Map<string, string>();
  for (const record of records) {
    if (seenIds.has(record.id)) error(record.id, "duplicate id");
    seenIds.add(record.id);
    const key = normalizeForMatch(record.question);
    const earlier = seenQuestions.get(key);
    if (earlier) error(record.id, `same question text as ${earlier}`);
    else seenQuestions.set(key, record.id);
  }

  // 3. Gold against the source text.
  const spans = input.sources.flatMap(locateSourceDocuments);
  const spansByNumber = new Map<string, SourceDocumentSpan[]>();
  for (const span of spans) spansByNumber.set(span.docNumber, [...(spansByNumber.get(span.docNumber) ?? []), span]);
  const wholeSource = input.sources.map((source) => normalizeForMatch(source.text)).join("\u0000");
  if (spans.length === 0) error(null, "no document-number anchor found in the source text");

  for (const record of records) {
    if (!record.answerable) continue;
    const goldSpans: SourceDocumentSpan[] = [];
    for (const docNumber of record.docNumbers) {
      const found = spansByNumber.get(docNumber);
      if (!found) error(record.id, `gold docNumber ${docNumber} is not a document of the corpus`);
      else goldSpans.push(...found);
    }
    if (new Set(record.docNumbers).size !== record.docNumbers.length) error(record.id, "repeated docNumber");
    if (new Set(record.snippets).size !== record.snippets.length) warn(record.id, "repeated snippet");

    for (const snippet of record.snippets) {
      const needle = normalizeForMatch(snippet);
      if (needle.length < 6) {
        error(record.id, `snippet has only ${needle.length} characters once punctuation is removed`, snippet);
        continue;
      }
      if (!wholeSource.includes(needle)) {
        error(record.id, "snippet does not occur in the corpus (after removing whitespace and punctuation)", snippet);
        continue;
      }
      if (goldSpans.length === 0) continue;
      const inGold = goldSpans.filter((span) => span.normalized.includes(needle));
      if (inGold.length === 0) {
        const where = spans.filter((span) => span.normalized.includes(needle)).map((span) => span.docNumber);
        error(record.id, `snippet occurs in ${where.join(", ") || "no document"} but not in gold ${record.docNumbers.join(", ")}`, snippet);
        continue;
      }
      if (!inGold.some((span) => span.normalizedLines.some((line) => line.includes(needle)))) {
        warn(record.id, "snippet crosses a source line break; prefer one that lies on one physical line", snippet);
      }
      const elsewhere = spans
        .filter((span) => !record.docNumbers.includes(span.docNumber) && span.normalized.includes(needle))
        .map((span) => span.docNumber);
      if (elsewhere.length > 0) warn(record.id, `snippet also occurs in non-gold ${elsewhere.join(", ")}`, snippet);
    }

    for (const unit of record.units ?? []) {
      const needle = normalizeForMatch(unit);
      if (!goldSpans.some((span) => span.normalized.includes(needle))) {
        error(record.id, `unit "${unit}" is not written in the gold document(s)`);
      }
    }
  }

  // 4. Questions must be worded the way people talk, not copied from the text.
  for (const record of records) {
    if (record.persona === "operator" || !record.answerable) continue;
    const question = normalizeForMatch(record.question);
    for (const docNumber of record.docNumbers) {
      for (const span of spansByNumber.get(docNumber) ?? []) {
        const run = longestSharedRun(question, span.normalized);
        if (run > requirements.maxCopiedRun) {
          error(record.id, `${record.persona} question copies a ${run}-character run of ${docNumber}; reword it`);
        }
      }
    }
  }

  // 5. Chunk-level gold once the parser has written corpus/corpus.json.
  if (input.corpus) checkAgainstCorpus(records, input.corpus, error, warn);

  // 6. Pairs and splits.
  const pairs = new Map<string, QuestionRecord[]>();
  for (const record of records) {
    if (record.pairId) pairs.set(record.pairId, [...(pairs.get(record.pairId) ?? []), record]);
  }
  for (const [pairId, members] of pairs) {
    const ids = members.map((member) => member.id).join(", ");
    if (members.length < 2) error(members[0]!.id, `pair ${pairId} has a single member`);
    if (new Set(members.map((member) => member.answerable)).size > 1) {
      error(ids, `pair ${pairId} mixes answerable and unanswerable`);
      continue;
    }
    const [first, ...rest] = members;
    for (const other of rest) {
      if (first!.answerable && !other.docNumbers.some((docNumber) => first!.docNumbers.includes(docNumber))) {
        error(other.id, `pair ${pairId} members share no gold document`);
      }
    }
  }
  for (const record of records) {
    const expected = expectedSplit(record);
    if (record.split !== expected) {
      error(record.id, `split is ${record.split} but the seeded assignment says ${expected} (run with --write-splits)`);
    }
  }

  // 7. Set-level requirements.
  const summary = summarize(records, spans);
  const total = records.length;
  if (total < requirements.minQuestions) error(null, `only ${total} questions; at least ${requirements.minQuestions} required`);
  for (const persona of PERSONAS) {
    const share = total === 0 ? 0 : records.filter((record) => record.persona === persona).length / total;
    const target = requirements.personaShares[persona];
    if (Math.abs(share - target) > requirements.personaTolerance) {
      error(null, `${persona} share is ${percent(share)}; target ${percent(target)} ± ${percent(requirements.personaTolerance)}`);
    }
  }
  const unanswerable = records.filter((record) => !record.answerable).length;
  if (unanswerable < requirements.minUnanswerable) {
    error(null, `only ${unanswerable} unanswerable questions; at least ${requirements.minUnanswerable} required`);
  }
  const completePairs = [...pairs.values()].filter((members) => members.length >= 2).length;
  if (completePairs < requirements.minPairs) error(null, `only ${completePairs} paraphrase pairs; at least ${requirements.minPairs} required`);
  for (const row of summary.byDocument) {
    if (row.total < requirements.minQuestionsPerDocument) {
      error(null, `document ${row.key} is gold for ${row.total} questions; at least ${requirements.minQuestionsPerDocument} required`);
    }
  }
  checkTestShare("overall", records, requirements.testShareOverall, error);
  for (const persona of PERSONAS) {
    for (const answerable of [true, false]) {
      const stratum = records.filter((record) => record.persona === persona && record.answerable === answerable);
      checkTestShare(`${persona}/${answerable ? "answerable" : "unanswerable"}`, stratum, requirements.testShareStratum, error);
    }
  }

  return { ok: errors.length === 0, errors, warnings, summary };
}

function checkAgainstCorpus(
  records: QuestionRecord[],
  corpus: Corpus,
  error: (questionId: string | null, message: string, snippet?: string) => void,
  warn: (questionId: string | null, message: string, snippet?: string) => void,
): void {
  const documentsByNumber = new Map(corpus.documents.map((document) => [document.docNumber, document]));
  const chunkTexts = new Map<string, string[]>();
  for (const chunk of corpus.chunks) {
    chunkTexts.set(chunk.docNumber, [...(chunkTexts.get(chunk.docNumber) ?? []), compactForMatch(chunk.text)]);
  }
  for (const record of records) {
    if (!record.answerable) continue;
    const documents = record.docNumbers.map((docNumber) => documentsByNumber.get(docNumber));
    record.docNumbers.forEach((docNumber, i) => {
      if (!documents[i]) error(record.id, `corpus.json has no document ${docNumber}`);
    });
    const documentTexts = documents.flatMap((document) => (document ? [normalizeForMatch(document.text)] : []));
    const chunks = record.docNumbers.flatMap((docNumber) => chunkTexts.get(docNumber) ?? []);
    let inSomeChunk = false;
    for (const snippet of record.snippets) {
      const needle = normalizeForMatch(snippet);
      if (!documentTexts.some((text) => text.includes(needle))) {
        error(record.id, "snippet is not in the corpus.json text of its gold document", snippet);
        continue;
      }
      // The evaluation's own relevance rule (isRelevant), not the source-text normalisation above.
      if (chunks.some((text) => containsSnippet(text, [compactForMatch(snippet)]))) inSomeChunk = true;
      else warn(record.id, "snippet is split across corpus.json chunks", snippet);
    }
    // The evaluation counts a retrieved chunk as correct when it contains a snippet.
    if (!inSomeChunk) error(record.id, "no snippet lies within a single corpus.json chunk of the gold document");
  }
}

function checkTestShare(
  label: string,
  records: QuestionRecord[],
  [low, high]: [number, number],
  error: (questionId: string | null, message: string) => void,
): void {
  if (records.length < 5) return; // too few for a share to mean anything
  const share = records.filter((record) => record.split === "test").length / records.length;
  if (share < low || share > high) error(null, `test share ${label} is ${percent(share)}; allowed ${percent(low)}–${percent(high)}`);
}

// ---------------------------------------------------------------------------
// Summary

function countBy(records: QuestionRecord[], keys: string[], keyOf: (record: QuestionRecord) => string[]): CountRow[] {
  const rows = new Map<string, CountRow>(keys.map((key) => [key, { key, total: 0, dev: 0, test: 0 }]));
  for (const record of records) {
    for (const key of keyOf(record)) {
      const row = rows.get(key) ?? { key, total: 0, dev: 0, test: 0 };
      row.total++;
      row[record.split]++;
      rows.set(key, row);
    }
  }
  return [...rows.values()];
}

function summarize(records: QuestionRecord[], spans: SourceDocumentSpan[]): QuestionSetSummary {
  return {
    questions: records.length,
    byPersona: countBy(records, [...PERSONAS], (record) => [record.persona]),
    byIntent: countBy(records, [...INTENTS, "(none)"], (record) => [record.intent ?? "(none)"]),
    byAnswerable: countBy(records, ["answerable", "unanswerable"], (record) => [record.answerable ? "answerable" : "unanswerable"]),
    bySplit: countBy(records, [...SPLITS], (record) => [record.split]),
    byDocument: countBy(records, [...new Set(spans.map((span) => span.docNumber))], (record) => record.docNumbers),
    pairs: new Set(records.flatMap((record) => (record.pairId ? [record.pairId] : []))).size,
  };
}

/** Terminal columns: CJK and full-width characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += char.codePointAt(0)! >= 0x2e80 ? 2 : 1;
  return width;
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

export function formatReport(report: CheckReport): string {
  const { summary } = report;
  const table = (title: string, rows: CountRow[]) => {
    const width = Math.max(displayWidth(title), ...rows.map((row) => displayWidth(row.key)));
    const pad = (text: string) => text + " ".repeat(width - displayWidth(text));
    const lines = [`${pad(title)}  total  share    dev  test`];
    for (const row of rows) {
      const share = summary.questions === 0 ? 0 : row.total / summary.questions;
      lines.push(
        `${pad(row.key)}  ${String(row.total).padStart(5)}  ${percent(share).padStart(6)}  ${String(row.dev).padStart(4)}  ${String(row.test).padStart(4)}`,
      );
    }
    return lines.join("\n");
  };
  const issues = (label: string, list: CheckIssue[]) =>
    list.map((issue) => `${label} ${issue.questionId ?? "(set)"}: ${issue.message}${issue.snippet ? ` [${issue.snippet}]` : ""}`);
  return [
    `questions: ${summary.questions}   paraphrase pairs: ${summary.pairs}`,
    "",
    table("persona", summary.byPersona),
    "",
    table("answerable", summary.byAnswerable),
    "",
    table("split", summary.bySplit),
    "",
    table("intent", summary.byIntent),
    "",
    table("document", summary.byDocument),
    "",
    ...issues("WARN ", report.warnings),
    ...issues("ERROR", report.errors),
    `${report.errors.length} errors, ${report.warnings.length} warnings: ${report.ok ? "OK" : "FAILED"}`,
  ].join("\n");
}

// ---------------------------------------------------------------------------
// JSONL

export interface ParsedJsonl {
  records: unknown[];
  errors: CheckIssue[];
}

export function parseJsonl(text: string): ParsedJsonl {
  const records: unknown[] = [];
  const errors: CheckIssue[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === "") return;
    try {
      records.push(JSON.parse(line));
    } catch (cause) {
      errors.push({ questionId: `line ${index + 1}`, message: `invalid JSON: ${(cause as Error).message}` });
    }
  });
  return { records, errors };
}

/** Rewrites each record's split to the seeded assignment, keeping field order and line order. */
export function withComputedSplits(text: string): string {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const record = JSON.parse(line) as Record<string, unknown>;
      if (typeof record.id !== "string") return line;
      const pairId = typeof record.pairId === "string" ? record.pairId : undefined;
      record.split = expectedSplit({ id: record.id, pairId });
      return JSON.stringify(record);
    })
    .join("\n")
    .concat("\n");
}

// ---------------------------------------------------------------------------
// CLI

async function main(): Promise<void> {
  const { readFile, writeFile, readdir } = await import("node:fs/promises");
  const { existsSync } = await import("node:fs");
  const root = new URL("../", import.meta.url);
  const questionsUrl = new URL("eval/questions.jsonl", root);
  const corpusDir = new URL("corpus/", root);

  if (process.argv.includes("--write-splits")) {
    await writeFile(questionsUrl, withComputedSplits(await readFile(questionsUrl, "utf8")));
  }
  const parsed = parseJsonl(await readFile(questionsUrl, "utf8"));
  const sourceNames = (await readdir(corpusDir)).filter((name) => name.endsWith(".txt")).sort();
  const sources = await Promise.all(
    sourceNames.map(async (name) => ({ name, text: await readFile(new URL(name, corpusDir), "utf8") })),
  );
  const corpusJson = new URL("corpus.json", corpusDir);
  const corpus = existsSync(corpusJson) ? (JSON.parse(await readFile(corpusJson, "utf8")) as Corpus) : null;

  const report = checkQuestionSet({ records: parsed.records, sources, corpus });
  report.errors.unshift(...parsed.errors);
  report.ok = report.errors.length === 0;
  console.log(`sources: ${sourceNames.join(", ")}; corpus.json: ${corpus ? "checked" : "absent (chunk checks skipped)"}`);
  console.log(formatReport(report));
  process.exitCode = report.ok ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
