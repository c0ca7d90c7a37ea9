import { questionRecordSchema, type QuestionRecord } from "./questions-schema";

/** Parses eval/questions.jsonl strictly: a bad line is an error naming its line number. */
export function parseQuestions(text: string): QuestionRecord[] {
  return text
    .split("\n")
    .map((line, i) => ({ line: line.trim(), number: i + 1 }))
    .filter(({ line }) => line.length > 0)
    .map(({ line, number }) => {
      const parsed = questionRecordSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`eval/questions.jsonl line ${number}: ${parsed.error.message}`);
      return parsed.data;
    });
}

/** Every evaluation question: the main set plus the entitlement set (src/benefits). */
export const QUESTION_FILES = ["eval/questions.jsonl", "eval/benefit-questions.jsonl"] as const;

export function loadAllQuestions(readText: (path: string) => string): QuestionRecord[] {
  return QUESTION_FILES.flatMap((path) => parseQuestions(readText(path)));
}
