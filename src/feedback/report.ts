/**
 * The maintainer's report, as pure functions over store records: refused and
 * thumbs-down questions grouped by the terms they share, the documents that came
 * closest, the reasons; and CSV for every view. Shared by /admin and `npm run gaps`.
 *
 * Grouping is greedy over character bigrams (no segmenter, so the Worker, Node and
 * the CLI group alike): the bigram most problem questions share forms a group,
 * its label is widened while every member still contains it (补贴 → 护理补贴),
 * and the rest are grouped again. A question sharing nothing stands alone.
 */
import type { DailyRefusals, DocumentAsks, ProblemAsk } from "./store";

export interface GapGroup {
  /** The text every question of the group contains (or the question itself when alone). */
  topic: string;
  count: number;
  refused: number;
  down: number;
  /** Up to five questions, newest first. */
  examples: string[];
  askIds: string[];
  /** The documents cited most often for these questions: the closest the corpus came. */
  documents: { docId: string; count: number; bestScore: number }[];
  /** Refusal reasons and thumbs-down reasons, most frequent first. */
  reasons: { reason: string; count: number }[];
}

export interface GapReport {
  since: number;
  groups: GapGroup[];
  documents: DocumentAsks[];
  daily: DailyRefusals[];
}

const MAX_EXAMPLES = 5;
const MAX_DOCUMENTS = 3;

/** Question filler: bigrams that say nothing about the topic. */
const FILLER = new Set(["什么", "哪些", "如何", "可以", "是否", "多少", "怎样", "哪个", "哪里", "需要", "能否", "一下", "没有", "有没", "有哪", "有什", "些什", "怎么", "么办", "能不", "不能", "现在", "如果", "这个", "那个"]);
const FILLER_CHARS = /[的了吗呢吧啊么呀哦我你请问想要]/u;

export function groupProblems(asks: readonly ProblemAsk[]): GapGroup[] {
  const unique = dedupe(asks);
  const withTerms = unique.map((ask) => ({ ask, text: cleanText(ask.question ?? ""), terms: new Set(termsOf(ask.question ?? "")) }));
  const groups: GapGroup[] = [];
  let remaining = withTerms.filter((x) => x.text);
  for (;;) {
    const df = new Map<string, number>();
    for (const x of remaining) for (const t of x.terms) df.set(t, (df.get(t) ?? 0) + 1);
    let best: string | null = null;
    let bestDf = 1;
    for (const [term, n] of df) if (n > bestDf || (n === bestDf && best !== null && term < best)) [best, bestDf] = [term, n];
    if (!best) break;
    const members = remaining.filter((x) => x.terms.has(best!));
    groups.push(summarise(widen(best, members.map((m) => m.text)), members.map((m) => m.ask)));
    remaining = remaining.filter((x) => !x.terms.has(best!));
  }
  for (const x of remaining) groups.push(summarise(x.text.slice(0, 40), [x.ask]));
  const unlogged = withTerms.filter((x) => !x.text).map((x) => x.ask);
  if (unlogged.length) groups.push(summarise("（未记录问题文本：QUESTION_LOG=off）", unlogged));
  return groups.sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic));
}

/** The CJK bigrams of a question that can name a topic; placeholders such as [手机号] are left out. */
export function termsOf(question: string): string[] {
  const terms: string[] = [];
  for (const run of cleanText(question).match(/[\p{Script=Han}]+|[A-Za-z0-9]{2,}/gu) ?? []) {
    if (!/\p{Script=Han}/u.test(run)) {
      terms.push(run.toLowerCase());
      continue;
    }
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) {
      const bigram = chars[i]! + chars[i + 1]!;
      if (!FILLER.has(bigram) && !FILLER_CHARS.test(bigram)) terms.push(bigram);
    }
  }
  return terms;
}

function cleanText(question: string): string {
  return question.replace(/\[[^\]]{1,8}\]/gu, " ").trim();
}

/** One entry per ask; an ask rated down by several clients keeps its first reason. */
function dedupe(asks: readonly ProblemAsk[]): ProblemAsk[] {
  const seen = new Map<string, ProblemAsk>();
  for (const ask of asks) if (!seen.has(ask.askId)) seen.set(ask.askId, ask);
  return [...seen.values()];
}

/** Grows `term` one character at a time, left then right, while every text still contains the longer string. */
function widen(term: string, texts: readonly string[]): string {
  let label = term;
  const first = texts[0]!;
  for (let grew = true; grew; ) {
    grew = false;
    const at = first.indexOf(label);
    for (const candidate of [first.slice(Math.max(0, at - 1), at + label.length), first.slice(at, at + label.length + 1)]) {
      if (candidate.length > label.length && /^[\p{Script=Han}A-Za-z0-9]+$/u.test(candidate) && texts.every((t) => t.includes(candidate))) {
        label = candidate;
        grew = true;
        break;
      }
    }
  }
  return label;
}

export const REASON_LABEL: Record<string, string> = {
  "no-evidence": "未回答：文件中没有依据",
  "out-of-domain": "未回答：超出文件范围",
  "fact-not-stated": "未回答：文件未写明",
  ambiguous: "未回答：问题不明确",
  refused: "未回答",
  wrong: "👎 答错了",
  outdated: "👎 内容过时",
  incomplete: "👎 不完整",
  "not-found": "👎 没找到要的内容",
  other: "👎 其他",
  down: "👎 未说明原因",
};

function summarise(topic: string, asks: readonly ProblemAsk[]): GapGroup {
  const ordered = [...asks].sort((a, b) => b.at - a.at);
  const reasons = new Map<string, number>();
  const documents = new Map<string, { docId: string; count: number; bestScore: number }>();
  for (const ask of ordered) {
    if (!ask.answered) bump(reasons, ask.reason ?? "refused");
    if (ask.rating === "down") bump(reasons, ask.ratingReason ?? "down");
    for (const c of ask.citations.slice(0, MAX_DOCUMENTS)) {
      const entry = documents.get(c.docId) ?? { docId: c.docId, count: 0, bestScore: 0 };
      entry.count++;
      entry.bestScore = Math.max(entry.bestScore, c.score);
      documents.set(c.docId, entry);
    }
  }
  return {
    topic,
    count: ordered.length,
    refused: ordered.filter((a) => !a.answered).length,
    down: ordered.filter((a) => a.rating === "down").length,
    examples: ordered.slice(0, MAX_EXAMPLES).map((a) => a.question ?? ""),
    askIds: ordered.map((a) => a.askId),
    documents: [...documents.values()].sort((a, b) => b.count - a.count || b.bestScore - a.bestScore || a.docId.localeCompare(b.docId)).slice(0, MAX_DOCUMENTS),
    reasons: [...reasons].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
  };
}

function bump(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

// ---------------------------------------------------------------- CSV

export type CsvView = "groups" | "documents" | "daily" | "asks";
export const CSV_VIEWS: readonly CsvView[] = ["groups", "documents", "daily", "asks"];

/** RFC 4180 CSV with a BOM, so Excel (what a hotline centre opens it with) reads the Chinese text as UTF-8. */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const cell = (value: unknown) => {
    const text = value === null || value === undefined ? "" : String(value);
    // A leading = + - @ would run as a formula in a spreadsheet.
    const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return `\ufeff${[header, ...rows].map((row) => row.map(cell).join(",")).join("\r\n")}\r\n`;
}

/** `title` names a document id (the admin view passes the index's titles). */
export function viewCsv(view: CsvView, report: GapReport, asks: readonly ProblemAsk[], title: (docId: string) => string = (id) => id): string {
  switch (view) {
    case "groups":
      return toCsv(
        ["topic", "count", "refused", "down", "reasons", "closest_documents", "examples"],
        report.groups.map((g) => [
          g.topic,
          g.count,
          g.refused,
          g.down,
          g.reasons.map((r) => `${r.reason}:${r.count}`).join("; "),
          g.documents.map((d) => title(d.docId)).join("; "),
          g.examples.join(" | "),
        ]),
      );
    case "documents":
      return toCsv(["doc_id", "title", "asks", "problems"], report.documents.map((d) => [d.docId, title(d.docId), d.asks, d.problems]));
    case "daily":
      return toCsv(
        ["day", "asks", "refused", "down", "refused_share"],
        report.daily.map((d) => [d.day, d.asks, d.refused, d.down, d.asks ? (d.refused / d.asks).toFixed(3) : "0"]),
      );
    case "asks":
      return toCsv(
        ["ask_id", "time", "question", "intent", "answered", "reason", "rating", "rating_reason", "comment", "cited_documents"],
        asks.map((a) => [
          a.askId,
          new Date(a.at).toISOString(),
          a.question,
          a.intent,
          a.answered ? "yes" : "no",
          a.reason,
          a.rating,
          a.ratingReason,
          a.comment,
          a.citations.map((c) => `${c.docId}:${c.score.toFixed(3)}`).join("; "),
        ]),
      );
  }
}
