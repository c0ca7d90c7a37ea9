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
