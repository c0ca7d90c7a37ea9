import { isCjk } from "./fold";

/** A maximal run of one script: CJK ideographs, or ASCII letters/digits (with . inside numbers). */
export interface TextRun {
  kind: "cjk" | "alnum";
  text: string;
}

/**
 * Splits text into CJK runs and Latin/number runs, dropping punctuation and spaces.
 * Segmenters only ever see CJK runs: jieba splits "2023" into single digits,
 * which is useless for document numbers and targets such as 2025年.
 */
export function splitRuns(text: string): TextRun[] {
  const runs: TextRun[] = [];
  let current = null as TextRun | null;
  for (const ch of text) {
    const inNumber = ch === "." && current !== null && current.kind === "alnum";
    const kind: TextRun["kind"] | null = isCjk(ch) ? "cjk" : /[0-9a-zA-Z]/.test(ch) || inNumber ? "alnum" : null;
    if (kind === null) {
      current = null;
      continue;
    }
    if (current && current.kind === kind) current.text += ch;
    else {
      current = { kind, text: ch };
      runs.push(current);
    }
  }
  // A dot belongs to a run only as a decimal point (0.7679); elsewhere it separates tokens.
  return runs.flatMap((run) =>
    run.kind === "cjk"
      ? [run]
      : run.text
          .split(/(?<!\d)\.|\.(?!\d)/)
          .filter((text) => text.length > 0)
          .map((text) => ({ kind: "alnum" as const, text })),
  );
}
