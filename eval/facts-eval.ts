/**
 * Fact-level evaluation of the answer a user reads (eval/facts.jsonl): does the
 * first line state the asked fact, does the answer, do the citations; how often
 * an answerable question is refused and an unanswerable one answered; how long
 * answers are. Pure scoring over what /api/ask returned, plus one runner.
 */
import { answerQuestion, DEFAULT_ANSWER_SETTINGS, type AnswerSettings } from "../src/answer/compose";
import type { Answer } from "../src/answer/types";
import type { Engine } from "../src/engine/engine";
import { PERSONAS, FACT_TYPES, stripWhitespace, type FactRecord, type Split } from "./facts-schema";

export interface FactOutcome {
  id: string;
  answered: boolean;
  reason: string | null;
  /** The first fact / quote / field line (what a user reads as the answer). */
  firstLine: string | null;
  answer: string;
  citedText: string[];
  chars: number;
}

export interface FactScore {
  factAtFirst: boolean | null;
  factAtAnswer: boolean | null;
  factAtCited: boolean | null;
  wronglyRefused: boolean | null;
  falseAnswer: boolean | null;
}

export interface FactSummary {
  questions: number;
  answerable: number;
  unanswerable: number;
  traps: number;
  far: number;
  factAtFirst: number;
  factAtAnswer: number;
  factAtCited: number;
  wronglyRefused: number;
  falseAnswers: number;
  falseAnswersTrap: number;
  falseAnswersFar: number;
  /** Characters of answered responses. */
  charsP50: number;
  charsP90: number;
}

export interface FactMiss {
  id: string;
  split: Split;
  question: string;
  kind: "not-first" | "not-in-answer" | "wrongly-refused" | "false-answer";
  expected: string;
  given: string;
}

const ANSWER_LINES = new Set(["fact", "quote", "field"]);

export async function runFacts(
  engine: Engine,
  records: readonly FactRecord[],
  settings: AnswerSettings = DEFAULT_ANSWER_SETTINGS,
): Promise<FactOutcome[]> {
  const outcomes: FactOutcome[] = [];
  for (const r of records) outcomes.push(toOutcome(r.id, await answerQuestion(engine, { question: r.question, topK: 5 }, settings)));
  return outcomes;
}

export function toOutcome(id: string, answer: Answer): FactOutcome {
  return {
    id,
    answered: answer.answered,
    reason: answer.reason ?? null,
    firstLine: answer.lines.find((l) => ANSWER_LINES.has(l.kind))?.text ?? null,
    answer: answer.answer,
    citedText: answer.citations.map((c) => c.text),
    chars: [...answer.answer].length,
  };
}

export function scoreFact(record: FactRecord, outcome: FactOutcome): FactScore {
  if (!record.answerable) {
    return { factAtFirst: null, factAtAnswer: null, factAtCited: null, wronglyRefused: null, falseAnswer: outcome.answered };
  }
  const spans = record.facts.map(stripWhitespace);
  const has = (text: string | null) => !!text && spans.some((s) => stripWhitespace(text).includes(s));
  return {
    factAtFirst: outcome.answered && has(outcome.firstLine),
    factAtAnswer: outcome.answered && has(outcome.answer),
    factAtCited: outcome.citedText.some((t) => has(t)),
    wronglyRefused: !outcome.answered,
    falseAnswer: null,
  };
}

export function summarizeFacts(records: readonly FactRecord[], outcomes: readonly FactOutcome[]): FactSummary {
  const scores = records.map((r, i) => scoreFact(r, outcomes[i]!));
  const answerable = records.filter((r) => r.answerable).length;
  const traps = records.filter((r) => !r.answerable && r.kind === "trap").length;
  const far = records.filter((r) => !r.answerable && r.kind === "far").length;
  const share = (pick: (s: FactScore, r: FactRecord) => boolean | null, of: number) =>
    of ? scores.filter((s, i) => pick(s, records[i]!) === true).length / of : 0;
  const chars = outcomes.filter((o) => o.answered).map((o) => o.chars).sort((a, b) => a - b);
  return {
    questions: records.length,
    answerable,
    unanswerable: traps + far,
    traps,
    far,
    factAtFirst: share((s) => s.factAtFirst, answerable),
    factAtAnswer: share((s) => s.factAtAnswer, answerable),
    factAtCited: share((s) => s.factAtCited, answerable),
    wronglyRefused: share((s) => s.wronglyRefused, answerable),
    falseAnswers: share((s) => s.falseAnswer, traps + far),
    falseAnswersTrap: share((s, r) => !r.answerable && r.kind === "trap" && s.falseAnswer, traps),
    falseAnswersFar: share((s, r) => !r.answerable && r.kind === "far" && s.falseAnswer, far),
    charsP50: percentile(chars, 0.5),
    charsP90: percentile(chars, 0.9),
  };
}

/** Summaries per split, and per persona and fact type within each split. */
export function factReport(records: readonly FactRecord[], outcomes: readonly FactOutcome[]) {
  const subset = (keep: (r: FactRecord) => boolean) => {
    const idx = records.map((r, i) => (keep(r) ? i : -1)).filter((i) => i >= 0);
    return summarizeFacts(idx.map((i) => records[i]!), idx.map((i) => outcomes[i]!));
  };
  const splits = ["dev", "test"] as const;
  return Object.fromEntries(
    splits.map((split) => [
      split,
      {
        all: subset((r) => r.split === split),
        byPersona: Object.fromEntries(PERSONAS.map((p) => [p, subset((r) => r.split === split && r.persona === p)])),
        byFactType: Object.fromEntries(FACT_TYPES.map((t) => [t, subset((r) => r.split === split && r.factType === t)])),
      },
    ]),
  ) as Record<Split, { all: FactSummary; byPersona: Record<string, FactSummary>; byFactType: Record<string, FactSummary> }>;
}

/** Every miss, with what was expected and the first line given. */
export function factMisses(records: readonly FactRecord[], outcomes: readonly FactOutcome[]): FactMiss[] {
  const misses: FactMiss[] = [];
  records.forEach((r, i) => {
    const o = outcomes[i]!;
    const s = scoreFact(r, o);
    const given = o.answered ? (o.firstLine ?? "") : `（未回答：${o.reason}）${o.answer.split("\n")[0] ?? ""}`;
    const base = { id: r.id, split: r.split, question: r.question, given: given.slice(0, 160) };
    if (!r.answerable) {
      if (s.falseAnswer) misses.push({ ...base, kind: "false-answer", expected: `unanswerable (${r.kind}): ${r.note}`.slice(0, 160) });
      return;
    }
    const expected = r.facts.join(" | ");
    if (s.wronglyRefused) misses.push({ ...base, kind: "wrongly-refused", expected });
    else if (!s.factAtAnswer) misses.push({ ...base, kind: "not-in-answer", expected });
    else if (!s.factAtFirst) misses.push({ ...base, kind: "not-first", expected });
  });
  return misses;
}

function percentile(sorted: readonly number[], q: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** The fact-level report as markdown: per split, persona and fact type, then every miss of the test split. */
export function renderFactsMarkdown(report: ReturnType<typeof factReport>, misses: readonly FactMiss[], indexBuildId: string): string {
  const pct = (x: number) => x.toFixed(3);
  const header = "| subset | answerable | traps / far | fact@first | fact@answer | fact@cited | wrongly refused | false answers (traps / far) | chars p50 / p90 |";
  const rule = "|---|---|---|---|---|---|---|---|---|";
  const row = (name: string, s: FactSummary) =>
    s.questions === 0
      ? null
      : `| ${name} | ${s.answerable} | ${s.traps} / ${s.far} | ${pct(s.factAtFirst)} | ${pct(s.factAtAnswer)} | ${pct(s.factAtCited)} | ` +
        `${pct(s.wronglyRefused)} | ${pct(s.falseAnswers)} (${pct(s.falseAnswersTrap)} / ${pct(s.falseAnswersFar)}) | ${s.charsP50} / ${s.charsP90} |`;
  const lines = [
    "# Fact-level evaluation (eval/facts.jsonl)",
    "",
    `Generated by \`npm run eval\` on index \`${indexBuildId}\`. Questions written blind from the gazette; the split was frozen before any tuning, and only dev was tuned on.`,
    "A line *states the fact* when, whitespace removed, it contains one of the question's verbatim fact spans. fact@first reads the first fact / quote / field line; wrongly refused and false answers count `answered`.",
    "",
  ];
  for (const split of ["test", "dev"] as const) {
    const r = report[split];
    lines.push(`## ${split}`, "", header, rule);
    lines.push(row("all", r.all)!);
    for (const [p, s] of Object.entries(r.byPersona)) {
      const line = row(`persona: ${p}`, s);
      if (line) lines.push(line);
    }
    for (const [t, s] of Object.entries(r.byFactType)) {
      const line = row(`asks: ${t}`, s);
      if (line) lines.push(line);
    }
    lines.push("");
  }
  const test = misses.filter((m) => m.split === "test");
  lines.push(`## Every miss on the test split (${test.length})`, "", "| id | kind | question | expected | first line given |", "|---|---|---|---|---|");
  const cell = (t: string) => t.replace(/\|/gu, "\\|").replace(/\n/gu, " ");
  for (const m of test) lines.push(`| ${m.id} | ${m.kind} | ${cell(m.question)} | ${cell(m.expected)} | ${cell(m.given)} |`);
  return lines.join("\n") + "\n";
}
